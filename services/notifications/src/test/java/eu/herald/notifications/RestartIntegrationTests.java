package eu.herald.notifications;

import static eu.herald.notifications.RequestJson.PLOCK;
import static eu.herald.notifications.RequestJson.rescheduledForPlock;
import static eu.herald.notifications.RequestJson.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.herald.notifications.RequestJson.Target;
import eu.herald.notifications.delivery.ChangeId;
import eu.herald.notifications.delivery.Delivery;
import eu.herald.notifications.delivery.DeliveryId;
import eu.herald.notifications.delivery.DeliveryLog;
import eu.herald.notifications.delivery.DeliveryStatus;
import eu.herald.notifications.delivery.EndpointId;
import eu.herald.testsupport.TestPostgres;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * An instance stopped while it dispatches a large batch, and another one started on the same database and broker:
 * every delivery reaches the SMTP server exactly once (counted by Message-ID and in total).
 */
class RestartIntegrationTests extends IntegrationTestSupport {

    private static final Logger log = LoggerFactory.getLogger(RestartIntegrationTests.class);
    private static final int REQUESTS = 60;
    private static final int ENDPOINTS_PER_REQUEST = 5;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    DeliveryLog deliveries;

    @Test
    void losesNothingAndSendsNothingTwiceWhenAnInstanceStopsMidBatch() throws Exception {
        // this test context's dispatcher steps aside: the instances started here are the only consumers
        MessageListenerContainer ours = listeners.getListenerContainer("notifications-dispatch");
        ours.stop();
        try {
            Set<String> expected = new java.util.HashSet<>();
            List<DeliveryId> ids = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                UUID change = UUID.randomUUID();
                Target[] targets = new Target[ENDPOINTS_PER_REQUEST];
                for (int j = 0; j < targets.length; j++) {
                    targets[j] = Target.email("restart");
                    DeliveryId id = DeliveryId.of(new ChangeId(change), new EndpointId(targets[j].endpointId()));
                    ids.add(id);
                    expected.add("<" + id + "@herald>");
                }
                produceRequest(PLOCK, text(rescheduledForPlock(change, targets)));
            }

            try (ConfigurableApplicationContext first = instance()) {
                await().until(() -> received(expected).size() >= 20);
            }
            int sentBeforeRestart = received(expected).size();
            log.info("{} of {} deliveries sent when the first instance stopped", sentBeforeRestart, expected.size());

            try (ConfigurableApplicationContext second = instance()) {
                await().atMost(Duration.ofMinutes(2))
                        .until(() -> ids.stream()
                                .map(deliveries::find)
                                .allMatch(row -> row.map(Delivery::status)
                                        .filter(DeliveryStatus.SENT::equals)
                                        .isPresent()));
                // stays so for a moment: a duplicate would arrive right behind
                await().during(Duration.ofSeconds(2))
                        .until(() -> received(expected).size() == expected.size());
            }
            List<MimeMessage> received = received(expected);
            Map<String, Long> perMessageId = received.stream()
                    .collect(Collectors.groupingBy(
                            message -> TestSmtp.header(message, "Message-ID"), Collectors.counting()));
            assertThat(perMessageId.keySet()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(received).hasSize(expected.size());
        } finally {
            ours.start();
        }
    }

    private static List<MimeMessage> received(Set<String> messageIds) {
        return TestSmtp.messages().stream()
                .filter(message -> messageIds.contains(TestSmtp.header(message, "Message-ID")))
                .toList();
    }

    /** Another instance of the service, as a deployment would start it, on the same database, broker and SMTP. */
    private ConfigurableApplicationContext instance() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", TestPostgres.jdbcUrl("notifications"));
        properties.put("spring.datasource.username", TestPostgres.username());
        properties.put("spring.datasource.password", TestPostgres.password());
        properties.put("spring.kafka.bootstrap-servers", kafka.getBrokersAsString());
        properties.put("spring.kafka.consumer.max-poll-records", "500");
        properties.put("spring.mail.host", TestSmtp.HOST);
        properties.put("spring.mail.port", TestSmtp.port());
        properties.put("spring.jmx.enabled", "false");
        properties.put("herald.notifications.mail.connections", "2");
        properties.put("herald.notifications.messaging.relay-interval", "500ms");
        properties.put("herald.notifications.delivery.retry-schedule", "200ms,500ms,1s,2s,3s");
        properties.put("herald.notifications.delivery.retry-poll-interval", "100ms");
        // as command-line arguments: they win over application.yml, as a deployment's environment does
        return new SpringApplicationBuilder(NotificationsApplication.class)
                .web(WebApplicationType.NONE)
                .run(properties.entrySet().stream()
                        .map(property -> "--" + property.getKey() + "=" + property.getValue())
                        .toArray(String[]::new));
    }
}
