package eu.herald.notifications;

import static eu.herald.testsupport.WebhookReceiver.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import eu.herald.egress.WebhookSecrets;
import eu.herald.notifications.delivery.DeliveryAttempted;
import eu.herald.notifications.delivery.DeliveryId;
import eu.herald.notifications.delivery.DeliveryLog;
import eu.herald.notifications.delivery.DeliveryResult.Deferred;
import eu.herald.notifications.delivery.DeliveryResult.Delivered;
import eu.herald.notifications.delivery.DeliveryStatus;
import eu.herald.notifications.delivery.Dispatch;
import eu.herald.notifications.email.RelaySending;
import eu.herald.notifications.request.ChangeId;
import eu.herald.notifications.request.Endpoint;
import eu.herald.notifications.webpush.PushServiceDouble;
import eu.herald.notifications.webpush.PushSubscriber;
import eu.herald.notifications.webpush.TestVapidKeys;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A whole flow with every secret the service knows in play, with everything the service writes to its output
 * captured: an email through a relay that wants a password (accepted, then refused), a webhook signed with a secret
 * derived from the master key (failing once, then accepted), a web push message signed with the VAPID key, and the
 * API called with bearer tokens (valid, forged, of another scope). No secret appears in the output, in an API
 * answer or in the delivery log.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsIntegrationTests extends IntegrationTestSupport {

    private static final String SMTP_USER = "herald";
    private static final String SMTP_PASSWORD = "smtp-password-" + UUID.randomUUID();

    @RegisterExtension
    static final GreenMailExtension relay = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(SMTP_USER, SMTP_PASSWORD));

    @Autowired
    Dispatch dispatch;

    @Autowired
    DeliveryLog deliveries;

    @Autowired
    MockMvc mvc;

    @Test
    void neverWritesASecretToTheOutputTheApiOrTheDeliveryLog(CapturedOutput output) throws Exception {
        // the email channel through an authenticated relay: with the password, then with a wrong one
        Instant now = Instant.now();
        assertThat(RelaySending.sendThrough(
                        now,
                        relay.getSmtp().getPort(),
                        SeedRequests.email("powiadomienia@plock.example"),
                        "spring.mail.username=" + SMTP_USER,
                        "spring.mail.password=" + SMTP_PASSWORD,
                        "spring.mail.properties.mail.smtp.auth=true"))
                .isEqualTo(new Delivered(now));
        assertThat(RelaySending.sendThrough(
                        now,
                        relay.getSmtp().getPort(),
                        SeedRequests.email("powiadomienia@plock.example"),
                        "spring.mail.username=" + SMTP_USER,
                        "spring.mail.password=" + SMTP_PASSWORD + "-wrong",
                        "spring.mail.properties.mail.smtp.auth=true"))
                .isInstanceOfSatisfying(
                        Deferred.class,
                        deferred -> assertThat(deferred.reason()).doesNotContain(SMTP_PASSWORD));

        // a webhook (refused once, then accepted on the retry) and a web push message, through the service
        webhooks.answer("/secrets", status(500), status(204));
        Endpoint hook = SeedRequests.webhook(webhooks.url("/secrets"));
        PushSubscriber browser =
                PushServiceDouble.shared().subscribe(TestVapidKeys.shared().publicKey());
        Endpoint push = SeedRequests.webPush(browser);
        ChangeId change = SeedRequests.newChange();
        LocalDateTime start = LocalDateTime.now(SeedRequests.WARSAW).plusDays(2);
        dispatch.dispatch(List.of(SeedRequests.request(
                change,
                eu.herald.notifications.request.ChangeKind.RESCHEDULED,
                SeedRequests.session(2, start, start.plusHours(1), null),
                java.util.Map.of(),
                List.of("start"),
                SeedRequests.plock(),
                hook,
                push)));
        DeliveryId hookDelivery = DeliveryId.of(change, hook.id());
        Awaitility.await()
                .untilAsserted(() -> assertThat(deliveries.find(hookDelivery))
                        .hasValueSatisfying(row -> assertThat(row.status()).isEqualTo(DeliveryStatus.SENT)));
        assertThat(PushServiceDouble.shared().received(browser)).hasSize(1);
        String derivedSecret =
                new WebhookSecrets(WEBHOOK_MASTER_KEY).secret(hook.id().value(), 1);

        // the API with a valid token, one its issuer did not sign and one of another scope
        String forged = ISSUER.foreignToken(OPERATOR_CLIENT, "notifications:operate");
        String municipality = ISSUER.municipalityToken("secrets-plock", UUID.randomUUID(), "subscriptions:write");
        List<String> answers = new ArrayList<>();
        answers.add(answer(
                get("/api/deliveries").param("changeId", change.toString()).with(operator())));
        answers.add(answer(get("/api/deliveries/{id}", hookDelivery.value()).with(operator())));
        answers.add(answer(get("/api/deliveries/{id}", hookDelivery.value()).with(bearer(forged))));
        answers.add(
                answer(post("/api/operator/changes/{id}/replay", change.value()).with(bearer(municipality))));
        answers.add(answer(get("/actuator/env").with(operator())));
        answers.add(answer(get("/actuator/configprops").with(operator())));
        answers.add(answer(get("/actuator/prometheus").with(operator())));
        // the capture works: what the service logs through its logger arrives here
        String marker = "secrets-flow-" + UUID.randomUUID();
        LoggerFactory.getLogger(SecretsIntegrationTests.class).info(marker);

        List<String> secrets = List.of(
                SMTP_PASSWORD,
                WEBHOOK_MASTER_KEY,
                derivedSecret,
                derivedSecret.substring("whsec_".length()),
                TestVapidKeys.shared().privateKey(),
                OPERATOR_TOKEN,
                forged,
                municipality);
        assertThat(output.getAll()).contains(marker);
        String log = deliveryLog(change);
        for (String secret : secrets) {
            assertThat(output.getAll()).as("output").doesNotContain(secret);
            assertThat(answers).as("API answers").noneMatch(answer -> answer.contains(secret));
            assertThat(log).as("delivery log").doesNotContain(secret);
        }
    }

    private String answer(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        return result.getResponse().getStatus() + " " + result.getResponse().getContentAsString()
                + " "
                + result.getResponse().getHeaderNames().stream()
                        .map(name -> name + ": " + result.getResponse().getHeaders(name))
                        .toList();
    }

    private String deliveryLog(ChangeId change) {
        StringBuilder log = new StringBuilder();
        for (var delivery : deliveries.ofChange(change)) {
            log.append(delivery).append('\n');
            deliveries.attempts(delivery.id()).stream()
                    .map(DeliveryAttempted::toString)
                    .forEach(log::append);
        }
        return log.toString();
    }
}
