package eu.herald.benchmark;

import eu.herald.local.SeededSession;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reschedules the seeded networking session through the catalogue's API (read, then PUT with
 * {@code If-Match}), and learns from {@code catalogue.session-changes.v1} the change's id and the
 * time it was committed ({@code occurredAt}, set in the transaction that stores the change).
 */
final class Catalogue implements AutoCloseable {

    static final String NETWORKING_SESSION = SeededSession.ID;
    static final String CHANGES = "catalogue.session-changes.v1";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The day the demo data schedules the session, long past: a change to it is urgent, never held. */
    private static final LocalDate SEEDED_DAY = LocalDate.of(2022, 10, 11);

    /** A change as the topic carries it, and the partition it is on (whose matcher fans it out). */
    record Change(String changeId, int version, long occurredAtMicros, int partition) {}

    private final URI session;
    private final Supplier<String> operatorToken;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<Integer, Change> changesByVersion = new ConcurrentHashMap<>();
    private final TopicWatch watch;

    /** @param operatorToken a token with {@code catalogue:write}, asked for before each change */
    Catalogue(URI catalogue, String bootstrap, Supplier<String> operatorToken) {
        this.session = catalogue.resolve("/api/sessions/" + NETWORKING_SESSION);
        this.operatorToken = operatorToken;
        this.watch = TopicWatch.fromEnd(bootstrap, CHANGES, record -> {
            JsonNode change = JSON.readTree(record.value());
            if (NETWORKING_SESSION.equals(change.path("session").path("id").asString())) {
                int version = change.path("session").path("version").asInt();
                changesByVersion.put(
                        version,
                        new Change(
                                change.path("changeId").asString(),
                                version,
                                micros(Instant.parse(change.path("occurredAt").asString())),
                                record.partition()));
            }
        });
    }

    /**
     * Moves the session by half an hour (back and forth on each call) and returns the change once it is
     * on the topic.
     */
    Change reschedule() {
        return reschedule(SEEDED_DAY);
    }

    /**
     * Moves the session to 17:00 of the day, or by half an hour when it is there already (back and forth on each
     * call), and returns the change once it is on the topic.
     */
    Change reschedule(LocalDate day) {
        try {
            HttpResponse<String> current =
                    http.send(HttpRequest.newBuilder(session).build(), HttpResponse.BodyHandlers.ofString());
            require(current, 200);
            JsonNode before = JSON.readTree(current.body());
            boolean moved = before.path("start").asString().startsWith(day + "T17:00");
            ObjectNode details = moved
                    ? SeededSession.rescheduled(before, day + "T16:30", day + "T18:00")
                    : SeededSession.rescheduled(before, day + "T17:00", day + "T18:30");
            HttpResponse<String> revised = http.send(
                    HttpRequest.newBuilder(session)
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + operatorToken.get())
                            .header(
                                    "If-Match",
                                    current.headers().firstValue("ETag").orElse("*"))
                            .PUT(HttpRequest.BodyPublishers.ofString(details.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            require(revised, 200);
            int version = JSON.readTree(revised.body()).path("version").asInt();
            return awaitChange(version);
        } catch (IOException e) {
            throw new IllegalStateException("the catalogue is not reachable at " + session, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Change awaitChange(int version) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Change change = changesByVersion.get(version);
            if (change != null) {
                return change;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        throw new IllegalStateException("version " + version + " of the session never reached " + CHANGES);
    }

    private static void require(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
    }

    static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    @Override
    public void close() {
        watch.close();
    }
}
