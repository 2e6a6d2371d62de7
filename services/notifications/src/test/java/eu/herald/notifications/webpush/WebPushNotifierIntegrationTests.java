package eu.herald.notifications.webpush;

import static eu.herald.notifications.SeedRequests.WARSAW;
import static eu.herald.notifications.SeedRequests.newChange;
import static eu.herald.notifications.SeedRequests.plock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import eu.herald.notifications.SeedDigests;
import eu.herald.notifications.SeedRequests;
import eu.herald.notifications.delivery.DeliveryId;
import eu.herald.notifications.delivery.DeliveryResult;
import eu.herald.notifications.delivery.DeliveryResult.Deferred;
import eu.herald.notifications.delivery.DeliveryResult.Delivered;
import eu.herald.notifications.delivery.DeliveryResult.Rejected;
import eu.herald.notifications.request.ChangeKind;
import eu.herald.notifications.request.Digest;
import eu.herald.notifications.request.Endpoint;
import eu.herald.notifications.request.NotificationRequest;
import eu.herald.notifications.request.Session;
import eu.herald.notifications.webpush.PushServiceDouble.Answer;
import eu.herald.notifications.webpush.PushServiceDouble.Received;
import eu.herald.testsupport.TestTls;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web push channel against a push service over real HTTPS that checks the VAPID token and decrypts every
 * message with the subscriber's key. The notifier is built by Spring from {@code herald.notifications.web-push.*}
 * and an SSL bundle that trusts the push service's certificate, as in the service.
 */
class WebPushNotifierIntegrationTests {

    private static final PushServiceDouble PUSH = PushServiceDouble.shared();
    private static final TestVapidKeys KEYS = TestVapidKeys.generate();

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
            .withUserConfiguration(Service.class)
            .withPropertyValues(
                    "herald.notifications.web-push.vapid-public-key=" + KEYS.publicKey(),
                    "herald.notifications.web-push.vapid-private-key=" + KEYS.privateKey(),
                    "herald.notifications.web-push.subject=mailto:ops@herald.example",
                    "herald.notifications.web-push.ssl-bundle=push-services",
                    "herald.notifications.web-push.session-url=https://herald.example/sessions/{sessionId}",
                    "spring.ssl.bundle.pem.push-services.truststore.certificate=file:" + PUSH.certificate(),
                    // the push service double is on loopback, which the address guard refuses unless allowed
                    "herald.notifications.web-push.allowed-addresses=" + TestTls.HOST + "/32");

    @Test
    void sendsAnEncryptedNotificationInTheRecipientsLanguageThatThePushServiceAccepts() {
        PushSubscriber browser = PUSH.subscribe(KEYS.publicKey());
        // read once: a minute may end between two readings of the clock
        LocalDateTime start = inDays(2);
        Instant end = start.plusHours(1).atZone(WARSAW).toInstant();

        DeliveryResult result = send(rescheduled(start, start.plusHours(1), browser));

        assertThat(result).isInstanceOf(Delivered.class);
        Received received = only(browser);
        assertThat(received.problem()).isNull();
        assertThat(received.notification().get("title").asString())
                .isEqualTo("Zmiana terminu: " + SeedRequests.TITLE_PL);
        assertThat(received.notification().get("body").asString())
                .startsWith("Zmienił się termin sesji, którą Państwo obserwują.\nTermin: ")
                .contains(DateTimeFormatter.ofPattern("HH:mm").format(start));
        assertThat(received.notification().get("url").asString())
                .isEqualTo("https://herald.example/sessions/" + SeedRequests.SESSION.value());
        assertThat(received.notification().get("sessionId").asString())
                .isEqualTo(SeedRequests.SESSION.value().toString());
        assertThat(received.notification().get("version").asInt()).isEqualTo(2);
        assertThat(received.notification().get("kind").asString()).isEqualTo("RESCHEDULED");
        assertThat(received.notification().get("lang").asString()).isEqualTo("pl");
        assertThat(Long.parseLong(received.ttl()))
                .isCloseTo(Duration.between(Instant.now(), end).getSeconds(), within(60L));
        assertThat(received.urgency()).isEqualTo("normal");
        assertThat(received.topic()).hasSize(22);
        assertThat(received.claims().get("aud").asString()).isEqualTo(PUSH.origin());
        assertThat(received.claims().get("sub").asString()).isEqualTo("mailto:ops@herald.example");
    }

    @Test
    void givesEveryVersionOfASessionTheSameTopicSoThatTheNewestReplacesAnUndeliveredOne() {
        PushSubscriber browser = PUSH.subscribe(KEYS.publicKey());

        send(published(inDays(3), inDays(3).plusHours(2), browser));
        send(rescheduled(inDays(3).plusHours(1), inDays(3).plusHours(2), browser));

        assertThat(PUSH.received(browser))
                .extracting(Received::topic)
                .containsOnly(WebPushNotifier.topic(SeedRequests.SESSION));
        assertThat(WebPushNotifier.topic(SeedRequests.SESSION)).matches("[A-Za-z0-9_-]{1,32}");
    }

    @Test
    void marksCancellationsAndChangesWithinADayOfTheStartUrgent() {
        PushSubscriber browser = PUSH.subscribe(KEYS.publicKey());

        send(rescheduled(inHours(5), inHours(6), browser));
        send(cancelled(inDays(10), inDays(10).plusHours(1), browser));
        send(published(inHours(5), inHours(6), browser));
        send(rescheduled(inDays(10), inDays(10).plusHours(1), browser));

        assertThat(PUSH.received(browser))
                .extracting(Received::urgency)
                .containsExactly("high", "high", "normal", "normal");
        assertThat(PUSH.received(browser).get(1).notification().get("title").asString())
                .startsWith("Sesja odwołana: ");
        assertThat(PUSH.received(browser).get(1).notification().get("body").asString())
                .contains("Powód: Prelegent zachorował");
    }

    @Test
    void asksThePushServiceToKeepAMessageNoLongerThanFourWeeks() {
        PushSubscriber browser = PUSH.subscribe(KEYS.publicKey());

        send(published(inDays(60), inDays(60).plusHours(1), browser));

        assertThat(only(browser).ttl())
                .isEqualTo(Long.toString(Duration.ofDays(28).getSeconds()));
    }

    @Test
    void sendsNothingAboutASessionThatIsOver() {
        PushSubscriber browser = PUSH.subscribe(KEYS.publicKey());

        DeliveryResult result = send(rescheduled(inHours(-3), inHours(-1), browser));

        assertThat(result).isInstanceOfSatisfying(Rejected.class, rejected -> {
            assertThat(rejected.reason()).contains("session ended");
            assertThat(rejected.endpointGone()).isFalse();
        });
        assertThat(PUSH.received(browser)).isEmpty();
    }

    @Test
    void tellsAGoneSubscriptionFromAMessageThePushServiceRefuses() {
        Map<Integer, Consumer<DeliveryResult>> expectations = Map.of(
                404, result -> assertGone(result, true),
                410, result -> assertGone(result, true),
                413,
                        result -> assertThat(result).isInstanceOfSatisfying(Rejected.class, rejected -> {
                            assertThat(rejected.endpointGone()).isFalse();
                            assertThat(rejected.reason()).contains("413").contains("too large");
                        }),
                400, result -> assertGone(result, false));
        expectations.forEach((status, expectation) -> {
            PushSubscriber browser = PUSH.subscribe(KEYS.publicKey());
            PUSH.answer(browser, Answer.status(status));

            expectation.accept(send(published(inDays(1), inDays(1).plusHours(1), browser)));

            assertThat(only(browser).problem()).isNull();
        });
    }

    @Test
    void comesBackNoSoonerThanThePushServiceAsks() {
        PushSubscriber seconds = PUSH.subscribe(KEYS.publicKey());
        PushSubscriber date = PUSH.subscribe(KEYS.publicKey());
        PushSubscriber failing = PUSH.subscribe(KEYS.publicKey());
        Instant at = Instant.now().plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS);
        PUSH.answer(seconds, Answer.retryAfter(429, "120"));
        PUSH.answer(
                date, Answer.retryAfter(503, DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atZone(ZoneOffset.UTC))));
        PUSH.answer(failing, Answer.status(500));

        Instant before = Instant.now();
        DeliveryResult tooMany = send(published(inDays(1), inDays(1).plusHours(1), seconds));
        DeliveryResult unavailable = send(published(inDays(1), inDays(1).plusHours(1), date));
        DeliveryResult broken = send(published(inDays(1), inDays(1).plusHours(1), failing));

        assertThat(tooMany).isInstanceOfSatisfying(Deferred.class, deferred -> {
            assertThat(deferred.reason()).contains("429");
            assertThat(deferred.retryAfter())
                    .isBetween(before.plusSeconds(120), Instant.now().plusSeconds(120));
        });
        assertThat(unavailable)
                .isInstanceOfSatisfying(
                        Deferred.class,
                        deferred -> assertThat(deferred.retryAfter()).isEqualTo(at));
        assertThat(broken)
                .isInstanceOfSatisfying(
                        Deferred.class,
                        deferred -> assertThat(deferred.retryAfter()).isNull());
    }

    @Test
    void failsEveryDeliveryClearlyWithoutVapidKeys() {
        PushSubscriber browser = PUSH.subscribe(KEYS.publicKey());
        List<DeliveryResult> results = new ArrayList<>();

        service.withPropertyValues(
                        "herald.notifications.web-push.vapid-public-key=",
                        "herald.notifications.web-push.vapid-private-key=")
                .run(context -> results.add(send(
                        context.getBean(WebPushNotifier.class),
                        published(inDays(1), inDays(1).plusHours(1), browser))));

        assertThat(results)
                .singleElement()
                .isInstanceOfSatisfying(
                        Rejected.class,
                        rejected -> assertThat(rejected.reason()).contains("vapid-public-key"));
        assertThat(PUSH.received(browser)).isEmpty();
    }

    @Test
    void refusesToStartWithHalfAKeyPairOrAPairThatDoesNotMatch() {
        service.withPropertyValues("herald.notifications.web-push.vapid-private-key=")
                .run(context -> assertThat(context).hasFailed());
        service.withPropertyValues("herald.notifications.web-push.vapid-private-key="
                        + TestVapidKeys.generate().privateKey())
                .run(context -> assertThat(context.getStartupFailure()).hasStackTraceContaining("do not form a pair"));
    }

    @Test
    void refusesAPushEndpointOnAnAddressTheGuardForbidsWithoutConnecting() {
        PushSubscriber browser = PUSH.subscribe(KEYS.publicKey());
        List<DeliveryResult> results = new ArrayList<>();

        // a subscription's endpoint is a URL a municipality user gave: loopback is refused once not allowed
        service.withPropertyValues("herald.notifications.web-push.allowed-addresses=")
                .run(context -> {
                    WebPushNotifier notifier = context.getBean(WebPushNotifier.class);
                    results.add(send(notifier, published(inDays(1), inDays(1).plusHours(1), browser)));
                    for (String forbidden : List.of(
                            "https://169.254.169.254/push/1", "https://10.0.0.7/push/1", "https://[::1]/push/1")) {
                        PushSubscriber elsewhere = browser.at(URI.create(forbidden));
                        results.add(
                                send(notifier, published(inDays(1), inDays(1).plusHours(1), elsewhere)));
                    }
                });

        assertThat(results)
                .hasSize(4)
                .allSatisfy(result -> assertThat(result).isInstanceOfSatisfying(Rejected.class, rejected -> {
                    assertThat(rejected.reason()).startsWith("the push service's address is refused");
                    assertThat(rejected.endpointGone()).isFalse();
                }));
        assertThat(PUSH.received(browser)).isEmpty();
    }

    @Test
    void sendsNothingToAPushServiceWhoseCertificateIsNotTrusted() {
        PushSubscriber browser = PUSH.subscribe(KEYS.publicKey());
        List<DeliveryResult> results = new ArrayList<>();

        service.withPropertyValues("herald.notifications.web-push.ssl-bundle=")
                .run(context -> results.add(send(
                        context.getBean(WebPushNotifier.class),
                        published(inDays(1), inDays(1).plusHours(1), browser))));

        assertThat(results).singleElement().isInstanceOf(Deferred.class);
        assertThat(PUSH.received(browser)).isEmpty();
    }

    @Test
    void remindsWithTheJoinLinkAndAsksToKeepTheReminderUntilTheSessionStarts() {
        PushSubscriber browser = PUSH.subscribe(KEYS.publicKey());
        LocalDateTime start = inHours(2);
        NotificationRequest request = published(start, start.plusHours(1), browser);
        Duration lead = Duration.ofHours(1);
        DeliveryId delivery = reminder(request, lead);

        DeliveryResult result = run(notifier -> notifier.remind(delivery, request, endpoint(request), lead));

        assertThat(result).isInstanceOf(Delivered.class);
        Received received = only(browser);
        assertThat(received.problem()).isNull();
        assertThat(received.notification().get("title").asString())
                .isEqualTo("Przypomnienie: " + SeedRequests.TITLE_PL + " zaczyna się za 1 godzinę");
        assertThat(received.notification().get("body").asString())
                .startsWith("Sesja, którą Państwo obserwują, zaczyna się za 1 godzinę.\nTermin: ")
                .contains(DateTimeFormatter.ofPattern("HH:mm").format(start));
        assertThat(received.notification().get("url").asString()).isEqualTo(SeedRequests.LINK);
        assertThat(received.notification().get("kind").asString()).isEqualTo("REMINDER");
        assertThat(Long.parseLong(received.ttl()))
                .isCloseTo(
                        Duration.between(Instant.now(), start.atZone(WARSAW).toInstant())
                                .getSeconds(),
                        within(60L));
        assertThat(received.urgency()).isEqualTo("high");
        assertThat(received.topic())
                .isEqualTo(WebPushNotifier.topic(delivery.value()))
                .isNotEqualTo(WebPushNotifier.topic(SeedRequests.SESSION))
                .matches("[A-Za-z0-9_-]{22}");
    }

    @Test
    void asksForNormalUrgencyForALongLeadAndNeverForANegativeTtl() {
        PushSubscriber browser = PUSH.subscribe(KEYS.publicKey());
        NotificationRequest tomorrow = published(inDays(1), inDays(1).plusHours(1), browser);
        NotificationRequest started = published(inHours(-1), inHours(1), browser);

        run(notifier -> notifier.remind(
                reminder(tomorrow, Duration.ofDays(1)), tomorrow, endpoint(tomorrow), Duration.ofDays(1)));
        run(notifier -> notifier.remind(
                reminder(started, Duration.ofMinutes(15)), started, endpoint(started), Duration.ofMinutes(15)));

        assertThat(PUSH.received(browser)).extracting(Received::urgency).containsExactly("normal", "high");
        assertThat(PUSH.received(browser).get(1).ttl()).isEqualTo("0");
    }

    @Test
    void sendsADigestAsOneNotificationSummingUpItsSessions() {
        PushSubscriber browser = PUSH.subscribe(KEYS.publicKey());
        Endpoint endpoint = endpoint(browser);
        Digest digest = SeedDigests.digest(plock());
        DeliveryId delivery = DeliveryId.digest(endpoint.id(), digest.at());

        DeliveryResult result = run(notifier -> notifier.sendDigest(delivery, digest, endpoint));

        assertThat(result).isInstanceOf(Delivered.class);
        Received received = only(browser);
        assertThat(received.notification().get("title").asString())
                .isEqualTo("Dzienne podsumowanie: 4 zmiany — Miasto Płock");
        assertThat(received.notification().get("body").asString())
                .isEqualTo("Zmiany w 4 sesjach: Opening session i 3 inne");
        assertThat(received.notification().get("url").asString())
                .isEqualTo("https://herald.example/sessions/" + SeedDigests.OPENING);
        assertThat(received.notification().get("kind").asString()).isEqualTo("DIGEST");
        assertThat(received.ttl()).isEqualTo(Long.toString(Duration.ofDays(1).getSeconds()));
        assertThat(received.urgency()).isEqualTo("normal");
        assertThat(received.topic()).isEqualTo(WebPushNotifier.topic(delivery.value()));
    }

    private DeliveryResult run(Function<WebPushNotifier, DeliveryResult> attempt) {
        List<DeliveryResult> results = new ArrayList<>();
        service.run(context -> results.add(attempt.apply(context.getBean(WebPushNotifier.class))));
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    private static DeliveryId reminder(NotificationRequest request, Duration lead) {
        return DeliveryId.reminder(request.change().id(), endpoint(request).id(), lead);
    }

    private static Endpoint endpoint(NotificationRequest request) {
        return request.endpoints().get(0);
    }

    private DeliveryResult send(NotificationRequest request) {
        return run(notifier -> send(notifier, request));
    }

    private static void assertGone(DeliveryResult result, boolean gone) {
        assertThat(result)
                .isInstanceOfSatisfying(
                        Rejected.class,
                        rejected -> assertThat(rejected.endpointGone()).isEqualTo(gone));
    }

    private static Received only(PushSubscriber browser) {
        assertThat(PUSH.received(browser)).hasSize(1);
        return PUSH.received(browser).get(0);
    }

    static Endpoint endpoint(PushSubscriber browser) {
        return SeedRequests.webPush(browser);
    }

    /** Attempts the request's one delivery, as Dispatch does. */
    private static DeliveryResult send(WebPushNotifier notifier, NotificationRequest request) {
        Endpoint endpoint = request.endpoints().get(0);
        return notifier.send(DeliveryId.of(request.change().id(), endpoint.id()), request, endpoint);
    }

    private static LocalDateTime inDays(int days) {
        return LocalDateTime.now(WARSAW).plusDays(days).truncatedTo(ChronoUnit.MINUTES);
    }

    private static LocalDateTime inHours(int hours) {
        return LocalDateTime.now(WARSAW).plusHours(hours).truncatedTo(ChronoUnit.MINUTES);
    }

    private static NotificationRequest published(LocalDateTime start, LocalDateTime end, PushSubscriber browser) {
        return SeedRequests.request(
                newChange(),
                ChangeKind.PUBLISHED,
                SeedRequests.session(1, start, end, null),
                Map.of(),
                List.of(),
                plock(),
                endpoint(browser));
    }

    private static NotificationRequest rescheduled(LocalDateTime start, LocalDateTime end, PushSubscriber browser) {
        Session session = SeedRequests.session(2, start, end, null);
        return SeedRequests.request(
                newChange(),
                ChangeKind.RESCHEDULED,
                session,
                Map.of("start", start.minusMinutes(30).toString()),
                List.of("start"),
                plock(),
                endpoint(browser));
    }

    private static NotificationRequest cancelled(LocalDateTime start, LocalDateTime end, PushSubscriber browser) {
        return SeedRequests.request(
                newChange(),
                ChangeKind.CANCELLED,
                SeedRequests.session(3, start, end, "Prelegent zachorował"),
                Map.of("status", "PUBLISHED"),
                List.of("status"),
                plock(),
                endpoint(browser));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(WebPushProperties.class)
    @Import(WebPushConfiguration.class)
    static class Service {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        JsonMapper jsonMapper() {
            return JsonMapper.builder().build();
        }
    }
}
