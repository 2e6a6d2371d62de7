package eu.herald.testsupport;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code k8s/base/topics.yaml}, the one statement of Herald's topics (Strimzi KafkaTopics), against which a service
 * checks the topics it declares itself for local runs, Compose and tests: a topic declared with other partitions or
 * another cleanup policy than the cluster's would behave differently here than in production.
 */
public final class TopicsManifest {

    static final Path LOCATION = Path.of("k8s", "base", "topics.yaml");

    private final Map<String, Topic> topics;

    private TopicsManifest(Map<String, Topic> topics) {
        this.topics = topics;
    }

    /** The manifest of this repository, looked for from the working directory (a module's) up to the root. */
    public static TopicsManifest read() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            Path file = folder.resolve(LOCATION);
            if (Files.isRegularFile(file)) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    return parse(reader);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException(
                LOCATION + " not found above " + Path.of("").toAbsolutePath());
    }

    static TopicsManifest parse(Reader yaml) {
        Map<String, Topic> topics = new LinkedHashMap<>();
        for (Object document : new Yaml().loadAll(yaml)) {
            if (document instanceof Map<?, ?> object && "KafkaTopic".equals(object.get("kind"))) {
                Map<?, ?> spec = (Map<?, ?>) object.get("spec");
                Map<?, ?> config = (Map<?, ?>) Objects.requireNonNullElse(spec.get("config"), Map.of());
                Map<String, String> values = new LinkedHashMap<>();
                config.forEach((key, value) -> values.put(String.valueOf(key), String.valueOf(value)));
                String name = String.valueOf(((Map<?, ?>) object.get("metadata")).get("name"));
                topics.put(name, new Topic(((Number) spec.get("partitions")).intValue(), values));
            }
        }
        return new TopicsManifest(topics);
    }

    /** The names of the topics, in the order the manifest states them. */
    public Set<String> names() {
        return topics.keySet();
    }

    /**
     * Fails, naming every difference, unless each topic is in the manifest with the same partitions, the same
     * cleanup policy ({@code delete} where none is stated) and the same value of any other setting both state.
     */
    public void assertAgreesWith(Collection<NewTopic> declared) {
        if (declared.isEmpty()) {
            throw new AssertionError("no topic declared: nothing to compare with " + LOCATION);
        }
        List<String> differences = new ArrayList<>();
        for (NewTopic topic : declared) {
            Topic stated = topics.get(topic.name());
            if (stated == null) {
                differences.add(topic.name() + " is not in " + LOCATION);
                continue;
            }
            if (topic.numPartitions() != stated.partitions()) {
                differences.add(topic.name() + ": " + topic.numPartitions() + " partitions declared, "
                        + stated.partitions() + " in " + LOCATION);
            }
            Map<String, String> configs = new LinkedHashMap<>(Objects.requireNonNullElse(topic.configs(), Map.of()));
            configs.putIfAbsent(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
            configs.forEach((key, value) -> {
                String expected = stated.config(key);
                if (expected != null && !expected.equals(value)) {
                    differences.add(
                            topic.name() + ": " + key + "=" + value + " declared, " + expected + " in " + LOCATION);
                }
            });
        }
        if (!differences.isEmpty()) {
            throw new AssertionError(
                    "declared topics disagree with " + LOCATION + ":\n  " + String.join("\n  ", differences));
        }
    }

    private record Topic(int partitions, Map<String, String> config) {

        @Nullable
        String config(String key) {
            return TopicConfig.CLEANUP_POLICY_CONFIG.equals(key)
                    ? config.getOrDefault(key, TopicConfig.CLEANUP_POLICY_DELETE)
                    : config.get(key);
        }
    }
}
