package eu.herald.subscriptions.endpoint;

import eu.herald.egress.AddressGuard;
import eu.herald.egress.WebhookSecrets;
import eu.herald.egress.WebhookSender;
import eu.herald.subscriptions.SubscriptionsProperties;
import eu.herald.subscriptions.webpush.WebPushProperties;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Webhook secrets derived from the master key (ADR 0007), the guarded client of the test ping and the guard of
 * push endpoints, all from {@code eu.herald.egress} so that this service and the notifications service derive,
 * sign and guard alike.
 */
@Configuration(proxyBeanMethods = false)
class EgressConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EgressConfiguration.class);

    @Bean
    WebhookSecrets webhookSecrets(SubscriptionsProperties properties) {
        String configured = properties.webhooks().masterKey();
        if (configured != null && !configured.isBlank()) {
            return new WebhookSecrets(configured);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        log.warn("herald.subscriptions.webhooks.master-key is not set: using a random key; webhook secrets "
                + "change at every restart and the notifications service cannot sign (development only)");
        return new WebhookSecrets(Base64.getEncoder().encodeToString(random));
    }

    /** Name lookups of webhook and push service hosts; the system resolver, replaceable where DNS is not available. */
    @Bean
    @ConditionalOnMissingBean
    AddressGuard.Resolver hostResolver() {
        return AddressGuard.Resolver.SYSTEM;
    }

    @Bean(destroyMethod = "close")
    WebhookSender webhookSender(SubscriptionsProperties properties, AddressGuard.Resolver resolver) {
        SubscriptionsProperties.Webhooks webhooks = properties.webhooks();
        // pings are rare and one at a time per request: a small pool
        return new WebhookSender(
                AddressGuard.allowing(webhooks.allowedAddresses()),
                new WebhookSender.Settings(webhooks.allowHttp(), webhooks.pingTimeout(), 2, 20),
                resolver);
    }

    @Bean
    PushServices pushServices(WebPushProperties webPush, AddressGuard.Resolver resolver) {
        return new PushServices(AddressGuard.allowing(webPush.allowedAddresses()), resolver);
    }
}
