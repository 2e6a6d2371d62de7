package eu.herald.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** People sign in to the web application: authorization code with PKCE through the login page, as a browser does. */
class UserSignInIntegrationTests extends RunningAuthorizationServer {

    private static final String REDIRECT_URI = WEB + "/login/oauth2/code/herald";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    /** A browser: cookies kept, redirects followed by the test, one step at a time. */
    private final HttpClient browser = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Test
    void aClerksAccessTokenCarriesItsMunicipalityAndTheIdTokenWhoSignedIn() throws Exception {
        JsonNode tokens = signIn("plock");

        JWTClaimsSet access = claims(tokens.get("access_token").asString());
        assertThat(access.getStringListClaim("scope")).containsExactly("subscriptions:write");
        assertThat(access.getStringClaim("municipality_id")).isEqualTo("6e8f0a1b-2c3d-4e5f-8a7b-9c0d1e2f3a4b");
        assertThat(access.getStringClaim("client_id")).isEqualTo("herald-web");
        assertThat(access.getSubject()).isEqualTo("plock");
        JWTClaimsSet id = claims(tokens.get("id_token").asString());
        assertThat(id.getStringClaim("name")).isEqualTo("Urząd Miasta Płocka");
        assertThat(id.getStringClaim("preferred_username")).isEqualTo("plock");
        assertThat(id.getStringClaim("herald_role")).isEqualTo("CLERK");
        assertThat(id.getStringClaim("municipality_id")).isEqualTo("6e8f0a1b-2c3d-4e5f-8a7b-9c0d1e2f3a4b");

        HttpResponse<String> refreshed = token(Map.of(
                "grant_type",
                "refresh_token",
                "refresh_token",
                tokens.get("refresh_token").asString()));
        assertThat(refreshed.statusCode()).isEqualTo(200);
        JWTClaimsSet again =
                claims(json.readTree(refreshed.body()).get("access_token").asString());
        assertThat(again.getStringListClaim("scope")).containsExactly("subscriptions:write");
        assertThat(again.getStringClaim("municipality_id")).isEqualTo("6e8f0a1b-2c3d-4e5f-8a7b-9c0d1e2f3a4b");
    }

    @Test
    void anOperatorGetsTheOperatorScopesAndNoMunicipality() throws Exception {
        JsonNode tokens = signIn("operator");

        JWTClaimsSet access = claims(tokens.get("access_token").asString());
        assertThat(access.getStringListClaim("scope"))
                .containsExactlyInAnyOrder("catalogue:write", "notifications:operate", "subscriptions:audience");
        assertThat(access.getClaim("municipality_id")).isNull();
        assertThat(claims(tokens.get("id_token").asString()).getStringClaim("herald_role"))
                .isEqualTo("OPERATOR");
        HttpResponse<String> userInfo = browser.send(
                HttpRequest.newBuilder(url("/userinfo"))
                        .header(
                                "Authorization",
                                "Bearer " + tokens.get("access_token").asString())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(userInfo.statusCode()).isEqualTo(200);
        assertThat(json.readTree(userInfo.body()).get("sub").asString()).isEqualTo("operator");
    }

    @Test
    void refusesAnAuthorizationRequestWithoutCodeChallenge() throws Exception {
        HttpResponse<String> response = get(authorizePath(null), "en");

        String location = response.headers().firstValue("Location").orElse("");
        assertThat(response.statusCode()).isIn(302, 400);
        assertThat(location).doesNotContain("code=").doesNotEndWith("/login");
        if (response.statusCode() == 302) {
            assertThat(location).startsWith(REDIRECT_URI).contains("error=invalid_request");
        }
    }

    @Test
    void showsAWrongPasswordInTheLanguageOfTheBrowserWithTheSessionCookieOfItsOwn() throws Exception {
        HttpResponse<String> authorize = get(authorizePath(challenge(verifier())), "pl-PL,pl;q=0.9,en;q=0.5");
        assertThat(authorize.headers().firstValue("Location"))
                .hasValue(url("/login").toString());
        assertThat(authorize.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("HERALD_AUTH_SESSION=")
                        .contains("HttpOnly")
                        .contains("SameSite=Lax"));

        HttpResponse<String> failed = postLogin("plock", "not-" + CREDENTIALS.userPassword("plock"));
        assertThat(failed.headers().firstValue("Location"))
                .hasValue(url("/login?error").toString());

        HttpResponse<String> page = get("/login?error", "pl-PL,pl;q=0.9,en;q=0.5");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("lang=\"pl\"")
                .contains("Nieprawidłowa nazwa użytkownika lub hasło.")
                .contains("<label for=\"password\">Hasło</label>");
        assertThat(get("/login?error", "de").body()).contains("lang=\"en\"").contains("Wrong user name or password.");
    }

    @Test
    void speaksTheLanguageTheAuthorizationRequestAsksFor() throws Exception {
        get(authorizePath(challenge(verifier())) + "&ui_locales=pt-PT%20en", "pl");

        assertThat(get("/login", "pl").body()).contains("lang=\"pt\"").contains("Palavra-passe");
    }

    @Test
    void signingOutEndsTheSessionOfTheAuthorizationServer() throws Exception {
        JsonNode tokens = signIn("fundao");

        HttpResponse<String> logout = get(
                "/connect/logout?id_token_hint=" + tokens.get("id_token").asString() + "&post_logout_redirect_uri="
                        + URLEncoder.encode(WEB + "/", StandardCharsets.UTF_8),
                "en");

        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location")).hasValue(WEB + "/");
        HttpResponse<String> authorizeAgain = get(authorizePath(challenge(verifier())), "en");
        assertThat(authorizeAgain.headers().firstValue("Location"))
                .hasValue(url("/login").toString());
    }

    /** The whole flow: authorize, login page, login form, authorize again, code for tokens with the verifier. */
    private JsonNode signIn(String user) throws Exception {
        String verifier = verifier();
        HttpResponse<String> authorize = get(authorizePath(challenge(verifier)), "en");
        assertThat(authorize.headers().firstValue("Location"))
                .hasValue(url("/login").toString());

        HttpResponse<String> loggedIn = postLogin(user, CREDENTIALS.userPassword(user));
        String saved = loggedIn.headers().firstValue("Location").orElseThrow();
        assertThat(saved).contains("/oauth2/authorize");

        HttpResponse<String> redirect =
                get(URI.create(saved).getRawPath() + "?" + URI.create(saved).getRawQuery(), "en");
        URI back = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        assertThat(back.toString()).startsWith(REDIRECT_URI).contains("state=xyz");
        String code = query(back).get("code");

        HttpResponse<String> tokens = token(Map.of(
                "grant_type", "authorization_code",
                "code", code,
                "redirect_uri", REDIRECT_URI,
                "code_verifier", verifier));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return json.readTree(tokens.body());
    }

    private HttpResponse<String> postLogin(String user, String password) throws Exception {
        Matcher csrf = CSRF.matcher(get("/login", "en").body());
        assertThat(csrf.find()).as("the login form's CSRF token").isTrue();
        return browser.send(
                HttpRequest.newBuilder(url("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                form(Map.of("username", user, "password", password, "_csrf", csrf.group(1)))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> token(Map<String, String> parameters) throws Exception {
        String basic = Base64.getEncoder()
                .encodeToString(
                        ("herald-web:" + CREDENTIALS.clientSecret("herald-web")).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(url("/oauth2/token"))
                                .header("Authorization", "Basic " + basic)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form(parameters)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private String authorizePath(String challenge) {
        return "/oauth2/authorize?response_type=code&client_id=herald-web&scope=openid%20profile&state=xyz"
                + "&nonce=n-0S6_WzA2Mj&redirect_uri=" + URLEncoder.encode(REDIRECT_URI, StandardCharsets.UTF_8)
                + (challenge == null ? "" : "&code_challenge_method=S256&code_challenge=" + challenge);
    }

    private HttpResponse<String> get(String path, String language) throws IOException, InterruptedException {
        return browser.send(
                HttpRequest.newBuilder(url(path))
                        .header("Accept", "text/html,application/xhtml+xml")
                        .header("Accept-Language", language)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JWTClaimsSet claims(String jwt) throws Exception {
        return SignedJWT.parse(jwt).getJWTClaimsSet();
    }

    private static String verifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }
}
