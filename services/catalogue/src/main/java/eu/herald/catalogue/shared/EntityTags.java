package eu.herald.catalogue.shared;

import eu.herald.problems.PreconditionRequired;
import java.util.function.IntSupplier;
import org.jspecify.annotations.Nullable;

/** Strong entity tags carrying a resource's version ({@code "3"}), and the If-Match rules of the API. */
public final class EntityTags {

    /** Stands for an If-Match that names no version at all, so it matches none. */
    private static final int NO_VERSION = -1;

    private EntityTags() {}

    public static String of(int version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an If-Match header asks for. A change must name the version it was based on: without
     * the header, or with {@code *} (which would overwrite whatever is there), it is refused with 428, which
     * names the resource's current version (looked up only then) so the client knows which one to read.
     * Weak or malformed tags never match (RFC 9110 requires strong comparison for If-Match).
     */
    public static int requiredVersion(@Nullable String ifMatch, IntSupplier currentVersion) {
        if (namesNoVersion(ifMatch)) {
            throw new PreconditionRequired(currentVersion.getAsInt());
        }
        return version(ifMatch);
    }

    private static boolean namesNoVersion(@Nullable String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*");
    }

    private static int version(String ifMatch) {
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
