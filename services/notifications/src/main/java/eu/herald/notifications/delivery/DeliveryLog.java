package eu.herald.notifications.delivery;

import eu.herald.notifications.delivery.DeliveryResult.Deferred;
import eu.herald.notifications.delivery.DeliveryResult.Delivered;
import eu.herald.notifications.delivery.DeliveryResult.Rejected;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deliveries and the outcome of every attempt. The primary key of a delivery is derived from (change,
 * endpoint), so recording a redelivered request changes nothing. Each attempt's outcome is written in the same
 * transaction as the delivery's new status and stays unpublished until the relay has sent it (an outbox).
 */
@Repository
public class DeliveryLog {

    private static final String INSERT = """
            insert into delivery (delivery_id, request_id, change_id, session_id, session_version, municipality_id,
                                  endpoint_id, channel, address, status, attempts, changed_at, created_at, updated_at)
            values (:deliveryId, :requestId, :changeId, :sessionId, :sessionVersion, :municipalityId,
                    :endpointId, :channel, :address, :status, :attempts, :changedAt, :createdAt, :updatedAt)
            on conflict (delivery_id) do nothing
            """;

    private static final String ATTEMPT_COLUMNS = """
            o.outcome_id, o.status, o.reason, o.endpoint_gone, o.attempts, o.first_attempt_at, o.sent_at,
            o.occurred_at, d.delivery_id, d.request_id, d.change_id, d.session_id, d.session_version,
            d.municipality_id, d.endpoint_id, d.channel, d.changed_at
            """;

    private final NamedParameterJdbcTemplate batch;
    private final JdbcClient jdbc;

    DeliveryLog(NamedParameterJdbcTemplate batch, JdbcClient jdbc) {
        this.batch = batch;
        this.jdbc = jdbc;
    }

    /**
     * Records the deliveries in one batch and returns those still to be attempted, in their original order: the
     * ones recorded now and the ones recorded before but never attempted (a crash between recording and sending).
     * Deliveries already attempted (sent, retrying, failed) are left alone.
     */
    @Transactional
    public List<Delivery> record(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return List.of();
        }
        int[] counts = batch.batchUpdate(
                INSERT, deliveries.stream().map(DeliveryLog::insertParameters).toArray(SqlParameterSource[]::new));
        Set<DeliveryId> toAttempt = new HashSet<>();
        List<UUID> known = new ArrayList<>();
        for (int i = 0; i < deliveries.size(); i++) {
            if (counts[i] == 1) {
                toAttempt.add(deliveries.get(i).id());
            } else {
                // 0: it was there already; anything else: the driver could not tell
                known.add(deliveries.get(i).id().value());
            }
        }
        if (!known.isEmpty()) {
            jdbc.sql("select delivery_id from delivery where delivery_id in (:ids) and status = 'PENDING'")
                    .param("ids", known)
                    .query((rs, row) -> new DeliveryId(rs.getObject(1, UUID.class)))
                    .list()
                    .forEach(toAttempt::add);
        }
        return deliveries.stream()
                .filter(delivery -> toAttempt.contains(delivery.id()))
                .toList();
    }

    /** Records the result of an attempt on the delivery together with its outcome, to be published. */
    @Transactional
    public DeliveryAttempted recordAttempt(Delivery delivery, DeliveryResult result, Instant at) {
        DeliveryStatus status;
        String reason = null;
        boolean endpointGone = false;
        Instant sentAt = null;
        if (result instanceof Delivered delivered) {
            status = DeliveryStatus.SENT;
            sentAt = delivered.at();
        } else if (result instanceof Rejected rejected) {
            status = DeliveryStatus.FAILED;
            reason = rejected.reason();
            endpointGone = rejected.endpointGone();
        } else if (result instanceof Deferred deferred) {
            status = DeliveryStatus.RETRYING;
            reason = deferred.reason();
        } else {
            throw new IllegalArgumentException("unknown result " + result);
        }
        Attempt attempt = jdbc.sql("""
                        update delivery
                           set status = :status, reason = :reason, attempts = attempts + 1,
                               first_attempt_at = coalesce(first_attempt_at, :at), sent_at = :sentAt, updated_at = :at
                         where delivery_id = :id
                        returning attempts, first_attempt_at, sent_at
                        """)
                .param("status", status.name())
                .param("reason", reason)
                .param("at", timestamp(at))
                .param("sentAt", timestamp(sentAt))
                .param("id", delivery.id().value())
                .query((rs, row) ->
                        new Attempt(rs.getInt("attempts"), instant(rs, "first_attempt_at"), instant(rs, "sent_at")))
                .single();
        DeliveryAttempted attempted = new DeliveryAttempted(
                new OutcomeId(UUID.randomUUID()),
                delivery.id(),
                delivery.requestId(),
                delivery.changeId(),
                delivery.sessionId(),
                delivery.sessionVersion(),
                delivery.municipalityId(),
                delivery.endpointId(),
                delivery.channel(),
                status,
                reason,
                endpointGone,
                attempt.attempts(),
                delivery.changedAt(),
                attempt.firstAttemptAt(),
                attempt.sentAt(),
                at);
        jdbc.sql("""
                        insert into delivery_outcome (outcome_id, delivery_id, status, reason, endpoint_gone, attempts,
                                                      first_attempt_at, sent_at, occurred_at)
                        values (:outcomeId, :deliveryId, :status, :reason, :endpointGone, :attempts,
                                :firstAttemptAt, :sentAt, :occurredAt)
                        """)
                .param("outcomeId", attempted.id().value())
                .param("deliveryId", attempted.deliveryId().value())
                .param("status", status.name())
                .param("reason", reason)
                .param("endpointGone", endpointGone)
                .param("attempts", attempted.attempts())
                .param("firstAttemptAt", timestamp(attempted.firstAttemptAt()))
                .param("sentAt", timestamp(attempted.sentAt()))
                .param("occurredAt", timestamp(at))
                .update();
        return attempted;
    }

    public Optional<Delivery> find(DeliveryId id) {
        return jdbc.sql("select * from delivery where delivery_id = :id")
                .param("id", id.value())
                .query(DELIVERY)
                .optional();
    }

    public List<Delivery> ofChange(ChangeId change) {
        return jdbc.sql("select * from delivery where change_id = :change order by municipality_id, endpoint_id")
                .param("change", change.value())
                .query(DELIVERY)
                .list();
    }

    /** Every attempt on the delivery, oldest first. */
    public List<DeliveryAttempted> attempts(DeliveryId id) {
        return jdbc.sql("select " + ATTEMPT_COLUMNS
                        + " from delivery_outcome o join delivery d on d.delivery_id = o.delivery_id"
                        + " where o.delivery_id = :id order by o.occurred_at, o.attempts")
                .param("id", id.value())
                .query(ATTEMPTED)
                .list();
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

    private static SqlParameterSource insertParameters(Delivery delivery) {
        return new MapSqlParameterSource()
                .addValue("deliveryId", delivery.id().value())
                .addValue("requestId", delivery.requestId().value())
                .addValue("changeId", delivery.changeId().value())
                .addValue("sessionId", delivery.sessionId().value())
                .addValue("sessionVersion", delivery.sessionVersion())
                .addValue("municipalityId", delivery.municipalityId().value())
                .addValue("endpointId", delivery.endpointId().value())
                .addValue("channel", delivery.channel().name())
                .addValue("address", delivery.address())
                .addValue("status", delivery.status().name())
                .addValue("attempts", delivery.attempts())
                .addValue("changedAt", timestamp(delivery.changedAt()))
                .addValue("createdAt", timestamp(delivery.createdAt()))
                .addValue("updatedAt", timestamp(delivery.updatedAt()));
    }

    private static final RowMapper<Delivery> DELIVERY = (rs, row) -> new Delivery(
            new DeliveryId(uuid(rs, "delivery_id")),
            new RequestId(uuid(rs, "request_id")),
            new ChangeId(uuid(rs, "change_id")),
            new SessionId(uuid(rs, "session_id")),
            rs.getInt("session_version"),
            new MunicipalityId(uuid(rs, "municipality_id")),
            new EndpointId(uuid(rs, "endpoint_id")),
            Channel.valueOf(rs.getString("channel")),
            rs.getString("address"),
            DeliveryStatus.valueOf(rs.getString("status")),
            rs.getString("reason"),
            rs.getInt("attempts"),
            required(instant(rs, "changed_at")),
            instant(rs, "first_attempt_at"),
            instant(rs, "sent_at"),
            required(instant(rs, "created_at")),
            required(instant(rs, "updated_at")));

    private static final RowMapper<DeliveryAttempted> ATTEMPTED = (rs, row) -> new DeliveryAttempted(
            new OutcomeId(uuid(rs, "outcome_id")),
            new DeliveryId(uuid(rs, "delivery_id")),
            new RequestId(uuid(rs, "request_id")),
            new ChangeId(uuid(rs, "change_id")),
            new SessionId(uuid(rs, "session_id")),
            rs.getInt("session_version"),
            new MunicipalityId(uuid(rs, "municipality_id")),
            new EndpointId(uuid(rs, "endpoint_id")),
            Channel.valueOf(rs.getString("channel")),
            DeliveryStatus.valueOf(rs.getString("status")),
            rs.getString("reason"),
            rs.getBoolean("endpoint_gone"),
            rs.getInt("attempts"),
            required(instant(rs, "changed_at")),
            instant(rs, "first_attempt_at"),
            instant(rs, "sent_at"),
            required(instant(rs, "occurred_at")));

    private record Attempt(
            int attempts,
            @Nullable Instant firstAttemptAt,
            @Nullable Instant sentAt) {}

    private static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Instant required(@Nullable Instant value) {
        if (value == null) {
            throw new IllegalStateException("a not-null column was null");
        }
        return value;
    }

    private static @Nullable OffsetDateTime timestamp(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
