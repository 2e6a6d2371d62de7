package eu.herald.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The pages through MockMvc, signed in as after a real sign-in (an ID token with the role's claims, an access token in
 * the session), in front of one stub standing for the three services. The stub lives as long as the test JVM, as the
 * application context that points at it does; each test sets the answers it needs.
 */
@SpringBootTest(properties = {"herald.web.client-secret=test-secret", "herald.web.issuer=http://localhost:9999"})
@AutoConfigureMockMvc
public abstract class PagesTestSupport {

    protected static final ServiceStub SERVICES = new ServiceStub();

    @Autowired
    protected MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry properties) {
        properties.add("herald.web.catalogue-url", SERVICES::url);
        properties.add("herald.web.subscriptions-url", SERVICES::url);
        properties.add("herald.web.notifications-url", SERVICES::url);
    }

    /** Signed in with this role and these further ID token claims (a clerk's {@code municipality_id}, a name). */
    protected RequestPostProcessor signedIn(String role, Map<String, Object> claims) {
        return oidcLogin()
                .clientRegistration(registrations.findByRegistrationId("herald"))
                .idToken(token -> token.claim("herald_role", role).claims(all -> all.putAll(claims)))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(java.util.Locale.ROOT)));
    }
}
