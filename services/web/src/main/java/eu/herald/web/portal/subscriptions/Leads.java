package eu.herald.web.portal.subscriptions;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.MessageSource;

/** A reminder's lead time in words: "1 day", "24 hours", "15 min", in the page's language. */
final class Leads {

    private Leads() {}

    static String words(String written, MessageSource messages, Locale locale) {
        Duration lead;
        try {
            lead = Duration.parse(written);
        } catch (RuntimeException notADuration) {
            return written;
        }
        if (lead.toDays() > 0 && lead.equals(Duration.ofDays(lead.toDays()))) {
            return messages.getMessage("portal.lead.days", new Object[] {lead.toDays()}, locale);
        }
        if (lead.toHours() > 0 && lead.equals(Duration.ofHours(lead.toHours()))) {
            return messages.getMessage("portal.lead.hours", new Object[] {lead.toHours()}, locale);
        }
        return messages.getMessage("portal.lead.minutes", new Object[] {Math.max(1, lead.toMinutes())}, locale);
    }
}
