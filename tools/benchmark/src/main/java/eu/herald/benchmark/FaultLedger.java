package eu.herald.benchmark;

import eu.herald.benchmark.FaultResult.Consistency;
import eu.herald.benchmark.FaultResult.Wire;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.json.JsonMapper;

/**
 * The accounts of one fan-out under a fault: what the sinks received set against notifications' delivery log, the
 * requests committed to their topic, the final outcomes and subscriptions' history.
 */
final class FaultLedger {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> FINAL = Set.of("SENT", "FAILED", "DEAD");

    /** Request id → how many times it was committed to the requests topic. */
    private final Map<String, Integer> requests = new ConcurrentHashMap<>();

    private final AtomicLong duplicateRequests = new AtomicLong();

    /** Counts a request read (committed) from the requests topic. */
    void request(byte[] value) {
        String id = JSON.readTree(value).path("requestId").asString();
        if (requests.merge(id, 1, Integer::sum) > 1) {
            duplicateRequests.incrementAndGet();
        }
    }

    /** Distinct requests committed so far. */
    long requests() {
        return requests.size();
    }

    /** One delivery as notifications' log has it. */
    record Logged(String status, int attempts, int takeovers) {}

    /** The delivery log's rows of the change, by delivery id. */
    static Map<String, Logged> deliveryLog(String notificationsJdbc, String changeId) {
        Map<String, Logged> rows = new HashMap<>();
        query(
                notificationsJdbc,
                "select delivery_id, status, attempts, takeovers from delivery where change_id = ?",
                UUID.fromString(changeId),
                row -> rows.put(row.getString(1), new Logged(row.getString(2), row.getInt(3), row.getInt(4))));
        return rows;
    }

    /** subscriptions' history of the change: delivery id → status. */
    static Map<String, String> history(String subscriptionsJdbc, String changeId) {
        Map<String, String> rows = new HashMap<>();
        query(
                subscriptionsJdbc,
                "select delivery_id, status from delivery where change_id = ?",
                UUID.fromString(changeId),
                row -> rows.put(row.getString(1), row.getString(2)));
        return rows;
    }

    /**
     * The wire's accounts: a delivery received twice is a raw wire duplicate when the log shows how it could happen
     * (taken over from an instance that died, or attempted more than once), else an internal duplicate.
     */
    static Wire wire(Deliveries deliveries, Map<String, Logged> log, long inFlightBound) {
        var correctness = deliveries.correctness();
        long internal = 0;
        long raw = 0;
        for (var repeat : deliveries.repeated().entrySet()) {
            Logged row = log.get(repeat.getKey());
            if (row != null && (row.takeovers() > 0 || row.attempts() > 1)) {
                raw += repeat.getValue();
            } else {
                internal += repeat.getValue();
            }
        }
        long takenOver =
                log.values().stream().filter(row -> row.takeovers() > 0).count();
        return new Wire(
                correctness.distinctReceived(),
                correctness.missing(),
                internal,
                raw,
                takenOver,
                inFlightBound,
                correctness.unexpected(),
                correctness.refused());
    }

    Consistency consistency(
            Map<String, Logged> log,
            Map<String, String> history,
            Map<String, Integer> finalOutcomes,
            long outcomeCopies) {
        long notFinal = log.values().stream()
                .filter(row -> !FINAL.contains(row.status()))
                .count();
        long withoutOne = log.keySet().stream()
                .filter(id -> finalOutcomes.getOrDefault(id, 0) != 1)
                .count();
        long disagrees = log.entrySet().stream()
                .filter(row -> !row.getValue().status().equals(history.get(row.getKey())))
                .count();
        return new Consistency(
                log.size(), notFinal, withoutOne, outcomeCopies, disagrees, requests.size(), duplicateRequests.get());
    }

    /** How many unfinished deliveries a notifier still holds: its work that no other instance has taken yet. */
    static long held(String notificationsJdbc, String instance) {
        AtomicLong count = new AtomicLong();
        query(
                notificationsJdbc,
                "select count(*) from delivery where claimed_by = ? and status in ('PENDING', 'RETRYING', 'SCHEDULED')",
                instance,
                row -> count.set(row.getLong(1)));
        return count.get();
    }

    /** The id its notifier registered with, as the latest start of the instance with this host name recorded it. */
    static String notifierId(String notificationsJdbc, String label) {
        StringBuilder id = new StringBuilder();
        query(
                notificationsJdbc,
                "select instance_id from notifier where instance_id like ? order by started_at desc limit 1",
                label + "-________",
                row -> id.append(row.getString(1)));
        if (id.isEmpty()) {
            throw new IllegalStateException("no notifier registered as " + label);
        }
        return id.toString();
    }

    private interface Row {
        void read(ResultSet row) throws SQLException;
    }

    private static void query(String jdbcUrl, String sql, Object parameter, Row row) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    row.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }
}
