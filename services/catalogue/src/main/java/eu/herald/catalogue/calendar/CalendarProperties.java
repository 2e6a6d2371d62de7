package eu.herald.catalogue.calendar;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who publishes the feeds. RFC 5546 wants an ORGANIZER on every published entry; by default it is the sender of
 * the notifications' mails, so that a session's entry names the same organizer in a feed and in a mail.
 *
 * @param organizerName the organizer's display name
 * @param organizer the organizer's mail address
 */
@Validated
@ConfigurationProperties("herald.catalogue.calendar")
record CalendarProperties(
        @DefaultValue("Herald") @NotBlank String organizerName,

        @DefaultValue("noreply@herald.local") @NotBlank @Email
        String organizer) {}
