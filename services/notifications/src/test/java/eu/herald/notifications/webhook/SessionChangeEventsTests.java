package eu.herald.notifications.webhook;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import eu.herald.notifications.SeedRequests;
import eu.herald.notifications.delivery.DeliveryId;
import eu.herald.notifications.request.ChangeId;
import eu.herald.notifications.request.ChangeKind;
import eu.herald.notifications.request.EndpointId;
import eu.herald.notifications.request.NotificationRequest;
import eu.herald.notifications.request.Recipient;
import eu.herald.notifications.request.RequestId;
import eu.herald.notifications.request.Session;
import eu.herald.notifications.request.SessionChange;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body written from fragments kept per change and per reader equals, byte for byte, the whole CloudEvent
 * written at once ({@link WholeEvents}), for every kind of change and reader, however many changes are in flight.
 */
class SessionChangeEventsTests {

    private static final String ESCAPES = "\"quoted\" \\ back\\slash </script> tab\t new\nline cr\r nul\u0000 "
            + "bell\u0007 del\u007f line\u2028sep paragraph\u2029sep é ł ç 🎉";

    static Stream<JsonMapper> mappers() {
        return Stream.of(
                JsonMapper.builder().build(),
                JsonMapper.builder()
                        .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                        .changeDefaultPropertyInclusion(inclusion -> inclusion
                                .withValueInclusion(JsonInclude.Include.NON_NULL)
                                .withContentInclusion(JsonInclude.Include.NON_NULL))
                        .build());
    }

    @ParameterizedTest
    @MethodSource("mappers")
    void writesTheSameBytesAsTheWholeEventForEveryChangeAndReader(JsonMapper json) {
        SessionChangeEvents events = new SessionChangeEvents(json);
        WholeEvents whole = new WholeEvents(json);
        List<NotificationRequest> requests = requests(changes(), recipients());

        // twice: what is written first and what is taken from the fragments kept
        for (int round = 0; round < 2; round++) {
            for (NotificationRequest request : requests) {
                DeliveryId delivery = deliveryId(request);
                byte[] expected = whole.render(delivery, request);

                byte[] body = events.render(delivery, request);

                assertThat(new String(body, UTF_8)).isEqualTo(new String(expected, UTF_8));
                assertThat(body).isEqualTo(expected);
            }
        }
    }

    @Test
    void writesTheSnapshotOncePerChangeAndTheLocalTimesOncePerChangeAndReader() {
        JsonMapper json = JsonMapper.builder().build();
        SessionChangeEvents events = new SessionChangeEvents(json);
        List<SessionChange> changes = changes();
        List<Recipient> recipients = recipients();
        long readers = recipients.stream()
                .map(recipient -> List.of(recipient.timeZone(), recipient.language()))
                .distinct()
                .count();

        for (NotificationRequest request : requests(changes, recipients)) {
            events.render(deliveryId(request), request);
        }

        assertThat(readers).isLessThan(recipients.size());
        assertThat(events.writes()).isEqualTo(changes.size() * (1 + readers));
    }

    @Test
    void writesTheSameBytesFromSeveralWorkersAtOnce() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        SessionChangeEvents events = new SessionChangeEvents(json);
        WholeEvents whole = new WholeEvents(json);
        List<NotificationRequest> requests = requests(changes(), recipients());
        Map<NotificationRequest, String> expected = new HashMap<>();
        requests.forEach(request ->
                expected.put(request, new String(whole.render(deliveryId(request), request), UTF_8)));
        List<Callable<List<String>>> workers = new ArrayList<>();
        for (int worker = 0; worker < 8; worker++) {
            workers.add(() -> requests.stream()
                    .map(request -> new String(events.render(deliveryId(request), request), UTF_8))
                    .toList());
        }

        ExecutorService pool = Executors.newFixedThreadPool(workers.size());
        try {
            for (Future<List<String>> bodies : pool.invokeAll(workers)) {
                assertThat(bodies.get())
                        .containsExactlyElementsOf(
                                requests.stream().map(expected::get).toList());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Each change with each recipient, the changes interleaved as the deliveries of several fan-outs are. */
    private static List<NotificationRequest> requests(List<SessionChange> changes, List<Recipient> recipients) {
        List<NotificationRequest> requests = new ArrayList<>();
        for (Recipient recipient : recipients) {
            for (SessionChange change : changes) {
                requests.add(new NotificationRequest(
                        new RequestId(UUID.randomUUID()),
                        change,
                        recipient,
                        List.of(SeedRequests.webhook(URI.create("https://hooks.example/" + requests.size())))));
            }
        }
        return requests;
    }

    private static DeliveryId deliveryId(NotificationRequest request) {
        EndpointId endpoint = request.endpoints().get(0).id();
        return DeliveryId.of(request.change().id(), endpoint);
    }

    private static List<SessionChange> changes() {
        Map<String, String> titles = Map.of(
                "en", SeedRequests.TITLE_EN,
                "pl", SeedRequests.TITLE_PL,
                "pt", "Trabalho em rede de cidades e municípios para transferir conhecimento e inovação",
                "el", "Δικτύωση πόλεων και δήμων",
                "bg", "Свързване на градове и общини",
                "ja", "都市と自治体のネットワーク");
        Map<String, String> descriptions = Map.of("en", "What cities learn from each other. " + ESCAPES, "pl", ESCAPES);
        Session moved = session(2, "2022-10-11T17:00", "2022-10-11T18:30", titles, descriptions, null);
        Session late = session(3, "2022-10-11T22:30", "2022-10-12T00:30", titles, descriptions, null);
        Session cancelled = session(
                4, "2022-10-11T17:00", "2022-10-11T18:30", Map.of("en", ESCAPES), Map.of(), "Cancelled: " + ESCAPES);
        Session bare = new Session(
                SeedRequests.SESSION,
                1,
                null,
                null,
                Map.of("fr", "Mise en réseau des villes"),
                Map.of(),
                LocalDateTime.parse("2022-03-27T01:30"),
                LocalDateTime.parse("2022-03-27T03:30"),
                ZoneId.of("Europe/Brussels"),
                null,
                null,
                null,
                null,
                null,
                List.of(),
                null,
                null,
                null,
                null,
                Map.of());
        Map<String, @Nullable Object> relocation = new LinkedHashMap<>();
        relocation.put("venue", null);
        relocation.put("platform", "Webex " + ESCAPES);
        relocation.put("themes", List.of("territorial-cohesion", ESCAPES));
        relocation.put("title", Map.of("en", "Old title", "pl", ESCAPES));
        Map<String, @Nullable Object> endOnly = new LinkedHashMap<>();
        endOnly.put("start", null);
        endOnly.put("end", "2022-10-11T23:00:00");
        return List.of(
                change(
                        ChangeKind.RESCHEDULED,
                        moved,
                        Map.of("start", "2022-10-11T16:30:00", "end", "2022-10-11T18:00:00"),
                        List.of("start", "end")),
                change(ChangeKind.RESCHEDULED, late, Map.of("start", "2022-10-11T17:00:00"), List.of("start")),
                change(ChangeKind.RESCHEDULED, late, endOnly, List.of("end")),
                change(
                        ChangeKind.CANCELLED,
                        cancelled,
                        Map.of("status", "PUBLISHED"),
                        List.of("status", "cancellationReason")),
                change(ChangeKind.RELOCATED, moved, relocation, List.of("venue", "platform", "themes", "title")),
                change(ChangeKind.UPDATED, moved, Map.of("description", Map.of("en", ESCAPES)), List.of("description")),
                change(ChangeKind.PUBLISHED, bare, Map.of(), List.of()));
    }

    private static SessionChange change(
            ChangeKind kind, Session session, Map<String, @Nullable Object> previous, List<String> changedFields) {
        return new SessionChange(
                new ChangeId(UUID.randomUUID()),
                kind,
                Instant.parse("2022-10-05T09:12:44.512Z"),
                session,
                previous,
                changedFields);
    }

    private static Session session(
            int version,
            String start,
            String end,
            Map<String, String> title,
            Map<String, String> description,
            @Nullable String cancellationReason) {
        return new Session(
                SeedRequests.SESSION,
                version,
                cancellationReason == null ? "PUBLISHED" : "CANCELLED",
                "en",
                title,
                description,
                LocalDateTime.parse(start),
                LocalDateTime.parse(end),
                SeedRequests.WARSAW,
                "HYBRID",
                "Rue Belliard 99 " + ESCAPES,
                "Zoom",
                SeedRequests.LINK + "?q=\"x\"&y=<z>",
                SeedRequests.LINK,
                List.of("territorial-cohesion", "digital-transformation"),
                cancellationReason,
                null,
                null,
                null,
                Map.of());
    }

    /** Readers in several zones and languages, some sharing both with another municipality. */
    private static List<Recipient> recipients() {
        return List.of(
                SeedRequests.plock(),
                SeedRequests.fundao(),
                SeedRequests.inEnglish(),
                SeedRequests.recipient(
                        "1f6b3f5e-0b7d-4a8e-9d2c-3e4f5a6b7c8d", "Gmina " + ESCAPES, "pl", SeedRequests.WARSAW),
                SeedRequests.recipient(
                        "2a7c4e6f-1c8e-4b9f-8e3d-4f5a6b7c8d9e",
                        "Câmara Municipal de Lisboa",
                        "pt",
                        SeedRequests.LISBON),
                SeedRequests.recipient(
                        "3b8d5f70-2d9f-4ca0-9f4e-5a6b7c8d9eaf", "Stadt Köln", "de", ZoneId.of("Europe/Berlin")),
                SeedRequests.recipient(
                        "4c9e6081-3ea0-4db1-a05f-6b7c8d9eafb0", "Δήμος Αθηναίων", "el", ZoneId.of("Europe/Athens")),
                SeedRequests.recipient("5daf7192-4fb1-4ec2-b160-7c8d9eafb0c1", "東京都", "ja", ZoneId.of("Asia/Tokyo")),
                SeedRequests.recipient(
                        "6eb082a3-50c2-4fd3-8271-8d9eafb0c1d2",
                        "City of New York",
                        "en-US",
                        ZoneId.of("America/New_York")),
                SeedRequests.recipient(
                        "7fc193b4-61d3-40e4-9382-9eafb0c1d2e3", "Pune", "hi", ZoneOffset.ofHoursMinutes(5, 30)),
                SeedRequests.recipient(
                        "80d2a4c5-72e4-41f5-a493-afb0c1d2e3f4", "Another City", "en", ZoneId.of("Europe/Brussels")),
                SeedRequests.recipient(
                        "91e3b5d6-83f5-4206-b5a4-b0c1d2e3f405",
                        "Ville de Bruxelles",
                        "fr",
                        ZoneId.of("Europe/Brussels")),
                SeedRequests.recipient(
                        "a2f4c6e7-9406-4317-86b5-c1d2e3f40516", "City of London", "en", ZoneId.of("Europe/London")));
    }
}
