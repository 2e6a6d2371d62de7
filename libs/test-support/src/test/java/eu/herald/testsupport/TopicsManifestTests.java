package eu.herald.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

class TopicsManifestTests {

    private final TopicsManifest manifest = TopicsManifest.read();

    @Test
    void statesEveryContractTopicWithItsDeadLettersAndTheDeadDeliveries() {
        assertThat(manifest.names())
                .containsExactlyInAnyOrder(
                        "catalogue.session-changes.v1",
                        "catalogue.session-changes.v1-dlt",
                        "catalogue.themes.v1",
                        "catalogue.themes.v1-dlt",
                        "subscriptions.notification-requests.v1",
                        "subscriptions.notification-requests.v1-dlt",
                        "subscriptions.erasures.v1",
                        "subscriptions.erasures.v1-dlt",
                        "notifications.delivery-outcomes.v1",
                        "notifications.delivery-outcomes.v1-dlt",
                        "notifications.deliveries.v1-dlt");
    }

    @Test
    void agreesWithATopicDeclaredAsStated() {
        manifest.assertAgreesWith(List.of(
                new NewTopic("subscriptions.notification-requests.v1", 12, (short) 1),
                new NewTopic("catalogue.themes.v1", 3, (short) 1)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))));
    }

    @Test
    void failsOnOtherPartitions() {
        assertThatThrownBy(() -> manifest.assertAgreesWith(
                        List.of(new NewTopic("subscriptions.notification-requests.v1", 3, (short) 1))))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("subscriptions.notification-requests.v1: 3 partitions declared, 12 in");
    }

    @Test
    void failsOnAnotherCleanupPolicy() {
        assertThatThrownBy(() -> manifest.assertAgreesWith(List.of(new NewTopic("catalogue.themes.v1", 3, (short) 1))))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("catalogue.themes.v1: cleanup.policy=delete declared, compact in");
    }

    @Test
    void failsOnATopicTheManifestLacks() {
        assertThatThrownBy(() -> manifest.assertAgreesWith(List.of(new NewTopic("catalogue.drafts.v1", 3, (short) 1))))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("catalogue.drafts.v1 is not in");
    }
}
