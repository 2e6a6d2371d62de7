package eu.herald.notifications.delivery;

import static eu.herald.notifications.delivery.DeliveryRows.timestamp;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A held delivery never goes out after a newer version of its session reached the same endpoint: recording a
 * newer one marks the older held ones SUPERSEDED, so the retry scheduler never claims them. One statement per
 * recorded batch; the partial index on held deliveries keeps it an index probe per delivery, however large the log.
 * A held delivery already claimed (its {@code next_attempt_at} a lease, no longer its {@code not_before}) is left to
 * its sender: it may be on the wire, and the log must say what it became.
 */
final class Supersession {

    private static final String SUPERSEDE = """
            update delivery d
               set status = 'SUPERSEDED', reason = 'by version ' || n.version, next_attempt_at = null,
                   updated_at = :now
              from unnest(cast(:endpoints as uuid[]), cast(:sessions as uuid[]), cast(:versions as int[]))
                   as n(endpoint_id, session_id, version)
             where d.status = 'SCHEDULED' and d.endpoint_id = n.endpoint_id and d.session_id = n.session_id
               and d.session_version < n.version and d.next_attempt_at = d.not_before
            """;

    private Supersession() {}

    /** Supersedes the held deliveries of older versions of these deliveries' sessions at their endpoints. */
    static void supersedeOlder(JdbcClient jdbc, List<Delivery> recorded, Instant now) {
        if (recorded.isEmpty()) {
            return;
        }
        jdbc.sql(SUPERSEDE)
                .param("now", timestamp(now))
                .param(
                        "endpoints",
                        recorded.stream()
                                .map(delivery -> delivery.endpointId().value().toString())
                                .toArray(String[]::new))
                .param(
                        "sessions",
                        recorded.stream()
                                .map(delivery -> delivery.sessionId().value().toString())
                                .toArray(String[]::new))
                .param(
                        "versions",
                        recorded.stream().mapToInt(Delivery::sessionVersion).toArray())
                .update();
    }
}
