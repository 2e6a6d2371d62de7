package eu.herald.catalogue.shared;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Links an organiser gives: only absolute http(s) URLs, which every client can open safely. */
public final class Links {

    public static final int MAX_LENGTH = 2000;
    private static final Set<String> WEB_SCHEMES = Set.of("http", "https");

    private Links() {}

    /** Whether the link is absent or an absolute http(s) URL of reasonable length. */
    public static boolean isWebLinkOrAbsent(@Nullable String link) {
        if (link == null) {
            return true;
        }
        if (link.length() > MAX_LENGTH) {
            return false;
        }
        try {
            URI uri = new URI(link);
            return uri.getScheme() != null
                    && WEB_SCHEMES.contains(uri.getScheme().toLowerCase())
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
