package eu.herald.web.console;

import eu.herald.web.i18n.Localized;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Times as the console shows them, formatted for the page's language: a session's in its own zone (the catalogue
 * gives them as local times there), the moments of deliveries and audit entries in UTC, said so. Templates call it
 * as {@code @times}.
 */
@Component("times")
public class Times {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);

    public String local(@Nullable LocalDateTime time) {
        return time == null
                ? ""
                : DATE_TIME
                        .withLocale(Localized.regional(LocaleContextHolder.getLocale()))
                        .format(time);
    }

    public String date(@Nullable LocalDate date) {
        return date == null
                ? ""
                : DATE.withLocale(Localized.regional(LocaleContextHolder.getLocale()))
                        .format(date);
    }

    public String utc(@Nullable Instant instant) {
        return instant == null ? "" : local(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)) + " UTC";
    }
}
