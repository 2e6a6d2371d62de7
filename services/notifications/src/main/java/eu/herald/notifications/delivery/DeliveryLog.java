package eu.herald.notifications.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The deliveries, the requests behind them and the outcome of every attempt. The primary key of a delivery is
 * derived from (change, endpoint), so recording a redelivered request changes nothing. Each attempt's outcome is
 * written in the same transaction as the delivery's new status and stays unpublished until the relay has sent it
 * (an outbox).
 *
 * <p>Whoever attempts a delivery first claims it: {@code next_attempt_at} is then its lease. The claim is a
 * single statement ({@code for update skip locked}), so instances never wait for each other's deliveries and
 * never attempt the same one at the same time; the lease running out hands a delivery whose instance died to
 * another one.
 */
@Repository
public class DeliveryLog {

    private static final String INSERT_REQUEST = """
            insert into notification_request (request_id, change_id, payload, created_at)
            values (:requestId, :changeId, cast(:payload as jsonb), :createdAt)
            on conflict (request_id) do nothing
            """;

    private static final String INSERT = """
            insert into delivery (delivery_id, request_id, change_id, session_id, session_version, municipality_id,
                                  endpoint_id, channel, address, status, attempts, changed_at, created_at, updated_at,
                                  next_attempt_at)
            values (:deliveryId, :requestId, :changeId, :sessionId, :sessionVersion, :municipalityId,
                    :endpointId, :channel, :address, :status, :attempts, :changedAt, :createdAt, :updatedAt,
                    :nextAttemptAt)
            on conflict (delivery_id) do nothing
            """;

    private static final String ATTEMPT_COLUMNS = """
            o.outcome_id, o.status, o.reason, o.endpoint_gone, o.attempts, o.first_attempt_at, o.sent_at,
            o.occurred_at, o.next_attempt_at, o.response_status, d.delivery_id, d.request_id, d.change_id, d.session_id,
            d.session_version, d.municipality_id, d.endpoint_id, d.channel, d.changed_at
            """;

    private final NamedParameterJdbcTemplate batch;
    private final JdbcClient jdbc;
    private final StoredRequests stored = new StoredRequests();

    DeliveryLog(NamedParameterJdbcTemplate batch, JdbcClient jdbc) {
        this.batch = batch;
        this.jdbc = jdbc;
    }

    /**
     * Records the requests and their deliveries in one batch each and returns the deliveries this caller now
     * holds, in their original order: the ones recorded now with a lease, and the ones recorded before, still
     * pending, whose lease ran out (a crash between recording and sending). Deliveries already attempted (sent,
     * retrying, failed, dead) are left alone: the retry scheduler owns the retrying ones.
     */
    @Transactional
    public List<Delivery> record(
            List<NotificationRequest> requests, List<Delivery> deliveries, Instant now, Instant leaseUntil) {
        if (deliveries.isEmpty()) {
            return List.of();
        }
        Map<RequestId, NotificationRequest> unique = new LinkedHashMap<>();
        requests.forEach(request -> unique.putIfAbsent(request.id(), request));
        stored.storeChanges(batch, unique.values(), now);
        batch.batchUpdate(
                INSERT_REQUEST,
                unique.values().stream()
                        .map(request -> new MapSqlParameterSource()
                                .addValue("requestId", request.id().value())
                                .addValue("changeId", request.change().id().value())
                                .addValue("payload", stored.write(request))
                                .addValue("createdAt", timestamp(now)))
                        .toArray(SqlParameterSource[]::new));
        int[] counts = batch.batchUpdate(
                INSERT, deliveries.stream().map(DeliveryLog::insertParameters).toArray(SqlParameterSource[]::new));
        Set<DeliveryId> held = new HashSet<>();
        List<UUID> known = new ArrayList<>();
        for (int i = 0; i < deliveries.size(); i++) {
            Delivery delivery = deliveries.get(i);
            if (counts[i] == 1) {
                if (delivery.nextAttemptAt() != null) {
                    held.add(delivery.id());
                }
            } else if (delivery.nextAttemptAt() != null) {
                // 0: it was there already; anything else: the driver could not tell
                known.add(delivery.id().value());
            }
        }
        if (!known.isEmpty()) {
            jdbc.sql("""
                            update delivery set next_attempt_at = :lease
                             where delivery_id in (:ids) and status = 'PENDING'
                               and (next_attempt_at is null or next_attempt_at <= :now)
                            returning delivery_id
                            """)
                    .param("lease", timestamp(leaseUntil))
                    .param("ids", known)
                    .param("now", timestamp(now))
                    .query((rs, row) -> new DeliveryId(rs.getObject(1, UUID.class)))
                    .list()
                    .forEach(held::add);
        }
        return deliveries.stream()
                .filter(delivery -> held.contains(delivery.id()))
                .toList();
    }

    /**
     * Claims up to {@code limit} deliveries that are due (a retry whose time has come, or a pending delivery whose
     * holder's lease ran out), oldest first, holding each until {@code leaseUntil}; returns them with their
     * requests. Rows another instance is claiming at the same moment are skipped, not waited for.
     */
    public List<Claimed> claimDue(int limit, Instant now, Instant leaseUntil) {
        List<Delivery> due = jdbc.sql("""
                        with due as (
                            select delivery_id from delivery
                             where status in ('PENDING', 'RETRYING') and next_attempt_at <= :now
                             order by next_attempt_at
                             limit :limit
                               for update skip locked)
                        update delivery d set next_attempt_at = :lease
                          from due where d.delivery_id = due.delivery_id
                        returning d.*
                        """)
                .param("now", timestamp(now))
                .param("limit", limit)
                .param("lease", timestamp(leaseUntil))
                .query(DELIVERY)
                .list();
        if (due.isEmpty()) {
            return List.of();
        }
        Map<UUID, NotificationRequest> requests = new HashMap<>();
        jdbc.sql(StoredRequests.SELECT + " where r.request_id in (:ids)")
                .param(
                        "ids",
                        due.stream().map(d -> d.requestId().value()).distinct().toList())
                .query((rs, row) -> stored.read(rs.getString("payload"), rs.getString("change")))
                .list()
                .forEach(request -> requests.put(request.id().value(), request));
        return due.stream()
                .map(delivery ->
                        new Claimed(delivery, requests.get(delivery.requestId().value())))
                .toList();
    }

    /**
     * Renews the caller's hold on a delivery right before it is attempted: only if the delivery is still pending
     * or retrying and still held under {@code heldUntil} (nobody took it over after a lease ran out while it
     * waited for a worker).
     */
    boolean renew(Delivery delivery, Instant heldUntil, Instant until) {
        return jdbc.sql("""
                                update delivery set next_attempt_at = :until
                                 where delivery_id = :id and status in ('PENDING', 'RETRYING')
                                   and next_attempt_at = :heldUntil
                                """)
                        .param("until", timestamp(until))
                        .param("id", delivery.id().value())
                        .param("heldUntil", timestamp(heldUntil))
                        .update()
                == 1;
    }

    /** A claimed delivery and its request; the request is null for a delivery recorded before requests were kept. */
    public record Claimed(Delivery delivery, @Nullable NotificationRequest request) {}

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
     * and two round trips however many there are. Returns the outcomes of the deliveries that were still pending
     * or retrying; one that someone else finished is left alone: a final status is never overwritten.
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
                               next_attempt_at = :nextAttemptAt, updated_at = :at
                         where delivery_id = :id and status in ('PENDING', 'RETRYING')
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
        return recorded;
    }

    /**
     * The outcome as the update wrote it: the caller held the delivery since it was read, so its attempts and first
     * attempt are what the row had.
     */
    private static DeliveryAttempted outcome(Attempted attempted, Instant at) {
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
                delivery.attempts() + 1,
                delivery.changedAt(),
                delivery.firstAttemptAt() == null ? at : delivery.firstAttemptAt(),
                micros(attempt.sentAt()),
                at,
                attempt.nextAttemptAt(),
                attempt.responseStatus());
    }

    private static @Nullable Instant micros(@Nullable Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
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

    /** DEAD deliveries, of one change or of all, most recent first. */
    public List<Delivery> dead(@Nullable ChangeId change, int limit) {
        return jdbc.sql("select * from delivery where status = 'DEAD'"
                        + (change == null ? "" : " and change_id = :change")
                        + " order by updated_at desc, delivery_id limit :limit")
                .param("change", change == null ? null : change.value())
                .param("limit", limit)
                .query(DELIVERY)
                .list();
    }

    /**
     * Puts DEAD deliveries back on the retry schedule, due now, with the whole schedule ahead of them. Only DEAD
     * ones move, and never one with a SENT outcome, so a replay cannot send twice to the same endpoint.
     *
     * @return the deliveries replayed
     */
    @Transactional
    public List<DeliveryId> replay(Collection<DeliveryId> deliveries, Instant now) {
        if (deliveries.isEmpty()) {
            return List.of();
        }
        return replayWhere(
                "d.delivery_id in (:ids)",
                "ids",
                deliveries.stream().map(DeliveryId::value).toList(),
                now);
    }

    /** Replays every DEAD delivery of the change. */
    @Transactional
    public List<DeliveryId> replay(ChangeId change, Instant now) {
        return replayWhere("d.change_id = :change", "change", change.value(), now);
    }

    private List<DeliveryId> replayWhere(String condition, String name, Object value, Instant now) {
        return jdbc.sql("""
                        update delivery d
                           set status = 'RETRYING', next_attempt_at = :now, retries_from = d.attempts, updated_at = :now
                         where %s and d.status = 'DEAD'
                           and not exists (select 1 from delivery_outcome o
                                            where o.delivery_id = d.delivery_id and o.status = 'SENT')
                        returning d.delivery_id
                        """.formatted(condition))
                .param(name, value)
                .param("now", timestamp(now))
                .query((rs, row) -> new DeliveryId(rs.getObject(1, UUID.class)))
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
                .addValue("updatedAt", timestamp(delivery.updatedAt()))
                .addValue("nextAttemptAt", timestamp(delivery.nextAttemptAt()));
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
            required(instant(rs, "updated_at")),
            instant(rs, "next_attempt_at"),
            rs.getInt("retries_from"));

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
            required(instant(rs, "occurred_at")),
            instant(rs, "next_attempt_at"),
            rs.getObject("response_status", Integer.class));

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
