package eu.herald.subscriptions.subscription;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** What a subscription follows, and how its value is written. */
public enum SelectorType {
    /** Every session carrying the theme, by slug, such as territorial-cohesion. */
    THEME(Formats.SLUG, "must be a theme slug such as territorial-cohesion"),
    /** Every session of the event, by event id. */
    EVENT(Formats.UUID, "must be an event id (UUID)"),
    /** A single session, by session id. */
    SESSION(Formats.UUID, "must be a session id (UUID)");

    private static final int MAX_LENGTH = 100;

    private final Pattern format;
    private final String expectation;

    SelectorType(Pattern format, String expectation) {
        this.format = format;
        this.expectation = expectation;
    }

    /** Why the value cannot select anything of this type, or null when it can. */
    public @Nullable String problemWith(String value) {
        return value.length() <= MAX_LENGTH && format.matcher(value).matches() ? null : expectation;
    }

    /** The value as the catalogue writes it (ids in lower case), so matching is a plain equality. */
    String normalize(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    /** Initialised before the constants that use them, unlike the enum's own static fields. */
    private static final class Formats {
        static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
        static final Pattern UUID =
                Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    }
}
