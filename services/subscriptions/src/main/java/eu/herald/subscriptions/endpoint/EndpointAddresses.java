package eu.herald.subscriptions.endpoint;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Checks of the addresses a municipality registers. Each answers why the value is unacceptable, or
 * null. The webhook and push endpoint checks are about the form of the URL; where it leads is the SSRF
 * guard's ({@code eu.herald.egress.AddressGuard}: every resolved address, at registration and at delivery).
 */
final class EndpointAddresses {

    private EndpointAddresses() {}

    static @Nullable String webhookUrlProblem(String url, boolean allowHttp) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "must be a well-formed https URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            return allowHttp ? "must be an http or https URL" : "must be an https URL";
        }
        if (uri.getHost() == null
                || uri.getHost().isBlank()
                || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null) {
            return "must be an https URL with a host and without credentials or fragment";
        }
        if (url.length() > 2048) {
            return "must be at most 2048 characters";
        }
        return null;
    }

    static @Nullable String pushEndpointProblem(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "must be the https URL of a push service";
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || url.length() > 2048) {
            return "must be the https URL of a push service";
        }
        return null;
    }

    /** The browser's public key: an uncompressed P-256 point, 65 bytes starting with 4 (RFC 8291). */
    static @Nullable String p256dhProblem(String key) {
        byte[] bytes = base64Url(key);
        return bytes != null && bytes.length == 65 && bytes[0] == 4
                ? null
                : "must be an uncompressed P-256 public key in base64url (65 bytes)";
    }

    /** The browser's authentication secret: 16 bytes (RFC 8291). */
    static @Nullable String authProblem(String secret) {
        byte[] bytes = base64Url(secret);
        return bytes != null && bytes.length == 16 ? null : "must be a 16-byte authentication secret in base64url";
    }

    private static byte @Nullable [] base64Url(String value) {
        try {
            return Base64.getUrlDecoder().decode(value.replace("=", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
