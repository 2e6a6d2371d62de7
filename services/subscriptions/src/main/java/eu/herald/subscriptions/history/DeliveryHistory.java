package eu.herald.subscriptions.history;

import eu.herald.subscriptions.endpoint.EndpointId;
import eu.herald.subscriptions.endpoint.Endpoints;
import eu.herald.subscriptions.municipality.MunicipalityId;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the latest outcome of each delivery (an older outcome arriving late never overwrites a newer
 * one; a replayed one changes nothing) and disables an endpoint the receiver says is gone. Latest means most
 * attempts, then latest {@code occurredAt}: a delivery's attempts never decrease, while the clocks of the
 * notifications instances that report one delivery may disagree, so a SCHEDULED outcome (no attempt yet) never
 * overwrites the SENT one of the same delivery, and a SUPERSEDED one (no attempt either, reported later) replaces
 * the SCHEDULED one. When a held delivery goes out, its {@code notBefore} and {@code digestAt} stay unless the
 * newer outcome says otherwise. The outcome of
 * an endpoint that no longer exists (erased while a delivery was in flight) is not kept: it would bring
 * erased data back.
 */
@Service
public class DeliveryHistory {

    private static final Logger log = LoggerFactory.getLogger(DeliveryHistory.class);

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final Endpoints endpoints;

    DeliveryHistory(JdbcClient jdbc, NamedParameterJdbcTemplate batch, Endpoints endpoints) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.endpoints = endpoints;
    }

    /** A delivery as the history shows it. */
    public record Delivery(
            java.util.UUID deliveryId,
            java.util.UUID endpointId,
            java.util.UUID changeId,
            java.util.UUID sessionId,
            @org.jspecify.annotations.Nullable Integer sessionVersion,
            String channel,
            String status,
            @org.jspecify.annotations.Nullable String reason,
            boolean endpointGone,
            int attempts,
            java.time.Instant changedAt,
            java.time.@org.jspecify.annotations.Nullable Instant sentAt,
            java.time.Instant updatedAt,
            @org.jspecify.annotations.Nullable Integer responseStatus,
            String kind,
            java.time.@org.jspecify.annotations.Nullable Instant notBefore,
            java.time.@org.jspecify.annotations.Nullable Instant digestAt,
            @org.jspecify.annotations.Nullable String lead) {}

    /** One page of deliveries, most recent first. */
    public record Page(List<Delivery> items, int page, int size, long total) {}

    /**
     * Records the outcomes of one poll in one transaction and one JDBC batch, in their order: a fan-out's outcomes
     * cost a few hundred commits, not one each.
     */
    @Transactional
    public void record(List<DeliveryOutcome> outcomes) {
        batch.batchUpdate(
                """
                insert into delivery (delivery_id, municipality_id, endpoint_id, change_id, session_id,
                                      session_version, channel, status, reason, endpoint_gone, attempts,
                                      changed_at, sent_at, occurred_at, response_status, kind, not_before,
                                      digest_at, lead)
                select :deliveryId, :municipalityId, :endpointId, :changeId, :sessionId, :sessionVersion,
                       :channel, :status, :reason, :gone, :attempts, :changedAt, :sentAt, :occurredAt,
                       :responseStatus, :kind, :notBefore, :digestAt, :lead
                 where exists (select 1 from endpoint
                                where id = :endpointId and municipality_id = :municipalityId)
                on conflict (delivery_id) do update
                   set status = excluded.status, reason = excluded.reason,
                       endpoint_gone = excluded.endpoint_gone, attempts = excluded.attempts,
                       sent_at = excluded.sent_at, occurred_at = excluded.occurred_at,
                       response_status = excluded.response_status, kind = excluded.kind,
                       not_before = coalesce(excluded.not_before, delivery.not_before),
                       digest_at = coalesce(excluded.digest_at, delivery.digest_at),
                       lead = coalesce(excluded.lead, delivery.lead)
                 where (delivery.attempts, delivery.occurred_at) <= (excluded.attempts, excluded.occurred_at)
                """, outcomes.stream().map(DeliveryHistory::parameters).toArray(SqlParameterSource[]::new));
        for (DeliveryOutcome outcome : outcomes) {
            if (outcome.endpointGone()) {
                disableGone(outcome);
            }
        }
    }

    private static SqlParameterSource parameters(DeliveryOutcome outcome) {
        return new MapSqlParameterSource()
                .addValue("deliveryId", outcome.deliveryId())
                .addValue("municipalityId", outcome.municipalityId())
                .addValue("endpointId", outcome.endpointId())
                .addValue("changeId", outcome.changeId())
                .addValue("sessionId", outcome.sessionId())
                .addValue("sessionVersion", outcome.sessionVersion(), Types.INTEGER)
                .addValue("channel", outcome.channel())
                .addValue("status", outcome.status())
                .addValue("reason", outcome.reason(), Types.VARCHAR)
                .addValue("gone", outcome.endpointGone())
                .addValue("attempts", outcome.attempts())
                .addValue("changedAt", Timestamp.from(outcome.changedAt()))
                .addValue("sentAt", outcome.sentAt() == null ? null : Timestamp.from(outcome.sentAt()), Types.TIMESTAMP)
                .addValue("occurredAt", Timestamp.from(outcome.occurredAt()))
                .addValue("responseStatus", outcome.responseStatus(), Types.INTEGER)
                .addValue("kind", outcome.kind())
                .addValue("notBefore", timestamp(outcome.notBefore()), Types.TIMESTAMP)
                .addValue("digestAt", timestamp(outcome.digestAt()), Types.TIMESTAMP)
                .addValue("lead", outcome.lead() == null ? null : outcome.lead().toString(), Types.VARCHAR);
    }

    private static @Nullable Timestamp timestamp(java.time.@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private void disableGone(DeliveryOutcome outcome) {
        String reason = "gone: " + (outcome.reason() == null ? outcome.status() : outcome.reason());
        if (endpoints.disable(new EndpointId(outcome.endpointId()), reason)) {
            log.info(
                    "Disabled endpoint {} of municipality {} ({})",
                    outcome.endpointId(),
                    outcome.municipalityId(),
                    reason);
        }
    }

    public Page of(MunicipalityId municipality, int page, int size) {
        return page("municipality_id = :municipalityId", municipality, null, page, size);
    }

    /** The deliveries to one endpoint of the municipality, most recent first, with the receiver's status codes. */
    public Page of(MunicipalityId municipality, EndpointId endpoint, int page, int size) {
        return page(
                "municipality_id = :municipalityId and endpoint_id = :endpointId", municipality, endpoint, page, size);
    }

    private Page page(String where, MunicipalityId municipality, @Nullable EndpointId endpoint, int page, int size) {
        long total = jdbc.sql("select count(*) from delivery where " + where)
                .param("municipalityId", municipality.value())
                .param("endpointId", endpoint == null ? null : endpoint.value())
                .query(Long.class)
                .single();
        List<Delivery> items = jdbc.sql("select * from delivery where " + where
                        + " order by occurred_at desc, delivery_id limit :size offset :offset")
                .param("municipalityId", municipality.value())
                .param("endpointId", endpoint == null ? null : endpoint.value())
                .param("size", size)
                .param("offset", (long) page * size)
                .query((row, number) -> new Delivery(
                        row.getObject("delivery_id", java.util.UUID.class),
                        row.getObject("endpoint_id", java.util.UUID.class),
                        row.getObject("change_id", java.util.UUID.class),
                        row.getObject("session_id", java.util.UUID.class),
                        row.getObject("session_version", Integer.class),
                        row.getString("channel"),
                        row.getString("status"),
                        row.getString("reason"),
                        row.getBoolean("endpoint_gone"),
                        row.getInt("attempts"),
                        row.getTimestamp("changed_at").toInstant(),
                        row.getTimestamp("sent_at") == null
                                ? null
                                : row.getTimestamp("sent_at").toInstant(),
                        row.getTimestamp("occurred_at").toInstant(),
                        row.getObject("response_status", Integer.class),
                        row.getString("kind"),
                        instant(row.getTimestamp("not_before")),
                        instant(row.getTimestamp("digest_at")),
                        row.getString("lead")))
                .list();
        return new Page(items, page, size, total);
    }

    private static java.time.@Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
