package eu.herald.notifications.delivery;

import static eu.herald.notifications.delivery.DeliveryRows.DELIVERY;
import static eu.herald.notifications.delivery.DeliveryRows.TAKE;
import static eu.herald.notifications.delivery.DeliveryRows.timestamp;

import eu.herald.notifications.request.ChangeId;
import eu.herald.notifications.request.Endpoint;
import eu.herald.notifications.request.EndpointId;
import eu.herald.notifications.request.NotificationRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claims what is due: whoever attempts a delivery first claims it, and {@code next_attempt_at} is then its lease. A
 * claim is a single statement ({@code for update skip locked}), so instances never wait for each other's deliveries
 * and never attempt the same one at the same time; the lease running out hands a delivery whose instance died to
 * another one, and so does its instance's liveness lapsing ({@link Liveness}). A daily digest is claimed whole: all of an endpoint's deliveries in it, by one instance.
 */
@Repository
class DeliveryClaims {

    private static final String CLAIM = """
            with due as (
                select delivery_id from delivery
                 where status in ('PENDING', 'RETRYING', 'SCHEDULED') and digest_at is null and next_attempt_at <= :now
                 order by next_attempt_at
                 limit :limit
                   for update skip locked)
            update delivery d set next_attempt_at = :lease, %s
              from due where d.delivery_id = due.delivery_id
            returning d.*
            """.formatted(TAKE);

    // an advisory lock per digest (endpoint, time), held until the claim commits: one instance claims a digest whole,
    // and one that comes after it finds its deliveries under a lease
    private static final String CLAIM_DIGESTS = """
            with due as (
                select distinct endpoint_id, digest_at from delivery
                 where status in ('RETRYING', 'SCHEDULED') and digest_at is not null and next_attempt_at <= :now
                 limit :limit),
            locked as (
                select endpoint_id, digest_at from due
                 where pg_try_advisory_xact_lock(hashtextextended(endpoint_id::text || digest_at::text, 0)))
            update delivery d set next_attempt_at = :lease, %s
              from locked l
             where d.endpoint_id = l.endpoint_id and d.digest_at = l.digest_at
               and d.status in ('RETRYING', 'SCHEDULED') and d.next_attempt_at <= :now
            returning d.*
            """.formatted(TAKE);

    private final JdbcClient jdbc;
    private final StoredRequests stored = new StoredRequests();
    private final Liveness liveness;

    DeliveryClaims(JdbcClient jdbc, Liveness liveness) {
        this.jdbc = jdbc;
        this.liveness = liveness;
    }

    /** A claimed delivery and its request; the request is null for a delivery recorded before requests were kept. */
    record Claimed(Delivery delivery, @Nullable NotificationRequest request) {

        /** The delivery's endpoint as its request has it; null when the request is not known. */
        @Nullable
        Endpoint endpoint() {
            return request == null
                    ? null
                    : request.endpoints().stream()
                            .filter(candidate -> candidate.id().equals(delivery.endpointId()))
                            .findFirst()
                            .orElse(null);
        }
    }

    /** An endpoint's daily digest: its deliveries, claimed together. */
    record ClaimedDigest(EndpointId endpoint, Instant at, List<Claimed> deliveries) {}

    /**
     * Claims up to {@code limit} deliveries that are due (a retry, a held delivery or a reminder whose time has come, a
     * pending delivery whose holder's lease ran out), oldest first, holding each until {@code leaseUntil}; returns
     * them with their requests. Rows another instance is claiming at the same moment are skipped, not waited for.
     */
    List<Claimed> claimDue(int limit, Instant now, Instant leaseUntil) {
        return withRequests(claim(CLAIM, limit, now, leaseUntil));
    }

    private record DigestKey(EndpointId endpoint, Instant at) {}

    /** Claims up to {@code limit} digests that are due, each with all its deliveries. */
    @Transactional
    List<ClaimedDigest> claimDigests(int limit, Instant now, Instant leaseUntil) {
        Map<DigestKey, List<Claimed>> digests = new LinkedHashMap<>();
        for (Claimed claimed : withRequests(claim(CLAIM_DIGESTS, limit, now, leaseUntil))) {
            Delivery delivery = claimed.delivery();
            digests.computeIfAbsent(
                            new DigestKey(delivery.endpointId(), Objects.requireNonNull(delivery.digestAt())),
                            key -> new ArrayList<>())
                    .add(claimed);
        }
        return digests.entrySet().stream()
                .map(digest -> new ClaimedDigest(
                        digest.getKey().endpoint(), digest.getKey().at(), digest.getValue()))
                .toList();
    }

    /** The claimed deliveries read again, with their requests: after what they tell was changed (overtaken ones). */
    List<Claimed> reread(List<Claimed> claimed) {
        if (claimed.isEmpty()) {
            return List.of();
        }
        return withRequests(jdbc.sql("select * from delivery where delivery_id in (:ids)")
                .param(
                        "ids",
                        claimed.stream().map(due -> due.delivery().id().value()).toList())
                .query(DELIVERY)
                .list());
    }

    private List<Delivery> claim(String sql, int limit, Instant now, Instant leaseUntil) {
        return jdbc.sql(sql)
                .param("now", timestamp(now))
                .param("limit", limit)
                .param("lease", timestamp(leaseUntil))
                .param("instance", liveness.instance())
                .query(DELIVERY)
                .list();
    }

    /**
     * The deliveries with their requests. A delivery that superseded older ones its endpoint never received gets its
     * request with what changed since the version before the earliest of them (16:30 → 17:00 → 17:30 reads 16:30 →
     * 17:30).
     */
    private List<Claimed> withRequests(List<Delivery> due) {
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
        Map<UUID, String> earliest = new HashMap<>();
        List<UUID> since = due.stream()
                .map(Delivery::sinceChangeId)
                .filter(Objects::nonNull)
                .map(ChangeId::value)
                .distinct()
                .toList();
        if (!since.isEmpty()) {
            jdbc.sql("select change_id, payload::text as payload from notification_change where change_id in (:ids)")
                    .param("ids", since)
                    .query((rs, row) -> Map.entry(rs.getObject("change_id", UUID.class), rs.getString("payload")))
                    .list()
                    .forEach(entry -> earliest.put(entry.getKey(), entry.getValue()));
        }
        return due.stream()
                .map(delivery -> {
                    NotificationRequest request =
                            requests.get(delivery.requestId().value());
                    String sinceChange = delivery.sinceChangeId() == null
                            ? null
                            : earliest.get(delivery.sinceChangeId().value());
                    return new Claimed(
                            delivery,
                            request == null || sinceChange == null ? request : stored.since(sinceChange, request));
                })
                .toList();
    }
}
