package eu.herald.notifications.webpush;

import java.net.http.HttpClient;
import java.security.NoSuchAlgorithmException;
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
            WebPushProperties properties, ObjectProvider<SslBundles> bundles, JsonMapper json, Clock clock)
            throws NoSuchAlgorithmException {
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

    /** No redirects: a push resource that redirects is not one RFC 8030 knows. */
    private static HttpClient http(WebPushProperties properties, ObjectProvider<SslBundles> bundles)
            throws NoSuchAlgorithmException {
        String bundle = properties.sslBundle();
        SSLContext tls = bundle == null || bundle.isBlank()
                ? SSLContext.getDefault()
                : bundles.getObject().getBundle(bundle).createSslContext();
        return HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(tls)
                .build();
    }
}
