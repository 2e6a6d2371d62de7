package eu.herald.subscriptions.endpoint.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/municipalities/{id}/endpoints}: one of {@code address} (EMAIL), {@code
 * subscription} (WEB_PUSH: the browser's PushSubscription JSON as {@code pushSubscription.toJSON()}
 * gives it) or {@code url} (WEBHOOK). The municipality comes from the path; the status is decided by
 * the service.
 */
record RegisterEndpoint(
        @NotBlank @Pattern(regexp = "EMAIL|WEB_PUSH|WEBHOOK", message = "must be EMAIL, WEB_PUSH or WEBHOOK")
        String channel,

        @Nullable
        @Size(max = 254)
        @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "must be an email address")
        String address,

        @Nullable @Valid PushSubscriptionInput subscription,

        @Nullable @Size(max = 2048) String url) {

    record PushSubscriptionInput(
            @NotBlank @Size(max = 2048) String endpoint,
            @Nullable Long expirationTime,
            @Valid Keys keys) {}

    record Keys(
            @NotBlank @Size(max = 200) String p256dh,
            @NotBlank @Size(max = 100) String auth) {}

    @AssertTrue(message = "EMAIL needs address")
    boolean isAddressGivenForEmail() {
        return !"EMAIL".equals(channel) || (address != null && !address.isBlank());
    }

    @AssertTrue(message = "WEB_PUSH needs subscription with endpoint and keys (p256dh, auth)")
    boolean isSubscriptionGivenForWebPush() {
        return !"WEB_PUSH".equals(channel) || (subscription != null && subscription.keys() != null);
    }

    @AssertTrue(message = "WEBHOOK needs url")
    boolean isUrlGivenForWebhook() {
        return !"WEBHOOK".equals(channel) || (url != null && !url.isBlank());
    }
}
