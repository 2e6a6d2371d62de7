package eu.herald.notifications.replay;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One replay an operator asked for.
 *
 * @param clientId the client that obtained the token
 * @param subject the token's subject: the client itself, or a user of it
 * @param target whether one delivery or every DEAD delivery of a change was asked for
 * @param targetId the delivery id or the change id
 * @param replayed how many deliveries went back on the retry schedule (0 when none was DEAD)
 * @param deliveryIds those deliveries
 */
public record ReplayAuditEntry(
        long id,
        Instant occurredAt,
        String clientId,
        String subject,
        Target target,
        UUID targetId,
        int replayed,
        List<UUID> deliveryIds) {

    public enum Target {
        DELIVERY,
        CHANGE
    }
}
