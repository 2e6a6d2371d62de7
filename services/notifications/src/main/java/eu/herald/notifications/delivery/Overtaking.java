package eu.herald.notifications.delivery;

import static eu.herald.notifications.delivery.DeliveryRows.timestamp;

import eu.herald.notifications.delivery.DeliveryClaims.Claimed;
import eu.herald.notifications.delivery.DeliveryOutcomes.Attempt;
import eu.herald.notifications.delivery.DeliveryOutcomes.Attempted;
import eu.herald.notifications.request.ChangeId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Latest wins where recording could not see to it: a delivery being attempted when a newer version of its session was
 * recorded (a retry on the wire) is not superseded then; if it comes back (to be retried), it is superseded when it is
 * claimed, never sent after the newer one.
 */
@Component
class Overtaking {

    private final JdbcClient jdbc;
    private final DeliveryOutcomes outcomes;
    private final DeliveryClaims claims;
    private final DeliveryMetrics metrics;

    Overtaking(JdbcClient jdbc, DeliveryOutcomes outcomes, DeliveryClaims claims, DeliveryMetrics metrics) {
        this.jdbc = jdbc;
        this.outcomes = outcomes;
        this.claims = claims;
        this.metrics = metrics;
    }

    /** A claimed delivery and the newest delivery of its session to the same endpoint, which overtook it. */
    record Overtaken(Claimed claimed, DeliveryId by, int version) {}

    /** The claimed deliveries still to go out: those a newer version overtook are SUPERSEDED instead. */
    @Transactional
    List<Claimed> withoutOvertaken(List<Claimed> all, Instant now) {
        List<Overtaken> overtaken = overtaken(all);
        if (overtaken.isEmpty()) {
            return all;
        }
        List<Claimed> claimed = new ArrayList<>(all);
        overtaken.forEach(each -> claimed.remove(each.claimed()));
        supersede(overtaken, now).forEach(metrics::recorded);
        Set<DeliveryId> newer = overtaken.stream().map(Overtaken::by).collect(Collectors.toSet());
        // claimed together with what they overtook: they now tell what changed since the last version received
        return claimed.stream().anyMatch(due -> newer.contains(due.delivery().id())) ? claims.reread(claimed) : claimed;
    }

    /**
     * The claimed deliveries a newer version of their session overtook at the same endpoint after they were claimed
     * (one being attempted when the newer one was recorded, then failing and coming back): they must not go out.
     */
    private List<Overtaken> overtaken(List<Claimed> claimed) {
        if (claimed.isEmpty()) {
            return List.of();
        }
        Map<String, List<Map.Entry<ChangeId, Integer>>> versions = new HashMap<>();
        jdbc.sql("""
                        select change_id, payload -> 'session' -> 'id' ->> 'value' as session,
                               (payload -> 'session' ->> 'version')::int as version
                          from notification_change where payload -> 'session' -> 'id' ->> 'value' in (:sessions)
                        """)
                .param(
                        "sessions",
                        claimed.stream()
                                .map(due -> due.delivery().sessionId().value().toString())
                                .distinct()
                                .toList())
                .query((rs, row) -> {
                    versions.computeIfAbsent(rs.getString("session"), key -> new ArrayList<>())
                            .add(Map.entry(new ChangeId(rs.getObject("change_id", UUID.class)), rs.getInt("version")));
                    return row;
                })
                .list();
        Map<DeliveryId, List<Claimed>> newer = new HashMap<>();
        Map<DeliveryId, Integer> versionOf = new HashMap<>();
        for (Claimed due : claimed) {
            Delivery delivery = due.delivery();
            versions.getOrDefault(delivery.sessionId().value().toString(), List.of()).stream()
                    .filter(version -> version.getValue() > delivery.sessionVersion())
                    .forEach(version -> {
                        DeliveryId candidate = DeliveryId.of(version.getKey(), delivery.endpointId());
                        versionOf.put(candidate, version.getValue());
                        newer.computeIfAbsent(candidate, key -> new ArrayList<>())
                                .add(due);
                    });
        }
        if (newer.isEmpty()) {
            return List.of();
        }
        Map<Claimed, DeliveryId> overtaken = new LinkedHashMap<>();
        jdbc.sql("select delivery_id from delivery where delivery_id in (:ids) order by session_version desc")
                .param("ids", newer.keySet().stream().map(DeliveryId::value).toList())
                .query((rs, row) -> new DeliveryId(rs.getObject(1, UUID.class)))
                .list()
                .forEach(by -> newer.get(by).forEach(due -> overtaken.putIfAbsent(due, by)));
        return overtaken.entrySet().stream()
                .map(entry -> new Overtaken(entry.getKey(), entry.getValue(), versionOf.get(entry.getValue())))
                .toList();
    }

    /**
     * Marks claimed deliveries SUPERSEDED without attempting them (a newer version of their session overtook them
     * while they were held by this caller), with an outcome that says so. A change notice overtaken so tells the newer
     * one, if it is still to go out, to say what changed since the version before it.
     */
    private List<DeliveryAttempted> supersede(List<Overtaken> overtaken, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        List<DeliveryAttempted> recorded = new ArrayList<>();
        for (Overtaken each : overtaken) {
            Delivery delivery = each.claimed().delivery();
            int updated = jdbc.sql("""
                            update delivery set status = 'SUPERSEDED', reason = :reason,
                                                next_attempt_at = null, updated_at = :at
                             where delivery_id = :id and status in ('PENDING', 'RETRYING', 'SCHEDULED')
                            """)
                    .param("at", timestamp(at))
                    .param("reason", "by version " + each.version())
                    .param("id", delivery.id().value())
                    .update();
            if (updated == 1) {
                // the newer one, if it has not gone out yet, tells what changed since the last version received
                jdbc.sql("""
                                update delivery set since_change_id = :since
                                 where delivery_id = :by and since_change_id is null and kind = 'CHANGE'
                                   and status in ('RETRYING', 'SCHEDULED')
                                """)
                        .param(
                                "since",
                                (delivery.sinceChangeId() == null ? delivery.changeId() : delivery.sinceChangeId())
                                        .value())
                        .param("by", each.by().value())
                        .update();
                Attempt superseded =
                        new Attempt(DeliveryStatus.SUPERSEDED, "by version " + each.version(), false, null, null, null);
                recorded.add(DeliveryOutcomes.outcome(
                        new Attempted(delivery, superseded), at, delivery.attempts(), delivery.firstAttemptAt()));
            }
        }
        outcomes.insert(recorded);
        return recorded;
    }
}
