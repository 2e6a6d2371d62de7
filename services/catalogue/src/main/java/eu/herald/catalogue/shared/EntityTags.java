package eu.herald.catalogue.session.web;

import org.jspecify.annotations.Nullable;

/** Strong entity tags carrying the session version: {@code "3"}. */
final class EntityTags {

    /** Stands for an If-Match that names no version at all, so it matches none. */
    private static final int NO_VERSION = -1;

    private EntityTags() {}

    static String of(int version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an If-Match header asks for, or null when any version will do (no header, or {@code *}).
     * Weak or malformed tags never match, as RFC 9110 requires strong comparison for If-Match.
     */
    static @Nullable Integer expectedVersion(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.length() < 3 || !tag.startsWith("\"") || !tag.endsWith("\"")) {
            return NO_VERSION;
        }
        try {
            return Integer.parseInt(tag.substring(1, tag.length() - 1));
        } catch (NumberFormatException e) {
            return NO_VERSION;
        }
    }
}
