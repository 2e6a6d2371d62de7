package eu.herald.subscriptions.endpoint;

import static java.nio.charset.StandardCharsets.UTF_8;

import eu.herald.subscriptions.SubscriptionsProperties;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Webhook signing secrets, derived and never stored (ADR 0007): {@code whsec_} + base64 of
 * HMAC-SHA256(master key, "{endpointId}:{rotation}"). The notifications service derives the same
 * secret from the same master key and the {@code secretVersion} a request carries, so secrets never
 * travel in requests and a rotation is one number.
 */
@Component
public class WebhookSecrets {

    private static final Logger log = LoggerFactory.getLogger(WebhookSecrets.class);

    private final SecretKeySpec masterKey;

    WebhookSecrets(SubscriptionsProperties properties) {
        String configured = properties.webhooks().masterKey();
        if (configured == null || configured.isBlank()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            masterKey = new SecretKeySpec(random, "HmacSHA256");
            log.warn("herald.subscriptions.webhooks.master-key is not set: using a random key; webhook secrets "
                    + "change at every restart and the notifications service cannot sign (development only)");
        } else {
            masterKey = new SecretKeySpec(configured.getBytes(UTF_8), "HmacSHA256");
        }
    }

    public String secret(EndpointId endpoint, int rotation) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(masterKey);
            byte[] key = mac.doFinal((endpoint + ":" + rotation).getBytes(UTF_8));
            return "whsec_" + Base64.getEncoder().encodeToString(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
