package eu.herald.deploymentcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Rules that tie the Kafka objects to those that use them: replication and the notifiers' scaling. */
final class KafkaRules {

    private static final String CONSUMERS = "HERALD_NOTIFICATIONS_MESSAGING_CONSUMERS";

    private KafkaRules() {}

    /**
     * Every KafkaTopic with this replication factor and this min.insync.replicas, its own or else the brokers'
     * default from the Kafka resource.
     */
    static List<String> topicReplication(List<Manifests.Resource> resources, int replicas, int minInSync) {
        JsonNode brokerDefault = resources.stream()
                .filter(resource -> resource.is("Kafka"))
                .map(kafka ->
                        kafka.body().path("spec").path("kafka").path("config").path("min.insync.replicas"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Kafka resource"));
        List<String> violations = new ArrayList<>();
        for (Manifests.Resource topic : of(resources, "KafkaTopic")) {
            JsonNode spec = topic.body().path("spec");
            if (spec.path("replicas").asInt(-1) != replicas) {
                violations.add(topic + ": replicas " + spec.path("replicas") + ", expected " + replicas);
            }
            JsonNode own = spec.path("config").path("min.insync.replicas");
            int effective = (own.isMissingNode() ? brokerDefault : own).asInt(-1);
            if (effective != minInSync) {
                violations.add(topic + ": min.insync.replicas " + effective + ", expected " + minInSync);
            }
        }
        return violations;
    }

    /**
     * A ScaledObject on a Kafka topic never runs more consumers than the topic has partitions: a partition is read
     * by one consumer of a group at a time, so the rest would idle. Consumers per pod come from the scaled
     * Deployment's environment, which must state them.
     */
    static List<String> notifierScaling(List<Manifests.Resource> resources) {
        List<String> violations = new ArrayList<>();
        for (Manifests.Resource scaling : of(resources, "ScaledObject")) {
            JsonNode spec = scaling.body().path("spec");
            // KEDA's default maximum
            int maxPods = spec.path("maxReplicaCount").asInt(100);
            String target = spec.path("scaleTargetRef").path("name").asString();
            Optional<Integer> consumers = consumersPerPod(resources, target);
            for (JsonNode trigger : spec.path("triggers")) {
                if (!"kafka".equals(trigger.path("type").asString())) {
                    continue;
                }
                String topicName = trigger.path("metadata").path("topic").asString();
                Optional<Integer> partitions = of(resources, "KafkaTopic").stream()
                        .filter(topic -> topicName.equals(topic.name())
                                || topicName.equals(topic.body()
                                        .path("spec")
                                        .path("topicName")
                                        .asString()))
                        .map(topic ->
                                topic.body().path("spec").path("partitions").asInt())
                        .findFirst();
                if (partitions.isEmpty()) {
                    violations.add(scaling + ": no KafkaTopic " + topicName);
                } else if (consumers.isEmpty()) {
                    violations.add(scaling + ": Deployment " + target + " does not state " + CONSUMERS);
                } else if (maxPods * consumers.get() > partitions.get()) {
                    violations.add(scaling + ": " + maxPods + " pods x " + consumers.get() + " consumers > "
                            + partitions.get() + " partitions of " + topicName);
                }
            }
        }
        return violations;
    }

    private static Optional<Integer> consumersPerPod(List<Manifests.Resource> resources, String deployment) {
        return PodRules.deployments(resources).stream()
                .filter(candidate -> candidate.name().equals(deployment))
                .flatMap(candidate ->
                        PodRules.containers(
                                candidate.body().path("spec").path("template").path("spec"))
                                .stream())
                .flatMap(container -> container.path("env").valueStream())
                .filter(variable -> CONSUMERS.equals(variable.path("name").asString()))
                .map(variable -> Integer.parseInt(variable.path("value").asString()))
                .findFirst();
    }

    private static List<Manifests.Resource> of(List<Manifests.Resource> resources, String kind) {
        return resources.stream().filter(resource -> resource.is(kind)).toList();
    }
}
