package eu.herald.notifications;

import static eu.herald.notifications.RequestJson.LUBLIN;
import static eu.herald.notifications.RequestJson.PLOCK;
import static eu.herald.notifications.RequestJson.ofSession;
import static eu.herald.notifications.RequestJson.quietHours;
import static eu.herald.notifications.RequestJson.rescheduledForLublin;
import static eu.herald.notifications.RequestJson.rescheduledForPlock;
import static eu.herald.notifications.RequestJson.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.herald.notifications.RequestJson.Target;
import eu.herald.notifications.delivery.DeliveryId;
import eu.herald.notifications.delivery.DeliveryLog;
import eu.herald.notifications.delivery.DeliveryStatus;
import eu.herald.notifications.request.ChangeId;
import eu.herald.notifications.request.EndpointId;
import eu.herald.testsupport.TestSmtp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operator console's view of a fan-out: the change deliveries of one version of a session counted per channel
 * as they arrive over the real broker and are sent to the real SMTP server, held in quiet hours or given up.
 */
class FanOutProgressIntegrationTests extends IntegrationTestSupport {

    /** 23:00 in Warsaw (CEST, UTC+2): inside quiet hours from 22:00 to 07:00. */
    private static final Instant ELEVEN_PM = Instant.parse("2022-10-05T21:00:00Z");

    @Autowired
    TestClock clock;

    @Autowired
    DeliveryLog deliveries;

    @Autowired
    MockMvc mvc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void countsTheChangeDeliveriesOfASessionVersionPerChannelUntilNothingIsUnderWay() throws Exception {
        UUID session = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        UUID change = UUID.randomUUID();
        clock.setTo(ELEVEN_PM);
        progress(session, 2)
                .andExpect(jsonPath("$.sessionId").value(session.toString()))
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.changeIds", hasSize(0)))
                .andExpect(jsonPath("$.total").value(0))
                .andExpect(jsonPath("$.finished").value(false));

        Target given = Target.email("progress-dead");
        TestSmtp.whileDown(() -> {
            try {
                produceRequest(LUBLIN, text(ofSession(rescheduledForLublin(change, given), session, event)));
                await().untilAsserted(() -> progress(session, 2)
                        .andExpect(jsonPath("$.channels.EMAIL.retrying").value(1))
                        .andExpect(jsonPath("$.total").value(1))
                        .andExpect(jsonPath("$.finished").value(false)));
                awaitStatus(delivery(change, given), DeliveryStatus.DEAD);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        Target sent = Target.email("progress-sent");
        produceRequest(PLOCK, text(ofSession(rescheduledForPlock(change, sent), session, event)));
        Target heldMail = Target.email("progress-held");
        Target heldPush = Target.webPush();
        produceRequest(PLOCK, text(inQuietHours(rescheduledForPlock(change, heldMail, heldPush), session, event)));
        awaitStatus(delivery(change, sent), DeliveryStatus.SENT);
        awaitStatus(delivery(change, heldMail), DeliveryStatus.SCHEDULED);
        awaitStatus(delivery(change, heldPush), DeliveryStatus.SCHEDULED);

        progress(session, 2)
                .andExpect(jsonPath("$.changeIds", hasSize(1)))
                .andExpect(jsonPath("$.changeIds[0]").value(change.toString()))
                .andExpect(jsonPath("$.channels.EMAIL.sent").value(1))
                .andExpect(jsonPath("$.channels.EMAIL.held").value(1))
                .andExpect(jsonPath("$.channels.EMAIL.dead").value(1))
                .andExpect(jsonPath("$.channels.EMAIL.pending").value(0))
                .andExpect(jsonPath("$.channels.EMAIL.retrying").value(0))
                .andExpect(jsonPath("$.channels.WEB_PUSH.held").value(1))
                .andExpect(jsonPath("$.channels.WEBHOOK").doesNotExist())
                .andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.finished").value(true));

        // version 3 overtakes what was held of version 2; each version counts its own deliveries
        UUID next = UUID.randomUUID();
        ObjectNode moved = inQuietHours(rescheduledForPlock(next, heldMail, heldPush), session, event);
        ((ObjectNode) moved.get("change").get("session")).put("version", 3);
        produceRequest(PLOCK, text(moved));
        awaitStatus(delivery(change, heldMail), DeliveryStatus.SUPERSEDED);
        awaitStatus(delivery(change, heldPush), DeliveryStatus.SUPERSEDED);
        progress(session, 2)
                .andExpect(jsonPath("$.channels.EMAIL.held").value(0))
                .andExpect(jsonPath("$.channels.EMAIL.superseded").value(1))
                .andExpect(jsonPath("$.channels.WEB_PUSH.superseded").value(1))
                .andExpect(jsonPath("$.total").value(4));
        progress(session, 3)
                .andExpect(jsonPath("$.changeIds[0]").value(next.toString()))
                .andExpect(jsonPath("$.channels.EMAIL.held").value(1))
                .andExpect(jsonPath("$.channels.WEB_PUSH.held").value(1))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.finished").value(true));
    }

    @Test
    void refusesAProgressWithoutAVersion() throws Exception {
        mvc.perform(get("/api/operator/sessions/{id}/progress", UUID.randomUUID())
                        .with(operator()))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/operator/sessions/{id}/progress", UUID.randomUUID())
                        .param("version", "0")
                        .with(operator()))
                .andExpect(status().isBadRequest());
    }

    /** The request for another municipality whose quiet hours (22:00 to 07:00, Warsaw time) hold it at 23:00. */
    private static ObjectNode inQuietHours(ObjectNode request, UUID session, UUID event) {
        ((ObjectNode) request.get("recipient")).put("municipalityId", RequestJson.FUNDAO);
        return quietHours(ofSession(request, session, event), "22:00", "07:00");
    }

    private ResultActions progress(UUID session, int version) throws Exception {
        return mvc.perform(get("/api/operator/sessions/{id}/progress", session)
                        .param("version", String.valueOf(version))
                        .with(operator()))
                .andExpect(status().isOk());
    }

    private void awaitStatus(DeliveryId delivery, DeliveryStatus expected) {
        await().untilAsserted(() -> assertThat(deliveries.find(delivery))
                .hasValueSatisfying(row -> assertThat(row.status()).isEqualTo(expected)));
    }

    private static DeliveryId delivery(UUID change, Target target) {
        return DeliveryId.of(new ChangeId(change), new EndpointId(target.endpointId()));
    }
}
