package eu.herald.notifications.delivery;

import static eu.herald.notifications.delivery.DeliveryRows.timestamp;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Latest wins: an older version of a session never goes out after a newer one was recorded for the same endpoint.
 * Recording a newer one marks the older held (SCHEDULED) and retrying ones SUPERSEDED, with an outcome that says so,
 * and the newer one then tells what changed since the version before the earliest one superseded: the last the
 * endpoint received. One statement per recorded batch; the partial index on held and retrying deliveries keeps it an
 * index probe per delivery, however large the log.
 *
 * <p>Only a delivery nobody is attempting is superseded: its {@code next_attempt_at} is still its {@code not_before}
 * (when it is due), not a lease. One being attempted may be on the wire, and the log must say what it became.
 */
final class Supersession {

    private static final String SUPERSEDE = """
            with superseded as (
                update delivery d
                   set status = 'SUPERSEDED', reason = 'by version ' || n.version, next_attempt_at = null,
                       updated_at = :now
                  from unnest(cast(:endpoints as uuid[]), cast(:sessions as uuid[]), cast(:versions as int[]))
                       as n(endpoint_id, session_id, version)
                 where d.status in ('SCHEDULED', 'RETRYING') and d.endpoint_id = n.endpoint_id
                   and d.session_id = n.session_id and d.session_version < n.version
                   and d.next_attempt_at = d.not_before
                returning d.*),
            outcomes as (
                insert into delivery_outcome (outcome_id, delivery_id, status, reason, endpoint_gone, attempts,
                                              first_attempt_at, occurred_at)
                select gen_random_uuid(), delivery_id, 'SUPERSEDED', reason, false, attempts, first_attempt_at, :now
                  from superseded)
            update delivery d
               set since_change_id = s.since,
                   next_attempt_at = case when d.status = 'PENDING' then :now else d.next_attempt_at end,
                   -- left to the claim, which takes it over from nobody: it was never attempted
                   claimed_by = case when d.status = 'PENDING' then null else d.claimed_by end
              from (select endpoint_id, session_id,
                           (array_agg(coalesce(since_change_id, change_id) order by session_version))[1] as since
                      from superseded where kind = 'CHANGE'
                     group by endpoint_id, session_id) s
             where d.delivery_id = any(cast(:ids as uuid[])) and d.kind = 'CHANGE'
               and d.endpoint_id = s.endpoint_id and d.session_id = s.session_id
            returning d.delivery_id
            """;

    private Supersession() {}

    /**
     * Supersedes the held and retrying deliveries of older versions of these deliveries' sessions at their endpoints.
     * Returns the deliveries that superseded one: those due now are handed to the retry scheduler (due at once, held by
     * nobody), which reads what changed since the last version received; the caller must not attempt them itself.
     */
    static Set<DeliveryId> supersedeOlder(JdbcClient jdbc, List<Delivery> recorded, Instant now) {
        if (recorded.isEmpty()) {
            return Set.of();
        }
        return jdbc.sql(SUPERSEDE)
                .param("now", timestamp(now))
                .param(
                        "endpoints",
                        uuids(recorded.stream().map(d -> d.endpointId().value())))
                .param(
                        "sessions",
                        uuids(recorded.stream().map(d -> d.sessionId().value())))
                .param(
                        "versions",
                        recorded.stream().mapToInt(Delivery::sessionVersion).toArray())
                .param("ids", uuids(recorded.stream().map(d -> d.id().value())))
                .query((rs, row) -> new DeliveryId(rs.getObject(1, UUID.class)))
                .set();
    }

    private static String[] uuids(Stream<UUID> ids) {
        return ids.map(UUID::toString).toArray(String[]::new);
    }
}
