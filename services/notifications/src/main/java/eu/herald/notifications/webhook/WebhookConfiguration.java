package eu.herald.notifications.webhook;

import eu.herald.egress.AddressGuard;
import eu.herald.egress.WebhookSecrets;
import eu.herald.egress.WebhookSender;
import java.time.Clock;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WebhookConfiguration.class);

    @Bean(destroyMethod = "close")
    WebhookSender webhookSender(WebhookProperties properties, ObjectProvider<SslBundles> bundles) {
        return new WebhookSender(
                AddressGuard.allowing(properties.allowedAddresses()),
                new WebhookSender.Settings(
                        properties.allowHttp(),
                        properties.timeout(),
                        properties.maxPerHost(),
                        properties.maxConnections()),
                AddressGuard.Resolver.SYSTEM,
                tls(properties.sslBundle(), bundles));
    }

    private static @Nullable SSLContext tls(@Nullable String bundle, ObjectProvider<SslBundles> bundles) {
        return bundle == null || bundle.isBlank()
                ? null
                : bundles.getObject().getBundle(bundle).createSslContext();
    }

    @Bean
    WebhookNotifier webhookNotifier(WebhookSender sender, WebhookProperties properties, JsonMapper json, Clock clock) {
        WebhookSecrets secrets = null;
        if (properties.masterKey() == null || properties.masterKey().isBlank()) {
            log.warn("herald.notifications.webhooks.master-key is not set: webhook deliveries fail, since a webhook "
                    + "is never sent unsigned; give it the subscriptions service's master key");
        } else {
            secrets = new WebhookSecrets(properties.masterKey());
        }
        return new WebhookNotifier(sender, secrets, new SessionChangeEvents(json), properties, clock);
    }
}
