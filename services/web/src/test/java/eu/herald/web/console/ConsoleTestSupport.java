package eu.herald.web.console;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

import eu.herald.web.ServiceStub;
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
 * The console's pages through MockMvc, signed in as an operator (with an access token in the session, as after a
 * real sign-in), in front of one stub standing for the three services. The stub lives as long as the test JVM, as
 * the application context that points at it does.
 */
@SpringBootTest(properties = {"herald.web.client-secret=test-secret", "herald.web.issuer=http://localhost:9999"})
@AutoConfigureMockMvc
abstract class ConsoleTestSupport {

    static final String EVENT = "3d6f2b8e-1c4a-4e7b-8f2d-9a0b1c2d3e40";
    static final String ID = "5f0c6a52-8f4b-4a51-9d8e-0c2a9b7e6d11";
    static final ServiceStub SERVICES = new ServiceStub();

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry properties) {
        properties.add("herald.web.catalogue-url", SERVICES::url);
        properties.add("herald.web.subscriptions-url", SERVICES::url);
        properties.add("herald.web.notifications-url", SERVICES::url);
    }

    RequestPostProcessor operator() {
        return oidcLogin()
                .clientRegistration(registrations.findByRegistrationId("herald"))
                .idToken(token -> token.claim("herald_role", "operator").claim("name", "Olga Operator"))
                .authorities(new SimpleGrantedAuthority("ROLE_OPERATOR"));
    }
}
