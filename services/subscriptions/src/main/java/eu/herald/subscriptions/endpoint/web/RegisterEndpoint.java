package eu.herald.subscriptions.endpoint.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/municipalities/{id}/endpoints}. The municipality comes from the path;
 * the status is decided by the service.
 */
record RegisterEndpoint(
        @NotBlank @Pattern(regexp = "EMAIL", message = "must be EMAIL (web push and webhooks are not available yet)")
        String channel,

        @NotBlank
        @Size(max = 254)
        @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "must be an email address")
        String address) {}
