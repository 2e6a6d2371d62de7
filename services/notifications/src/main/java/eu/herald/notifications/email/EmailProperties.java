package eu.herald.notifications.email;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param from the sender of every email, an RFC 5322 address with an optional display name
 * @param messageIdDomain the right-hand side of every Message-ID ({@code <deliveryId@domain>})
 */
@Validated
@ConfigurationProperties("herald.notifications.mail")
record EmailProperties(
        @DefaultValue("Herald <noreply@herald.local>") @NotBlank
        String from,

        @DefaultValue("herald") @NotBlank String messageIdDomain) {}
