package eu.herald.subscriptions;

import eu.herald.testsupport.TestIssuer;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Real RS256 tokens of the test issuer, as the Authorization header: the admin's ({@code subscriptions:admin})
 * and each municipality's own ({@code subscriptions:write} with its {@code municipality_id}).
 */
public final class Tokens {

    public static final TestIssuer ISSUER = TestIssuer.shared();
    /** The client of the admin in the tests (a limit of its own, see {@link IntegrationTest}). */
    public static final String ADMIN_CLIENT = "test-admin";
    /** The client every municipality's own token of the tests is issued to (a limit of its own). */
    public static final String TENANT_CLIENT = "test-municipality";
    /** The client of the operators in the tests, who count the audience of a change (a limit of its own). */
    public static final String OPERATOR_CLIENT = "test-operator";
    /** A request attribute that keeps {@link #forPath()} from adding a token: the request goes without one. */
    public static final String WITHOUT_TOKEN = Tokens.class.getName() + ".withoutToken";

    private static final Pattern MUNICIPALITY_PATH = Pattern.compile("^/api/municipalities/([0-9a-fA-F-]{36})(/.*)?$");
    private static final Map<UUID, String> TENANTS = new ConcurrentHashMap<>();
    private static final String ADMIN = "Bearer " + ISSUER.token(ADMIN_CLIENT, "subscriptions:admin");
    private static final String OPERATOR = "Bearer " + ISSUER.token(OPERATOR_CLIENT, "subscriptions:audience");

    private Tokens() {}

    public static String admin() {
        return ADMIN;
    }

    /** An operator's token: {@code subscriptions:audience}, for the audience of a change. */
    public static String operator() {
        return OPERATOR;
    }

    /** The municipality's own token: {@code subscriptions:write} naming it in {@code municipality_id}. */
    public static String tenant(UUID municipality) {
        return TENANTS.computeIfAbsent(
                municipality, id -> "Bearer " + ISSUER.municipalityToken(TENANT_CLIENT, id, "subscriptions:write"));
    }

    /**
     * Adds the token a legitimate caller of the path has, unless the request sets its own Authorization
     * header or {@link #WITHOUT_TOKEN}: the municipality's own under {@code /api/municipalities/{id}}, the
     * admin's for onboarding, none elsewhere (public links and pages). The tests of the behaviour of the API
     * read as before; the tests of who may call what set the header themselves.
     */
    public static RequestPostProcessor forPath() {
        return request -> {
            if (request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getAttribute(WITHOUT_TOKEN) != null) {
                return request;
            }
            String path = request.getRequestURI();
            Matcher municipality = MUNICIPALITY_PATH.matcher(path);
            if (municipality.matches()) {
                request.addHeader(HttpHeaders.AUTHORIZATION, tenant(UUID.fromString(municipality.group(1))));
            } else if (path.equals("/api/municipalities")) {
                request.addHeader(HttpHeaders.AUTHORIZATION, admin());
            }
            return request;
        };
    }
}
