package eu.herald.notifications.replay;

import eu.herald.notifications.delivery.DeliveryId;
import eu.herald.notifications.replay.ReplayAuditEntry.Target;
import eu.herald.notifications.request.ChangeId;
import eu.herald.security.Caller;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operators' replays of DEAD deliveries, each recorded in the replay's own transaction: who asked (the token's
 * client and subject), for what, when, and which deliveries moved. A replay that moved nothing is recorded too: it
 * was asked for. A replayed delivery is put back on the retry schedule, due now, with the whole schedule ahead of it.
 * Only DEAD ones move, and never one with a SENT outcome, so a replay cannot send twice to the same endpoint.
 */
@Service
public class Replays {

    private final JdbcClient jdbc;

    Replays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replays one delivery if it is DEAD and was never sent. */
    @Transactional
    public List<DeliveryId> replay(DeliveryId delivery, Caller caller, Instant now) {
        List<DeliveryId> replayed = replayWhere("d.delivery_id = :target", delivery.value(), now);
        record(caller, Target.DELIVERY, delivery.value(), replayed, now);
        return replayed;
    }

    /** Replays every DEAD delivery of the change that was never sent. */
    @Transactional
    public List<DeliveryId> replay(ChangeId change, Caller caller, Instant now) {
        List<DeliveryId> replayed = replayWhere("d.change_id = :target", change.value(), now);
        record(caller, Target.CHANGE, change.value(), replayed, now);
        return replayed;
    }

    private List<DeliveryId> replayWhere(String condition, UUID target, Instant now) {
        return jdbc.sql("""
                        update delivery d
                           set status = 'RETRYING', next_attempt_at = :now, retries_from = d.attempts, updated_at = :now,
                               claimed_by = null
                         where %s and d.status = 'DEAD'
                           and not exists (select 1 from delivery_outcome o
                                            where o.delivery_id = d.delivery_id and o.status = 'SENT')
                        returning d.delivery_id
                        """.formatted(condition))
                .param("target", target)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .query((rs, row) -> new DeliveryId(rs.getObject(1, UUID.class)))
                .list();
    }

    private void record(Caller caller, Target target, UUID targetId, List<DeliveryId> replayed, Instant now) {
        jdbc.sql("""
                        insert into replay_audit (occurred_at, client_id, subject, target, target_id, replayed,
                                                  delivery_ids)
                        values (:at, :client, :subject, :target, :targetId, :replayed, :ids)
                        """)
                .param("at", now.atOffset(ZoneOffset.UTC))
                .param("client", caller.clientId())
                .param("subject", caller.subject())
                .param("target", target.name())
                .param("targetId", targetId)
                .param("replayed", replayed.size())
                .param("ids", replayed.stream().map(DeliveryId::value).toArray(UUID[]::new))
                .update();
    }

    /** Newest first; both criteria are optional: the client that replayed, the delivery or change replayed. */
    @Transactional(readOnly = true)
    public List<ReplayAuditEntry> audit(@Nullable String client, @Nullable UUID target, int limit) {
        return jdbc.sql("""
                        select * from replay_audit
                         where (cast(:client as text) is null or client_id = :client)
                           and (cast(:target as uuid) is null or target_id = :target
                                or :target = any (delivery_ids))
                         order by id desc limit :limit
                        """)
                .param("client", client, Types.VARCHAR)
                .param("target", target, Types.OTHER)
                .param("limit", limit)
                .query(Replays::entry)
                .list();
    }

    private static ReplayAuditEntry entry(ResultSet row, int number) throws SQLException {
        Array ids = row.getArray("delivery_ids");
        return new ReplayAuditEntry(
                row.getLong("id"),
                row.getTimestamp("occurred_at").toInstant(),
                row.getString("client_id"),
                row.getString("subject"),
                Target.valueOf(row.getString("target")),
                row.getObject("target_id", UUID.class),
                row.getInt("replayed"),
                Arrays.stream((Object[]) ids.getArray()).map(UUID.class::cast).toList());
    }
}
