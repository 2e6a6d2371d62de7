package eu.herald.notifications.delivery;

import static eu.herald.notifications.delivery.DeliveryRows.ATTEMPTED;
import static eu.herald.notifications.delivery.DeliveryRows.ATTEMPT_COLUMNS;
import static eu.herald.notifications.delivery.DeliveryRows.timestamp;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outcome of every attempt, written in the same transaction as its delivery's new status and unpublished
 * until the relay has sent it: the delivery log's outbox.
 */
@Repository
public class DeliveryOutcomes {

    private final NamedParameterJdbcTemplate batch;
    private final JdbcClient jdbc;

    DeliveryOutcomes(NamedParameterJdbcTemplate batch, JdbcClient jdbc) {
        this.batch = batch;
        this.jdbc = jdbc;
    }

    /** What an attempt comes to: the delivery's new status and, for a retry, when it is due. */
    record Attempt(
            DeliveryStatus status,
            @Nullable String reason,
            boolean endpointGone,
            @Nullable Instant sentAt,
            @Nullable Instant nextAttemptAt,
            @Nullable Integer responseStatus) {}

    /** One attempt to record: the delivery as it was held, and what the attempt came to. */
    record Attempted(Delivery delivery, Attempt attempt) {}

    /**
     * Records the attempts on their deliveries together with their outcomes, to be published, in one transaction
     * and two round trips however many there are. Returns the outcomes of the deliveries that were still pending,
     * retrying or scheduled; one that someone else finished is left alone: a final status is never overwritten.
     */
    @Transactional
    List<DeliveryAttempted> recordAttempts(List<Attempted> attempts, Instant now) {
        if (attempts.isEmpty()) {
            return List.of();
        }
        // as PostgreSQL keeps it, so the outcome carries exactly what the row has
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        int[] updated = batch.batchUpdate(
                """
                        update delivery
                           set status = :status, reason = :reason, attempts = attempts + 1,
                               first_attempt_at = coalesce(first_attempt_at, :at), sent_at = :sentAt,
                               next_attempt_at = :nextAttemptAt, updated_at = :at, claimed_by = null,
                               not_before = case when :status = 'RETRYING' then :nextAttemptAt else not_before end
                         where delivery_id = :id and status in ('PENDING', 'RETRYING', 'SCHEDULED')
                        """,
                attempts.stream()
                        .map(attempted -> new MapSqlParameterSource()
                                .addValue("status", attempted.attempt().status().name())
                                .addValue("reason", attempted.attempt().reason())
                                .addValue("at", timestamp(at))
                                .addValue(
                                        "sentAt",
                                        timestamp(micros(attempted.attempt().sentAt())))
                                .addValue(
                                        "nextAttemptAt",
                                        timestamp(attempted.attempt().nextAttemptAt()))
                                .addValue("id", attempted.delivery().id().value()))
                        .toArray(SqlParameterSource[]::new));
        List<DeliveryAttempted> recorded = new ArrayList<>(attempts.size());
        for (int i = 0; i < attempts.size(); i++) {
            if (updated[i] == 1) {
                recorded.add(outcome(attempts.get(i), at));
            }
        }
        insert(recorded);
        return recorded;
    }

    /**
     * Records that these deliveries were held (SCHEDULED) when they were recorded, with no attempt yet: the outcome
     * tells subscriptions, and through it the municipality, until when and why.
     */
    void recordHeld(List<Delivery> held, Instant now) {
        if (held.isEmpty()) {
            return;
        }
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        insert(held.stream()
                .map(delivery -> outcome(
                        new Attempted(
                                delivery,
                                new Attempt(DeliveryStatus.SCHEDULED, delivery.reason(), false, null, null, null)),
                        at,
                        0,
                        null))
                .toList());
    }

    void insert(List<DeliveryAttempted> recorded) {
        batch.batchUpdate(
                """
                        insert into delivery_outcome (outcome_id, delivery_id, status, reason, endpoint_gone, attempts,
                                                      first_attempt_at, sent_at, occurred_at, next_attempt_at,
                                                      response_status)
                        values (:outcomeId, :deliveryId, :status, :reason, :endpointGone, :attempts,
                                :firstAttemptAt, :sentAt, :occurredAt, :nextAttemptAt, :responseStatus)
                        """,
                recorded.stream()
                        .map(attempted -> new MapSqlParameterSource()
                                .addValue("outcomeId", attempted.id().value())
                                .addValue("deliveryId", attempted.deliveryId().value())
                                .addValue("status", attempted.status().name())
                                .addValue("reason", attempted.reason())
                                .addValue("endpointGone", attempted.endpointGone())
                                .addValue("attempts", attempted.attempts())
                                .addValue("firstAttemptAt", timestamp(attempted.firstAttemptAt()))
                                .addValue("sentAt", timestamp(attempted.sentAt()))
                                .addValue("occurredAt", timestamp(attempted.occurredAt()))
                                .addValue("nextAttemptAt", timestamp(attempted.nextAttemptAt()))
                                .addValue("responseStatus", attempted.responseStatus()))
                        .toArray(SqlParameterSource[]::new));
    }

    private static DeliveryAttempted outcome(Attempted attempted, Instant at) {
        Delivery delivery = attempted.delivery();
        return outcome(
                attempted,
                at,
                delivery.attempts() + 1,
                delivery.firstAttemptAt() == null ? at : delivery.firstAttemptAt());
    }

    /**
     * The outcome as the update wrote it: the caller held the delivery since it was read, so its attempts and first
     * attempt are what the row had.
     */
    static DeliveryAttempted outcome(Attempted attempted, Instant at, int attempts, @Nullable Instant firstAttemptAt) {
        Delivery delivery = attempted.delivery();
        Attempt attempt = attempted.attempt();
        return new DeliveryAttempted(
                new OutcomeId(UUID.randomUUID()),
                delivery.id(),
                delivery.requestId(),
                delivery.changeId(),
                delivery.sessionId(),
                delivery.sessionVersion(),
                delivery.municipalityId(),
                delivery.endpointId(),
                delivery.channel(),
                attempt.status(),
                attempt.reason(),
                attempt.endpointGone(),
                attempts,
                delivery.changedAt(),
                firstAttemptAt,
                micros(attempt.sentAt()),
                at,
                attempt.nextAttemptAt(),
                attempt.responseStatus(),
                delivery.kind(),
                delivery.lead(),
                attempt.status() == DeliveryStatus.RETRYING ? attempt.nextAttemptAt() : delivery.notBefore(),
                delivery.digestAt(),
                delivery.traceparent());
    }

    static @Nullable Instant micros(@Nullable Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Locks up to {@code limit} unpublished outcomes, oldest first, until the surrounding transaction ends.
     * Rows locked by another instance are skipped, so relays running side by side publish disjoint outcomes.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<DeliveryAttempted> lockUnpublished(int limit) {
        return jdbc.sql("select " + ATTEMPT_COLUMNS
                        + " from delivery_outcome o join delivery d on d.delivery_id = o.delivery_id"
                        + " where o.published_at is null order by o.occurred_at limit :limit"
                        + " for update of o skip locked")
                .param("limit", limit)
                .query(ATTEMPTED)
                .list();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void markPublished(Collection<OutcomeId> outcomes, Instant at) {
        if (outcomes.isEmpty()) {
            return;
        }
        jdbc.sql("update delivery_outcome set published_at = :at where outcome_id in (:ids)")
                .param("at", timestamp(at))
                .param("ids", outcomes.stream().map(OutcomeId::value).toList())
                .update();
    }
}
