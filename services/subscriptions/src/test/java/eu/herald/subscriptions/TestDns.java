package eu.herald.subscriptions;

import eu.herald.egress.AddressGuard;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Name resolution for the tests' webhook hosts, which live under the reserved {@code .example} domain and have
 * no DNS records (and the build may have no DNS at all): {@code inside.example} names point into a private
 * network, {@code nowhere.example} names do not resolve, every other {@code .example} name resolves to a
 * public address. Literal addresses never reach a resolver: the guard reads them itself.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDns {

    static final String PUBLIC = "93.184.215.14";
    static final String PRIVATE = "10.0.0.7";

    @Bean
    AddressGuard.Resolver webhookHostResolver() {
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
            if (host.endsWith(".example")) {
                return new InetAddress[] {InetAddress.getByName(PUBLIC)};
            }
            return InetAddress.getAllByName(host);
        };
    }
}
