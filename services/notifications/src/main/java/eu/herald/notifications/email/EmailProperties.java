package eu.herald.notifications.email;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param from the sender of every email, an RFC 5322 address with an optional display name
 * @param messageIdDomain the right-hand side of every Message-ID ({@code <deliveryId@domain>})
 * @param unsubscribeMailbox the mailbox of the {@code mailto:} unsubscribe link offered beside the signed URL
 * @param connections SMTP connections kept open and used in parallel
 * @param renderingCacheSize renderings kept, one per (change, language, time zone)
 */
@Validated
@ConfigurationProperties("herald.notifications.mail")
record EmailProperties(
        @DefaultValue("Herald <noreply@herald.local>") @NotBlank
        String from,

        @DefaultValue("herald") @NotBlank String messageIdDomain,
        @DefaultValue("unsubscribe@herald.local") @NotBlank String unsubscribeMailbox,
        @DefaultValue("4") @Min(1) int connections,
        @DefaultValue("10000") @Min(1) int renderingCacheSize) {

    /** The defaults, for tests and tools that build the notifier by hand. */
    static EmailProperties defaults() {
        return new EmailProperties("Herald <noreply@herald.local>", "herald", "unsubscribe@herald.local", 4, 10_000);
    }
}
