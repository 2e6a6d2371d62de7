package eu.herald.notifications.delivery;

import eu.herald.notifications.request.ChangeId;
import eu.herald.notifications.request.Channel;
import eu.herald.notifications.request.EndpointId;
import eu.herald.notifications.request.MunicipalityId;
import eu.herald.notifications.request.RequestId;
import eu.herald.notifications.request.SessionId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/** The delivery log's rows as records and back: one place for the columns of a delivery and of an attempt. */
final class DeliveryRows {

    static final String ATTEMPT_COLUMNS = """
            o.outcome_id, o.status, o.reason, o.endpoint_gone, o.attempts, o.first_attempt_at, o.sent_at,
            o.occurred_at, o.next_attempt_at, o.response_status, d.delivery_id, d.request_id, d.change_id, d.session_id,
            d.session_version, d.municipality_id, d.endpoint_id, d.channel, d.changed_at, d.kind, d.lead_seconds,
            d.not_before, d.digest_at, d.traceparent
            """;

    /**
     * What a claim sets on the delivery it takes (alias {@code d}; parameters {@code :instance} and {@code :now}): its
     * holder, and, if another claim held it without recording an attempt, that it was taken over, since the holder
     * may have sent it (ADR 24).
     */
    static final String TAKE = """
            claimed_by = :instance, takeovers = d.takeovers + case when d.claimed_by is null then 0 else 1 end,
            taken_over_from = coalesce(d.claimed_by, d.taken_over_from),
            taken_over_at = case when d.claimed_by is null then d.taken_over_at else :now end
            """;

    private DeliveryRows() {}

    static MapSqlParameterSource insertParameters(Delivery delivery) {
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
                .addValue("reason", delivery.reason())
                .addValue("attempts", delivery.attempts())
                .addValue("changedAt", timestamp(delivery.changedAt()))
                .addValue("createdAt", timestamp(delivery.createdAt()))
                .addValue("updatedAt", timestamp(delivery.updatedAt()))
                .addValue("nextAttemptAt", timestamp(delivery.nextAttemptAt()))
                .addValue("notBefore", timestamp(delivery.notBefore()))
                .addValue("kind", delivery.kind().name())
                .addValue(
                        "leadSeconds",
                        delivery.lead() == null ? null : delivery.lead().toSeconds())
                .addValue("digestAt", timestamp(delivery.digestAt()))
                .addValue("traceparent", delivery.traceparent());
    }

    static final RowMapper<Delivery> DELIVERY = (rs, row) -> new Delivery(
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
            rs.getInt("retries_from"),
            instant(rs, "not_before"),
            DeliveryKind.valueOf(rs.getString("kind")),
            lead(rs),
            instant(rs, "digest_at"),
            rs.getObject("since_change_id") == null ? null : new ChangeId(uuid(rs, "since_change_id")),
            rs.getString("traceparent"));

    static final RowMapper<DeliveryAttempted> ATTEMPTED = (rs, row) -> new DeliveryAttempted(
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
            rs.getObject("response_status", Integer.class),
            DeliveryKind.valueOf(rs.getString("kind")),
            lead(rs),
            instant(rs, "not_before"),
            instant(rs, "digest_at"),
            rs.getString("traceparent"));

    private static @Nullable Duration lead(ResultSet rs) throws SQLException {
        Long seconds = rs.getObject("lead_seconds", Long.class);
        return seconds == null ? null : Duration.ofSeconds(seconds);
    }

    private static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Instant required(@Nullable Instant value) {
        if (value == null) {
            throw new IllegalStateException("a not-null column was null");
        }
        return value;
    }

    static @Nullable OffsetDateTime timestamp(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
