package eu.herald.web.portal;

import eu.herald.web.i18n.Localized;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Instants as the municipality's clock shows them, written as the page's language writes dates and times. */
public final class Times {

    private final DateTimeFormatter format;

    public Times(ZoneId zone, Locale locale) {
        this.format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Localized.regional(locale))
                .withZone(zone);
    }

    public String of(@Nullable Instant instant) {
        return instant == null ? "" : format.format(instant);
    }

    /** For a {@code <time datetime>} attribute. */
    public String iso(@Nullable Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
