package eu.herald.notifications;

import eu.herald.testsupport.ContractSchemas;
import java.time.LocalTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Requests about the seeded networking session as subscriptions puts them on the wire; every one is checked
 * against the contract's schema, so the tests never feed the service something the producer could not send.
 */
public final class RequestJson {

    public static final String PLOCK = "6e8f0a1b-2c3d-4e5f-8a7b-9c0d1e2f3a4b";
    public static final String FUNDAO = "d9756d35-e7f4-4bc4-b64e-7fb67058f558";
    public static final String LUBLIN = "40120a76-e603-4d24-beb1-b0fb909e4e3e";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RequestJson() {}

    public record Target(
            UUID endpointId, String channel, @Nullable String address) {

        /** An email endpoint with an address no other test uses. */
        public static Target email(String who) {
            UUID id = UUID.randomUUID();
            return new Target(id, "EMAIL", who + "-" + id.toString().substring(0, 8) + "@herald-tests.example");
        }

        public static Target email(String who, String address) {
            return new Target(UUID.randomUUID(), "EMAIL", address);
        }

        public static Target webPush() {
            return new Target(UUID.randomUUID(), "WEB_PUSH", null);
        }

        public static Target webhook() {
            return new Target(UUID.randomUUID(), "WEBHOOK", null);
        }
    }

    /** Płock (pl, Europe/Warsaw): the session moved from 16:30–18:00 to 17:00–18:30 Warsaw time. */
    public static ObjectNode rescheduledForPlock(UUID changeId, Target... targets) {
        ObjectNode request = request(changeId, "RESCHEDULED", 2, "2022-10-11T17:00:00", "2022-10-11T18:30:00", targets);
        ObjectNode previous = (ObjectNode) request.get("change").get("previous");
        previous.put("start", "2022-10-11T16:30:00");
        previous.put("end", "2022-10-11T18:00:00");
        request.get("change").withArray("changedFields").add("start").add("end");
        recipient(request, PLOCK, "Miasto Płock", "PL", "pl", "Europe/Warsaw");
        return request;
    }

    /** Lublin (pl, Europe/Warsaw): the same move as {@link #rescheduledForPlock}. */
    public static ObjectNode rescheduledForLublin(UUID changeId, Target... targets) {
        ObjectNode request = rescheduledForPlock(changeId, targets);
        recipient(request, LUBLIN, "Miasto Lublin", "PL", "pl", "Europe/Warsaw");
        return request;
    }

    /** Płock (pl, Europe/Warsaw): the session, 16:30–18:00 Warsaw time, is cancelled. */
    public static ObjectNode cancelledForPlock(UUID changeId, Target... targets) {
        ObjectNode request = request(changeId, "CANCELLED", 2, "2022-10-11T16:30:00", "2022-10-11T18:00:00", targets);
        ObjectNode session = (ObjectNode) request.get("change").get("session");
        session.put("status", "CANCELLED");
        session.put("cancellationReason", "The speakers cannot attend.");
        ((ObjectNode) request.get("change").get("previous")).put("status", "PUBLISHED");
        request.get("change").withArray("changedFields").add("status");
        recipient(request, PLOCK, "Miasto Płock", "PL", "pl", "Europe/Warsaw");
        return request;
    }

    /** The request with the recipient's quiet hours set, local {@code HH:mm} times in its zone. */
    public static ObjectNode quietHours(ObjectNode request, String from, String to) {
        ((ObjectNode) request.get("recipient").get("preferences"))
                .putObject("quietHours")
                .put("from", from)
                .put("to", to);
        return request;
    }

    /** Fundão (pt, Europe/Lisbon): the session is published, 16:30–18:00 Warsaw time. */
    public static ObjectNode publishedForFundao(UUID changeId, Target... targets) {
        ObjectNode request = request(changeId, "PUBLISHED", 1, "2022-10-11T16:30:00", "2022-10-11T18:00:00", targets);
        recipient(request, FUNDAO, "Município do Fundão", "PT", "pt", "Europe/Lisbon");
        return request;
    }

    /** The request about another session of another event, so that no other test's changes touch it. */
    public static ObjectNode ofSession(ObjectNode request, UUID session, UUID event) {
        ObjectNode snapshot = (ObjectNode) request.get("change").get("session");
        snapshot.put("id", session.toString());
        snapshot.put("eventId", event.toString());
        snapshot.putObject("eventName")
                .put("en", "European Week of Regions and Cities")
                .put("pl", "Europejski Tydzień Regionów i Miast");
        return request;
    }

    /**
     * The request about version {@code version} of the session, moved on 11 October 2022 from {@code from} to
     * {@code to} (local Warsaw times, HH:mm), an hour and a half long.
     */
    public static ObjectNode moved(ObjectNode request, int version, String from, String to) {
        ObjectNode change = (ObjectNode) request.get("change");
        change.put("kind", "RESCHEDULED");
        ObjectNode snapshot = (ObjectNode) change.get("session");
        snapshot.put("version", version);
        snapshot.put("start", "2022-10-11T" + to + ":00");
        snapshot.put("end", "2022-10-11T" + LocalTime.parse(to).plusMinutes(90) + ":00");
        ObjectNode previous = change.putObject("previous");
        previous.put("start", "2022-10-11T" + from + ":00");
        previous.put("end", "2022-10-11T" + LocalTime.parse(from).plusMinutes(90) + ":00");
        change.putArray("changedFields").add("start").add("end");
        return request;
    }

    /** The request with the reminders its subscriptions asked for, ISO-8601 durations such as PT24H. */
    public static ObjectNode reminders(ObjectNode request, String... leads) {
        ArrayNode reminders = request.putArray("reminders");
        for (String lead : leads) {
            reminders.add(lead);
        }
        return request;
    }

    /** The request for a recipient that reads a daily digest at {@code time} (HH:mm) in its zone. */
    public static ObjectNode dailyDigest(ObjectNode request, String time) {
        ((ObjectNode) request.get("recipient").get("preferences"))
                .put("deliveryMode", "DAILY_DIGEST")
                .put("digestTime", time);
        return request;
    }

    public static String text(ObjectNode request) {
        String json = request.toString();
        ContractSchemas.assertConforms("subscriptions.notification-requests.v1", json);
        return json;
    }

    private static ObjectNode request(
            UUID changeId, String kind, int version, String start, String end, Target... targets) {
        ObjectNode request = JSON.createObjectNode();
        request.put("requestId", UUID.randomUUID().toString());
        ObjectNode change = request.putObject("change");
        change.put("changeId", changeId.toString());
        change.put("kind", kind);
        change.put("occurredAt", "2022-10-05T09:12:44.512Z");
        ObjectNode session = change.putObject("session");
        session.put("id", "5f0c6a52-8f4b-4a51-9d8e-0c2a9b7e6d11");
        session.put("eventId", "3d6f2b8e-1c4a-4e7b-8f2d-9a0b1c2d3e40");
        session.put("version", version);
        session.put("status", "PUBLISHED");
        session.put("defaultLanguage", "en");
        session.putObject("title").put("en", SeedRequests.TITLE_EN).put("pl", SeedRequests.TITLE_PL);
        session.put("start", start);
        session.put("end", end);
        session.put("zone", "Europe/Warsaw");
        session.put("format", "ONLINE");
        session.put("platform", "Zoom");
        session.put("joinLink", SeedRequests.LINK);
        session.put("registrationLink", SeedRequests.LINK);
        session.putArray("themes").add("territorial-cohesion");
        change.putObject("previous");
        change.putArray("changedFields");
        ArrayNode endpoints = request.putArray("endpoints");
        for (Target target : targets) {
            ObjectNode endpoint = endpoints.addObject();
            endpoint.put("endpointId", target.endpointId().toString());
            endpoint.put("channel", target.channel());
            if (target.address() != null) {
                endpoint.put("address", target.address());
            }
            // channels this service does not send on yet, as subscriptions describes them
            if (target.channel().equals("WEB_PUSH")) {
                endpoint.putObject("webPush")
                        .put("endpoint", "https://push.example/send/" + target.endpointId())
                        .put(
                                "p256dh",
                                "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM")
                        .put("auth", "tBHItJI5svbpez7KI4CCXg");
            } else if (target.channel().equals("WEBHOOK")) {
                endpoint.putObject("webhook")
                        .put("url", "https://hooks.example/herald/" + target.endpointId())
                        .put("secretVersion", 1);
            }
        }
        return request;
    }

    private static void recipient(
            ObjectNode request, String id, String name, String country, String language, String zone) {
        ObjectNode recipient = request.putObject("recipient");
        recipient.put("municipalityId", id);
        recipient.put("name", name);
        recipient.put("country", country);
        recipient.put("language", language);
        recipient.put("timeZone", zone);
        recipient.putObject("preferences").put("deliveryMode", "IMMEDIATE").putNull("quietHours");
    }
}
