package eu.herald.notifications.delivery.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import eu.herald.notifications.request.ChangeKind;
import eu.herald.notifications.request.Channel;
import eu.herald.notifications.request.NotificationRequest;
import eu.herald.notifications.request.Recipient.DeliveryMode;
import eu.herald.notifications.request.SessionChange;
import eu.herald.testsupport.ContractSchemas;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class NotificationRequestDeserializerTests {

    private static final String TOPIC = "subscriptions.notification-requests.v1";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonMapper CONTRACT = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Test
    void readsEveryExampleOfTheContract() {
        Map<String, String> examples = ContractSchemas.examples(TOPIC);

        assertThat(examples).isNotEmpty();
        examples.forEach((name, json) -> {
            ContractSchemas.assertConforms(TOPIC, json);
            NotificationRequest request = read(json);
            assertThat(request.endpoints()).as(name).isNotEmpty();
            assertThat(request.change().session().title()).as(name).isNotEmpty();
        });
    }

    @Test
    void keepsTheTraceItsRecordCarriesSoThatItsDeliveriesAreSentInIt() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        byte[] json = ContractSchemas.examples(TOPIC).get("email-pl.json").getBytes(UTF_8);
        var headers = new RecordHeaders();
        headers.add("traceparent", traceparent.getBytes(UTF_8));
        NotificationRequestDeserializer deserializer = new NotificationRequestDeserializer();

        assertThat(deserializer.deserialize(TOPIC, headers, json).traceparent()).isEqualTo(traceparent);
        assertThat(deserializer.deserialize(TOPIC, new RecordHeaders(), json).traceparent())
                .isNull();
    }

    @Test
    void readsThePolishExampleIntoTheServicesOwnRecords() {
        NotificationRequest request = read(ContractSchemas.examples(TOPIC).get("email-pl.json"));

        assertThat(request.id().toString()).isEqualTo("a1b2c3d4-e5f6-5a7b-8c9d-0e1f2a3b4c5d");
        assertThat(request.change().id().toString()).isEqualTo("0b9e4c1a-6f1e-4d8a-9a53-2f7d1c3e5b10");
        assertThat(request.change().kind()).isEqualTo(ChangeKind.RESCHEDULED);
        assertThat(request.change().occurredAt()).isEqualTo(Instant.parse("2022-10-05T09:12:44.512Z"));
        assertThat(request.change().session().version()).isEqualTo(2);
        assertThat(request.change().session().start()).isEqualTo(LocalDateTime.parse("2022-10-11T17:00"));
        assertThat(request.change().session().zone()).isEqualTo(ZoneId.of("Europe/Warsaw"));
        assertThat(request.change().session().title(Locale.forLanguageTag("pl")))
                .isEqualTo("Sieciowanie miast i gmin sposobem na transfer wiedzy i innowacji");
        assertThat(request.change().session().platform()).isEqualTo("Zoom");
        assertThat(request.change().session().themes()).containsExactly("territorial-cohesion");
        assertThat(request.change().previous()).containsEntry("start", "2022-10-11T16:30:00");
        assertThat(request.change().changedFields()).containsExactly("start", "end");
        // the name and the address differ between versions of the example; their shape does not
        assertThat(request.recipient().name()).contains("Płock");
        assertThat(request.recipient().language()).isEqualTo(Locale.forLanguageTag("pl"));
        assertThat(request.recipient().timeZone()).isEqualTo(ZoneId.of("Europe/Warsaw"));
        assertThat(request.recipient().preferences().deliveryMode()).isEqualTo(DeliveryMode.IMMEDIATE);
        assertThat(request.recipient().preferences().quietHours()).isNull();
        assertThat(request.endpoints()).singleElement().satisfies(endpoint -> {
            assertThat(endpoint.id().toString()).isEqualTo("9d8c7b6a-5f4e-4d3c-9b2a-1f0e9d8c7b6a");
            assertThat(endpoint.channel()).isEqualTo(Channel.EMAIL);
            assertThat(endpoint.address()).contains("@plock.example");
            assertThat(endpoint.unsubscribeUrl()).startsWith("http://localhost:8082/unsubscribe/");
        });
    }

    @Test
    void readsTheSessionsListsAndTellsAnEmptyListFromOneTheSnapshotDoesNotCarry() {
        ObjectNode request = example();
        ObjectNode session = (ObjectNode) request.get("change").get("session");
        session.putArray("languages");
        session.putArray("organisers").add("European Committee of the Regions");

        assertThat(read(request.toString()).change().session().languages()).isEmpty();
        assertThat(read(request.toString()).change().session().organisers())
                .containsExactly("European Committee of the Regions");
        session.remove("languages");
        assertThat(read(request.toString()).change().session().languages()).isNull();
    }

    @Test
    void sharesTheChangeOfConsecutiveRequestsForTheSameChangeAndReadsADifferentOneAnew() {
        NotificationRequestDeserializer deserializer = new NotificationRequestDeserializer();
        ObjectNode first = example();
        ObjectNode second = example();
        second.put("requestId", "b1b2c3d4-e5f6-5a7b-8c9d-0e1f2a3b4c5d");
        ((ObjectNode) second.get("recipient")).put("name", "Gmina Lublin");
        ObjectNode moved = example();
        ((ObjectNode) moved.get("change").get("session")).put("start", "2022-10-11T17:30:00");

        NotificationRequest plock =
                deserializer.deserialize(TOPIC, first.toString().getBytes(UTF_8));
        NotificationRequest lublin =
                deserializer.deserialize(TOPIC, second.toString().getBytes(UTF_8));
        NotificationRequest later =
                deserializer.deserialize(TOPIC, moved.toString().getBytes(UTF_8));

        assertThat(lublin.change()).isSameAs(plock.change());
        assertThat(lublin.recipient().name()).isEqualTo("Gmina Lublin");
        assertThat(later.change()).isNotSameAs(plock.change());
        assertThat(later.change().session().start()).isEqualTo(LocalDateTime.parse("2022-10-11T17:30"));
        assertThat(plock.change().session().start()).isEqualTo(LocalDateTime.parse("2022-10-11T17:00"));
    }

    @Test
    void readsAChangeThatDiffersInOneByteAnew() {
        NotificationRequestDeserializer deserializer = new NotificationRequestDeserializer();
        ObjectNode bumped = example();
        ((ObjectNode) bumped.get("change").get("session")).put("version", 3);

        NotificationRequest first = deserializer.deserialize(TOPIC, bytes(example()));
        NotificationRequest second = deserializer.deserialize(TOPIC, bytes(bumped));
        NotificationRequest third = deserializer.deserialize(TOPIC, bytes(bumped));

        assertThat(first.change().session().version()).isEqualTo(2);
        assertThat(second.change()).isNotSameAs(first.change());
        assertThat(second.change().session().version()).isEqualTo(3);
        assertThat(third.change()).isSameAs(second.change());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidChanges")
    void refusesAnInvalidChangeAfterAValidOneForTheSameReasonAsAlone(
            String name, UnaryOperator<ObjectNode> spoil, String reason) {
        byte[] invalid = bytes(spoil.apply(example()));
        NotificationRequestDeserializer afterAValidOne = new NotificationRequestDeserializer();
        afterAValidOne.deserialize(TOPIC, bytes(example()));

        String alone = failure(new NotificationRequestDeserializer(), invalid);

        assertThat(alone).contains(reason);
        assertThat(failure(afterAValidOne, invalid)).isEqualTo(alone);
    }

    static Stream<Arguments> invalidChanges() {
        return Stream.of(
                arguments(
                        "a version below 1",
                        spoilingSession(session -> session.put("version", 0)),
                        "change.session.version must be at least 1: 0"),
                arguments(
                        "a version that is not a number",
                        spoilingSession(session -> session.put("version", "two")),
                        "Cannot deserialize value of type `java.lang.Integer` from String \"two\""),
                arguments(
                        "a null change",
                        (UnaryOperator<ObjectNode>) json -> json.putNull("change"),
                        "change is missing"),
                arguments(
                        "a change that is text",
                        (UnaryOperator<ObjectNode>) json -> json.put("change", "RESCHEDULED"),
                        "RequestMessage[\"change\"]"),
                arguments(
                        "a change that is an array",
                        (UnaryOperator<ObjectNode>) json -> json.set("change", JSON.createArrayNode()),
                        "RequestMessage[\"change\"]"));
    }

    @Test
    void refusesARecordCutShortAfterTheChangeOfThePreviousOne() {
        NotificationRequestDeserializer deserializer = new NotificationRequestDeserializer();
        String whole = example().toString();
        byte[] cut = whole.substring(0, whole.indexOf("\"recipient\"")).getBytes(UTF_8);
        NotificationRequest first = deserializer.deserialize(TOPIC, bytes(example()));

        assertThat(failure(deserializer, cut)).startsWith("Unexpected end-of-input");
        assertThat(deserializer.deserialize(TOPIC, bytes(example())).change()).isSameAs(first.change());
    }

    @Test
    void readsThePropertiesInAnyOrderAsBindingTheWholeRecordDoes() {
        ObjectNode example = example();
        NotificationRequestDeserializer deserializer = new NotificationRequestDeserializer();
        SessionChange read = deserializer.deserialize(TOPIC, bytes(example)).change();

        for (List<String> order : orders(List.of("requestId", "change", "recipient", "endpoints"))) {
            ObjectNode reordered = JSON.createObjectNode();
            order.forEach(name -> reordered.set(name, example.get(name)));

            NotificationRequest request = deserializer.deserialize(TOPIC, bytes(reordered));

            assertThat(request).as("%s", order).isEqualTo(boundWhole(bytes(reordered)));
            assertThat(request.change()).as("%s", order).isSameAs(read);
            assertThat(new NotificationRequestDeserializer().deserialize(TOPIC, bytes(reordered)))
                    .as("%s", order)
                    .isEqualTo(request);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "[]",
                "\"a request\"",
                "{\"requestId\": {}}",
                "{\"endpoints\": \"webhook\"}",
                "{\"recipient\": {\"preferences\": {\"quietHours\": []}}}",
                "{\"recipient\": {\"name\": \"Płock\" \"country\": \"PL\"}}",
                "{\"addedInAMinorVersion\": [1, 2}",
                "{\"requestId\": \"a1b2c3d4-e5f6-5a7b-8c9d-0e1f2a3b4c5d\",}"
            })
    void refusesWhatBindingTheWholeRecordRefusesForTheSameReason(String json) {
        byte[] record = json.getBytes(UTF_8);
        Throwable whole = catchThrowable(() -> boundWhole(record));

        assertThat(whole).isInstanceOf(JacksonException.class);
        assertThat(failure(new NotificationRequestDeserializer(), record)).isEqualTo(whole.getMessage());
    }

    @Test
    void refusesTrailingContentAfterTheRequest() {
        byte[] twoRequests = (example().toString() + example()).getBytes(UTF_8);

        assertThat(failure(new NotificationRequestDeserializer(), twoRequests))
                .startsWith("Trailing token (START_OBJECT) after the request's object");
    }

    @Test
    void refusesARecordOfNullAsHavingNoValue() {
        assertThatThrownBy(() -> read("null"))
                .isInstanceOf(UnreadableRequest.class)
                .hasMessage("the record has no value");
    }

    @Test
    void ignoresPropertiesItDoesNotKnow() {
        ObjectNode json = example();
        json.put("addedInAMinorVersion", true);
        ((ObjectNode) json.get("change").get("session")).put("somethingNew", "x");

        assertThat(read(json.toString()).id().toString()).isEqualTo("a1b2c3d4-e5f6-5a7b-8c9d-0e1f2a3b4c5d");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "requestId",
                "change",
                "recipient",
                "endpoints",
                "change.changeId",
                "change.occurredAt",
                "change.session",
                "change.session.zone",
                "change.session.title",
                "recipient.timeZone",
                "recipient.language",
                "recipient.preferences"
            })
    void namesARequiredPropertyThatIsMissing(String path) {
        ObjectNode json = example();
        int dot = path.lastIndexOf('.');
        ObjectNode parent = dot < 0
                ? json
                : (ObjectNode) json.at("/" + path.substring(0, dot).replace('.', '/'));
        parent.remove(path.substring(dot + 1));

        assertThatThrownBy(() -> read(json.toString()))
                .isInstanceOf(UnreadableRequest.class)
                .hasMessage(path + " is missing");
    }

    @Test
    void refusesAnEmailEndpointWithoutAnAddress() {
        ObjectNode json = example();
        ((ObjectNode) json.at("/endpoints/0")).remove("address");

        assertThatThrownBy(() -> read(json.toString()))
                .isInstanceOf(UnreadableRequest.class)
                .hasMessage("endpoints[0].address is required for an EMAIL endpoint");
    }

    @Test
    void refusesAnUnknownTimeZone() {
        ObjectNode json = example();
        ((ObjectNode) json.get("recipient")).put("timeZone", "Europe/Atlantis");

        assertThatThrownBy(() -> read(json.toString()))
                .isInstanceOf(UnreadableRequest.class)
                .hasMessageStartingWith("recipient.timeZone is invalid: 'Europe/Atlantis'");
    }

    @Test
    void refusesAnUnknownChannel() {
        ObjectNode json = example();
        ((ObjectNode) json.at("/endpoints/0")).put("channel", "CARRIER_PIGEON");

        assertThatThrownBy(() -> read(json.toString()))
                .isInstanceOf(UnreadableRequest.class)
                .hasMessageStartingWith("endpoints[0].channel is invalid");
    }

    @Test
    void reportsWhatWasWrongThroughTheErrorHandlingDeserializer() {
        try (ErrorHandlingDeserializer<NotificationRequest> deserializer =
                new ErrorHandlingDeserializer<>(new NotificationRequestDeserializer())) {
            RecordHeaders headers = new RecordHeaders();

            NotificationRequest request = deserializer.deserialize(TOPIC, headers, "{not json".getBytes(UTF_8));

            assertThat(request).isNull();
            assertThat(headers.lastHeader("springDeserializerExceptionValue")).isNotNull();
        }
    }

    @Test
    void failsOnAValueThatIsNotJson() {
        NotificationRequestDeserializer deserializer = new NotificationRequestDeserializer();

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, "{not json".getBytes(UTF_8)))
                .isNotInstanceOf(DeserializationException.class)
                .isInstanceOf(RuntimeException.class);
    }

    /** The reason a record is refused, as the dead letters get it: the most specific cause's message. */
    private static String failure(NotificationRequestDeserializer deserializer, byte[] record) {
        Throwable failure = catchThrowable(() -> deserializer.deserialize(TOPIC, record));
        assertThat(failure).as("refused").isNotNull();
        return NestedExceptionUtils.getMostSpecificCause(failure).getMessage();
    }

    /** How the record was read before it was read property by property: bound whole by databind. */
    private static NotificationRequest boundWhole(byte[] record) {
        return CONTRACT.readValue(record, RequestMessage.class).toRequest(RequestMessage::change);
    }

    private static UnaryOperator<ObjectNode> spoilingSession(Consumer<ObjectNode> spoil) {
        return json -> {
            spoil.accept((ObjectNode) json.get("change").get("session"));
            return json;
        };
    }

    private static List<List<String>> orders(List<String> names) {
        if (names.size() == 1) {
            return List.of(names);
        }
        List<List<String>> orders = new ArrayList<>();
        for (String first : names) {
            List<String> rest = new ArrayList<>(names);
            rest.remove(first);
            for (List<String> order : orders(rest)) {
                List<String> whole = new ArrayList<>(List.of(first));
                whole.addAll(order);
                orders.add(whole);
            }
        }
        return orders;
    }

    private static byte[] bytes(ObjectNode json) {
        return json.toString().getBytes(UTF_8);
    }

    private static NotificationRequest read(String json) {
        return new NotificationRequestDeserializer().deserialize(TOPIC, json.getBytes(UTF_8));
    }

    private static ObjectNode example() {
        return (ObjectNode) JSON.readTree(ContractSchemas.examples(TOPIC).get("email-pl.json"));
    }
}
