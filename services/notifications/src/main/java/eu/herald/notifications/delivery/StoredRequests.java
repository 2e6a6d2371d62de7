package eu.herald.notifications.delivery;

import eu.herald.notifications.request.ChangeId;
import eu.herald.notifications.request.ChangeKind;
import eu.herald.notifications.request.Endpoint;
import eu.herald.notifications.request.NotificationRequest;
import eu.herald.notifications.request.Recipient;
import eu.herald.notifications.request.RequestId;
import eu.herald.notifications.request.SessionChange;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The service's own records of a request as JSON in the delivery log: what a retry, a replay or an erasure reads
 * back. The change is stored once in {@code notification_change}, not in each of its fan-out's requests; a request
 * stored before that (V5) still holds its change and reads back as it is. Its own mapper, so that what was stored
 * reads back whatever the application's JSON settings become. Public for erasures, which rewrite stored requests.
 */
public final class StoredRequests {

    /** A request's columns together with its change's, for {@link #read(String, String)}. */
    public static final String SELECT = """
            select r.request_id, r.payload::text as payload, c.payload::text as change
              from notification_request r left join notification_change c on c.change_id = r.change_id
            """;

    private static final JsonMapper PLAIN = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Fields of a session that identify it or follow from a change's kind: never told as what changed. */
    private static final Set<String> UNCOMPARED = Set.of("id", "version", "status", "eventId", "eventName");

    private static final String INSERT_CHANGE = """
            insert into notification_change (change_id, payload, created_at)
            values (:changeId, cast(:payload as jsonb), :createdAt)
            on conflict (change_id) do nothing
            """;

    /** The request without its change. */
    private record Stored(RequestId id, Recipient recipient, List<Endpoint> endpoints) {}

    public String write(NotificationRequest request) {
        return PLAIN.writeValueAsString(new Stored(request.id(), request.recipient(), request.endpoints()));
    }

    String writeChange(SessionChange change) {
        return PLAIN.writeValueAsString(change);
    }

    /**
     * @param request a request's payload
     * @param change its change's, null for a request stored with its change
     */
    public NotificationRequest read(String request, @Nullable String change) {
        ObjectNode node = (ObjectNode) PLAIN.readTree(request);
        if (!node.has("change") && change != null) {
            node.set("change", PLAIN.readTree(change));
        }
        return PLAIN.treeToValue(node, NotificationRequest.class);
    }

    /**
     * The request with what changed since the version before {@code earliest}, the first change of its session the
     * endpoint did not receive: every field of the session that differs from that version, with its value then. A
     * session the endpoint never received (the earliest change published it) reads as published, or as cancelled.
     */
    NotificationRequest since(String earliest, NotificationRequest request) {
        SessionChange latest = request.change();
        ObjectNode first = (ObjectNode) PLAIN.readTree(earliest);
        ChangeKind firstKind = ChangeKind.valueOf(first.get("kind").asString());
        if (firstKind == ChangeKind.PUBLISHED) {
            ChangeKind kind = latest.kind() == ChangeKind.CANCELLED ? ChangeKind.CANCELLED : ChangeKind.PUBLISHED;
            return withChange(
                    request,
                    new SessionChange(latest.id(), kind, latest.occurredAt(), latest.session(), Map.of(), List.of()));
        }
        ObjectNode before = (ObjectNode) first.get("session").deepCopy();
        first.get("previous").properties().forEach(field -> before.set(field.getKey(), field.getValue()));
        ObjectNode now = PLAIN.valueToTree(latest.session());
        Map<String, @Nullable Object> previous = new LinkedHashMap<>();
        for (String field : now.propertyNames()) {
            if (before.has(field)
                    && !UNCOMPARED.contains(field)
                    && !before.get(field).equals(now.get(field))) {
                previous.put(field, PLAIN.treeToValue(before.get(field), Object.class));
            }
        }
        ChangeKind kind =
                latest.kind() == ChangeKind.UPDATED && (previous.containsKey("start") || previous.containsKey("end"))
                        ? ChangeKind.RESCHEDULED
                        : latest.kind();
        return withChange(
                request,
                new SessionChange(
                        latest.id(),
                        kind,
                        latest.occurredAt(),
                        latest.session(),
                        previous,
                        List.copyOf(previous.keySet())));
    }

    private static NotificationRequest withChange(NotificationRequest request, SessionChange change) {
        return new NotificationRequest(
                request.id(), change, request.recipient(), request.endpoints(), request.reminders());
    }

    /** Stores the changes of the requests that are not stored yet, one row each however many requests share one. */
    void storeChanges(NamedParameterJdbcTemplate jdbc, Collection<NotificationRequest> requests, Instant now) {
        Map<ChangeId, SessionChange> changes = new LinkedHashMap<>();
        requests.forEach(request -> changes.putIfAbsent(request.change().id(), request.change()));
        jdbc.batchUpdate(
                INSERT_CHANGE,
                changes.values().stream()
                        .map(change -> changeParameters(change, now))
                        .toArray(SqlParameterSource[]::new));
    }

    /** Stores the change unless it is stored already. */
    public void storeChange(JdbcClient jdbc, SessionChange change, Instant now) {
        jdbc.sql(INSERT_CHANGE).paramSource(changeParameters(change, now)).update();
    }

    private SqlParameterSource changeParameters(SessionChange change, Instant now) {
        return new MapSqlParameterSource()
                .addValue("changeId", change.id().value())
                .addValue("payload", writeChange(change))
                .addValue("createdAt", now.atOffset(ZoneOffset.UTC));
    }
}
