package eu.herald.notifications.webpush;

import eu.herald.egress.AddressGuard;
import eu.herald.egress.GuardedHttpClient;
import java.time.Clock;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class WebPushConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WebPushConfiguration.class);

    @Bean
    WebPushNotifier webPushNotifier(
            WebPushProperties properties, ObjectProvider<SslBundles> bundles, JsonMapper json, Clock clock) {
        return new WebPushNotifier(
                http(properties, bundles),
                vapid(properties, clock),
                new PushMessages(json, properties.sessionUrl()),
                properties,
                clock);
    }

    private static @Nullable Vapid vapid(WebPushProperties properties, Clock clock) {
        if (!properties.vapidConfigured()) {
            // a generated pair would not match the key browsers subscribed with: fail deliveries openly instead
            log.warn("no VAPID keys (herald.notifications.web-push.vapid-public-key, vapid-private-key):"
                    + " every web push delivery fails until they are configured");
            return null;
        }
        return new Vapid(
                String.valueOf(properties.vapidPublicKey()),
                String.valueOf(properties.vapidPrivateKey()),
                properties.subject(),
                properties.tokenValidity(),
                clock);
    }

    /**
     * Through the address guard, like webhooks: the endpoint is a URL a municipality user gave. No redirects: a push
     * resource that redirects is not one RFC 8030 knows.
     */
    private static GuardedHttpClient http(WebPushProperties properties, ObjectProvider<SslBundles> bundles) {
        String bundle = properties.sslBundle();
        SSLContext tls = bundle == null || bundle.isBlank()
                ? null
                : bundles.getObject().getBundle(bundle).createSslContext();
        return new GuardedHttpClient(
                AddressGuard.allowing(properties.allowedAddresses()),
                new GuardedHttpClient.Settings(
                        false,
                        properties.connectTimeout(),
                        properties.requestTimeout(),
                        properties.concurrency(),
                        Math.max(properties.concurrency(), 64),
                        "Herald-WebPush/1.0"),
                AddressGuard.Resolver.SYSTEM,
                tls);
    }
}
