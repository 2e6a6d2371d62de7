package eu.herald.catalogue.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One write of an operator.
 *
 * @param clientId the client that obtained the token
 * @param subject the token's subject: the client itself, or a user of it
 */
public record AuditEntry(
        long id,
        Instant occurredAt,
        String clientId,
        String subject,
        AuditedEntity entityType,
        String entityId,
        AuditedChange change,
        @Nullable Integer fromVersion,
        @Nullable Integer toVersion) {}
