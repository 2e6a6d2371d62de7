package eu.herald.subscriptions;

import eu.herald.egress.AddressGuard;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Name resolution for the tests' webhook and push service hosts, so that no test depends on real DNS (the build
 * may have none). The tests' webhook hosts live under the reserved {@code .example} domain: {@code inside.example}
 * names point into a private network as well as outside, {@code nowhere.example} names do not resolve, every
 * other {@code .example} name resolves to a public address. The browsers' push services resolve to a public
 * address too. Any other name does not resolve. Literal addresses never reach a resolver: the guard reads them
 * itself.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDns {

    static final String PUBLIC = "93.184.215.14";
    static final String PRIVATE = "10.0.0.7";

    /** The hosts of the push services of Chrome, Firefox, Safari and Edge that push subscriptions name. */
    private static final Set<String> PUSH_SERVICES = Set.of(
            "fcm.googleapis.com",
            "updates.push.services.mozilla.com",
            "web.push.apple.com",
            "wns2-par02p.notify.windows.com");

    @Bean
    AddressGuard.Resolver hostResolver() {
        return host -> {
            if (host.equals("localhost")) {
                return new InetAddress[] {InetAddress.getByName("127.0.0.1")};
            }
            if (host.endsWith("nowhere.example")) {
                throw new UnknownHostException(host);
            }
            if (host.endsWith("inside.example")) {
                return new InetAddress[] {InetAddress.getByName(PUBLIC), InetAddress.getByName(PRIVATE)};
            }
            if (host.endsWith(".example") || PUSH_SERVICES.contains(host)) {
                return new InetAddress[] {InetAddress.getByName(PUBLIC)};
            }
            throw new UnknownHostException(host + " has no record in the tests' DNS");
        };
    }
}
