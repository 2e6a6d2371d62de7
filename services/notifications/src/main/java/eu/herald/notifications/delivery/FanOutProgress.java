package eu.herald.notifications.delivery;

import eu.herald.notifications.request.Channel;
import eu.herald.notifications.request.SessionId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How far the fan-out of one version of a session has come: its change deliveries (not reminders) counted per
 * channel and status, as the operator console follows them after saving the session. The version's changes are found
 * among the stored changes (by the session's expression index), their deliveries by change: no index of its own on
 * the delivery log, whose every insert would pay for it.
 */
@Repository
public class FanOutProgress {

    /**
     * The counts of one version of a session.
     *
     * @param changeIds the changes of that version that reached this service (usually one)
     * @param channels per channel reached, deliveries per status
     */
    public record Progress(List<UUID> changeIds, Map<Channel, Map<DeliveryStatus, Integer>> channels) {

        public Progress {
            changeIds = List.copyOf(changeIds);
            channels = Map.copyOf(channels);
        }

        public int total() {
            return channels.values().stream()
                    .flatMap(counts -> counts.values().stream())
                    .mapToInt(Integer::intValue)
                    .sum();
        }

        /** How many deliveries of the channel have the status. */
        public int count(Channel channel, DeliveryStatus status) {
            return channels.getOrDefault(channel, Map.of()).getOrDefault(status, 0);
        }
    }

    private record Row(UUID changeId, Channel channel, DeliveryStatus status, int count) {}

    private final JdbcClient jdbc;

    FanOutProgress(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Progress of(SessionId session, int version) {
        List<Row> rows = jdbc.sql("""
                        select change_id, channel, status, count(*) as deliveries
                          from delivery
                         where change_id in (select change_id from notification_change
                                              where payload -> 'session' -> 'id' ->> 'value' = :session
                                                and (payload -> 'session' ->> 'version')::int = :version)
                           and kind = 'CHANGE'
                         group by change_id, channel, status
                        """)
                .param("session", session.value().toString())
                .param("version", version)
                .query((row, number) -> new Row(
                        row.getObject("change_id", UUID.class),
                        Channel.valueOf(row.getString("channel")),
                        DeliveryStatus.valueOf(row.getString("status")),
                        row.getInt("deliveries")))
                .list();
        var changeIds = new TreeSet<UUID>();
        var channels = new EnumMap<Channel, Map<DeliveryStatus, Integer>>(Channel.class);
        for (Row row : rows) {
            changeIds.add(row.changeId());
            channels.computeIfAbsent(row.channel(), channel -> new EnumMap<>(DeliveryStatus.class))
                    .merge(row.status(), row.count(), Integer::sum);
        }
        return new Progress(List.copyOf(changeIds), channels);
    }
}
