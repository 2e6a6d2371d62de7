package eu.herald.notifications.delivery;

import static eu.herald.notifications.delivery.DeliveryRows.ATTEMPTED;
import static eu.herald.notifications.delivery.DeliveryRows.ATTEMPT_COLUMNS;
import static eu.herald.notifications.delivery.DeliveryRows.DELIVERY;
import static eu.herald.notifications.delivery.DeliveryRows.TAKE;
import static eu.herald.notifications.delivery.DeliveryRows.timestamp;

import eu.herald.notifications.request.ChangeId;
import eu.herald.notifications.request.NotificationRequest;
import eu.herald.notifications.request.RequestId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deliveries, the requests behind them and the outcome of every attempt. The primary key of a delivery is
 * derived from (change, endpoint), so recording a redelivered request changes nothing. Each attempt's outcome is
 * written by {@link DeliveryOutcomes}, in the same transaction as the delivery's new status.
 *
 * <p>Whoever attempts a delivery first claims it: {@code next_attempt_at} is then its lease. The claim is a
 * single statement ({@code for update skip locked}), so instances never wait for each other's deliveries and
 * never attempt the same one at the same time; the lease running out hands a delivery whose instance died to
 * another one, and so does its instance's liveness lapsing ({@link Liveness}). A delivery taken over from a holder
 * that recorded no attempt may have been sent: {@link #takeover} tells.
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
                                  endpoint_id, channel, address, status, reason, attempts, changed_at, created_at,
                                  updated_at, next_attempt_at, not_before, kind, lead_seconds, digest_at, traceparent,
                                  claimed_by)
            values (:deliveryId, :requestId, :changeId, :sessionId, :sessionVersion, :municipalityId,
                    :endpointId, :channel, :address, :status, :reason, :attempts, :changedAt, :createdAt,
                    :updatedAt, :nextAttemptAt, :notBefore, :kind, :leadSeconds, :digestAt, :traceparent,
                    :claimedBy)
            on conflict (delivery_id) do nothing
            """;

    private final NamedParameterJdbcTemplate batch;
    private final JdbcClient jdbc;
    private final StoredRequests stored = new StoredRequests();
    private final DeliveryOutcomes outcomes;
    private final Liveness liveness;

    DeliveryLog(NamedParameterJdbcTemplate batch, JdbcClient jdbc, DeliveryOutcomes outcomes, Liveness liveness) {
        this.batch = batch;
        this.jdbc = jdbc;
        this.outcomes = outcomes;
        this.liveness = liveness;
    }

    /**
     * Records the requests and their deliveries in one batch each and returns the deliveries this caller now
     * holds, in their original order: the ones recorded now with a lease, and the ones recorded before, still
     * pending, whose lease ran out (a crash between recording and sending). Deliveries already attempted (sent,
     * retrying, failed, dead) are left alone: the retry scheduler owns the retrying ones, and the scheduled ones,
     * which nobody holds until they are due.
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
                INSERT,
                deliveries.stream()
                        .map(delivery -> DeliveryRows.insertParameters(delivery)
                                .addValue("claimedBy", held(delivery) ? liveness.instance() : null))
                        .toArray(SqlParameterSource[]::new));
        Set<DeliveryId> held = new HashSet<>();
        List<UUID> known = new ArrayList<>();
        List<Delivery> recorded = new ArrayList<>();
        for (int i = 0; i < deliveries.size(); i++) {
            Delivery delivery = deliveries.get(i);
            if (counts[i] == 1) {
                recorded.add(delivery);
            }
            if (!held(delivery)) {
                continue;
            }
            if (counts[i] == 1) {
                held.add(delivery.id());
            } else {
                // 0: it was there already; anything else: the driver could not tell
                known.add(delivery.id().value());
            }
        }
        outcomes.recordHeld(
                recorded.stream()
                        .filter(delivery -> delivery.status() == DeliveryStatus.SCHEDULED)
                        .toList(),
                now);
        held.removeAll(Supersession.supersedeOlder(jdbc, recorded, now));
        if (!known.isEmpty()) {
            jdbc.sql("""
                            update delivery d set next_attempt_at = :lease, %s
                             where delivery_id in (:ids) and status = 'PENDING'
                               and (next_attempt_at is null or next_attempt_at <= :now)
                            returning delivery_id
                            """.formatted(TAKE))
                    .param("lease", timestamp(leaseUntil))
                    .param("instance", liveness.instance())
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

    /** Recorded pending with a lease: held by whoever recorded it, from the start. */
    private static boolean held(Delivery delivery) {
        return delivery.status() == DeliveryStatus.PENDING && delivery.nextAttemptAt() != null;
    }

    /**
     * Renews the caller's hold on a delivery right before it is attempted: only if the delivery is still pending,
     * retrying or scheduled and still held under {@code heldUntil} (nobody took it over after a lease ran out while
     * it waited for a worker).
     */
    boolean renew(Delivery delivery, Instant heldUntil, Instant until) {
        return jdbc.sql("""
                                update delivery set next_attempt_at = :until
                                 where delivery_id = :id and status in ('PENDING', 'RETRYING', 'SCHEDULED')
                                   and next_attempt_at = :heldUntil
                                """)
                        .param("until", timestamp(until))
                        .param("id", delivery.id().value())
                        .param("heldUntil", timestamp(heldUntil))
                        .update()
                == 1;
    }

    public Optional<Delivery> find(DeliveryId id) {
        return jdbc.sql("select * from delivery where delivery_id = :id")
                .param("id", id.value())
                .query(DELIVERY)
                .optional();
    }

    /** The deliveries of a change (its reminders too), of one status or of all. */
    public List<Delivery> ofChange(ChangeId change, @Nullable DeliveryStatus status) {
        return jdbc.sql("select * from delivery where change_id = :change"
                        + (status == null ? "" : " and status = :status")
                        + " order by municipality_id, endpoint_id, kind, lead_seconds")
                .param("change", change.value())
                .param("status", status == null ? null : status.name())
                .query(DELIVERY)
                .list();
    }

    public List<Delivery> ofChange(ChangeId change) {
        return ofChange(change, null);
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

    /** Whether the delivery was taken over from a holder that may have sent it: possibly repeated (ADR 24). */
    public Optional<Takeover> takeover(DeliveryId id) {
        return jdbc.sql("""
                        select takeovers, taken_over_from, taken_over_at from delivery
                         where delivery_id = :id and takeovers > 0
                        """)
                .param("id", id.value())
                .query((rs, row) -> new Takeover(
                        rs.getInt("takeovers"),
                        Objects.requireNonNull(rs.getString("taken_over_from")),
                        Objects.requireNonNull(DeliveryRows.instant(rs, "taken_over_at"))))
                .optional();
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
}
