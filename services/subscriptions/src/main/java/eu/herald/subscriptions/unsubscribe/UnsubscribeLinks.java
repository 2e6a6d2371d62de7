package eu.herald.subscriptions.unsubscribe;

import eu.herald.subscriptions.signing.SignedTokens;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The signed one-click unsubscribe link of an endpoint for one subscription ({@code /unsubscribe/{token}}). */
@Component
public class UnsubscribeLinks {

    private static final String PURPOSE = "unsubscribe";

    private final SignedTokens tokens;

    UnsubscribeLinks(SignedTokens tokens) {
        this.tokens = tokens;
    }

    /** The endpoint and subscription a token names, when it is genuine. */
    public java.util.Optional<Unsubscription.Target> target(String token) {
        return tokens.verify(PURPOSE, token).flatMap(payload -> {
            String[] parts = payload.split(":");
            if (parts.length != 2) {
                return java.util.Optional.empty();
            }
            try {
                return java.util.Optional.of(
                        new Unsubscription.Target(UUID.fromString(parts[0]), UUID.fromString(parts[1])));
            } catch (IllegalArgumentException malformed) {
                return java.util.Optional.empty();
            }
        });
    }

    public String unsubscribeUrl(UUID endpointId, UUID subscriptionId) {
        return tokens.link("/unsubscribe/" + tokens.sign(PURPOSE, endpointId + ":" + subscriptionId));
    }
}
