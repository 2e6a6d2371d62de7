package eu.herald.notifications.rendering;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Session times as a recipient reads them: converted to the recipient's zone, the date in the recipient's
 * language and the zone as its customary abbreviation ("16:30 CEST" in Warsaw, "15:30 WEST" in Lisbon). Every
 * channel writes its times here (webhooks carry them beside the ISO ones), so that all tell the same time.
 */
public final class LocalTimes {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    /**
     * Abbreviations such as CEST and WEST are what Polish and Portuguese readers use too. CLDR has them for Europe's
     * zones in British English; its plain English leaves them out, and the JDK fills them in from older data in a
     * way that is not stable within a running JVM (a suite once saw "GMT+02:00" for Brussels where another run saw
     * "CEST"). So British English first, plain English for zones it has no abbreviation for (EST, JST).
     */
    private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.UK);

    private static final DateTimeFormatter ZONE_ELSEWHERE = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

    private final ZoneId zone;
    private final DateTimeFormatter date;

    LocalTimes(ZoneId zone, String datePattern, Locale language) {
        this.zone = zone;
        this.date = DateTimeFormatter.ofPattern(datePattern, language);
    }

    /** Times for a reader in {@code zone} who reads {@code language}, dates written as every channel writes them. */
    public static LocalTimes of(ZoneId zone, Locale language) {
        return new LocalTimes(zone, Wording.in(language).text("date.pattern"), language);
    }

    public ZonedDateTime at(LocalDateTime local, ZoneId localZone) {
        return local.atZone(localZone).withZoneSameInstant(zone);
    }

    /** "16:30 CEST" */
    String time(ZonedDateTime time) {
        return TIME.format(time) + " " + zone(time);
    }

    /** "Tuesday 11 October 2022, 16:30 CEST" */
    String dateTime(ZonedDateTime time) {
        return date.format(time) + ", " + time(time);
    }

    /** "Tuesday 11 October 2022, 16:30–18:00 CEST", or both ends in full when they fall on different days. */
    public String span(ZonedDateTime start, ZonedDateTime end) {
        if (start.toLocalDate().equals(end.toLocalDate()) && zone(start).equals(zone(end))) {
            return date.format(start) + ", " + TIME.format(start) + "–" + time(end);
        }
        return dateTime(start) + " – " + dateTime(end);
    }

    /** "CEST"; where CLDR has no abbreviation in either English, its "GMT+02:00" */
    private static String zone(ZonedDateTime time) {
        String british = ZONE.format(time);
        return british.startsWith("GMT+") || british.startsWith("GMT-") ? ZONE_ELSEWHERE.format(time) : british;
    }
}
