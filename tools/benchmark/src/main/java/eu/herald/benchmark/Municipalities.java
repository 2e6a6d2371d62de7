package eu.herald.benchmark;

import static java.nio.charset.StandardCharsets.UTF_8;

import eu.herald.benchmark.Scenario.Channel;
import eu.herald.benchmark.sink.WebhookSink;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Seeds the subscriptions database with N active municipalities following "territorial cohesion",
 * each with the scenario's endpoints, by {@code COPY}: seconds for 100,000, and not timed. The
 * demo municipalities are removed first, so that exactly the seeded endpoints are due a delivery.
 */
final class Municipalities {

    static final String THEME = "territorial-cohesion";

    /** Languages and zones as a European audience spreads them: each pair is one rendering per change. */
    private static final String[][] LOCALES = {
        {"PL", "pl", "Europe/Warsaw"}, {"PT", "pt", "Europe/Lisbon"}, {"BE", "en", "Europe/Brussels"}
    };

    /** One seeded endpoint: whom a change must reach. */
    record Endpoint(UUID id, Channel channel) {}

    private Municipalities() {}

    static List<Endpoint> seed(String jdbcUrl, int count, List<Channel> channels, WebhookSink webhooks) {
        return seed(jdbcUrl, count, channels, webhooks, null);
    }

    /** As {@link #seed(String, int, List, WebhookSink)}, every municipality keeping the quiet hours of the window. */
    static List<Endpoint> seed(
            String jdbcUrl, int count, List<Channel> channels, WebhookSink webhooks, @Nullable QuietWindow quiet) {
        StringBuilder municipalities = new StringBuilder(count * 80);
        StringBuilder endpoints = new StringBuilder(count * channels.size() * 120);
        StringBuilder subscriptions = new StringBuilder(count * 100);
        List<Endpoint> seeded = new ArrayList<>(count * channels.size());
        // per zone: the window's local from and to, or two empty columns (null: no quiet hours)
        String[] quietHours = new String[LOCALES.length];
        for (int zone = 0; zone < LOCALES.length; zone++) {
            ZoneId id = ZoneId.of(LOCALES[zone][2]);
            quietHours[zone] = quiet == null ? ",," : "," + quiet.from(id) + "," + quiet.to(id);
        }
        for (int i = 0; i < count; i++) {
            UUID municipality = id("municipality", i);
            String[] locale = LOCALES[i % LOCALES.length];
            municipalities
                    .append(municipality)
                    .append(",Gmina ")
                    .append(i)
                    .append(',')
                    .append(locale[0])
                    .append(',')
                    .append(locale[1])
                    .append(',')
                    .append(locale[2])
                    .append(quietHours[i % LOCALES.length])
                    .append('\n');
            for (Channel channel : channels) {
                UUID endpoint = id("endpoint-" + channel, i);
                String address = channel == Channel.EMAIL
                        ? "gmina" + i + "@benchmark.example"
                        : webhooks.urlOf(endpoint.toString()).toString();
                endpoints
                        .append(endpoint)
                        .append(',')
                        .append(municipality)
                        .append(',')
                        .append(channel)
                        .append(',')
                        .append(address)
                        .append(",ACTIVE,")
                        .append(channel == Channel.WEBHOOK ? "1" : "")
                        .append('\n');
                seeded.add(new Endpoint(endpoint, channel));
            }
            subscriptions
                    .append(id("subscription", i))
                    .append(',')
                    .append(municipality)
                    .append(",THEME,")
                    .append(THEME)
                    .append('\n');
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            try (Statement statement = connection.createStatement()) {
                // the service's own tables, emptied of the demo data: only the seeded endpoints may be notified
                statement.execute("delete from subscription");
                statement.execute("delete from endpoint");
                statement.execute("delete from municipality");
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn(
                    "copy municipality (id, name, country, language, time_zone, quiet_hours_from, quiet_hours_to)"
                            + " from stdin with (format csv)",
                    new StringReader(municipalities.toString()));
            copy.copyIn(
                    "copy endpoint (id, municipality_id, channel, address, status, secret_version)"
                            + " from stdin with (format csv)",
                    new StringReader(endpoints.toString()));
            copy.copyIn(
                    "copy subscription (id, municipality_id, selector_type, selector_value) from stdin with (format csv)",
                    new StringReader(subscriptions.toString()));
            try (Statement statement = connection.createStatement()) {
                statement.execute("vacuum analyze municipality, endpoint, subscription");
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("cannot seed " + count + " municipalities", e);
        }
        return seeded;
    }

    private static UUID id(String kind, int index) {
        return UUID.nameUUIDFromBytes(("benchmark-" + kind + ":" + index).getBytes(UTF_8));
    }

    /** The delivery id notifications derives for a change and an endpoint (and sends as Message-ID, webhook-id). */
    static String deliveryId(String changeId, UUID endpoint) {
        return UUID.nameUUIDFromBytes((changeId + ":" + endpoint).getBytes(UTF_8))
                .toString();
    }
}
