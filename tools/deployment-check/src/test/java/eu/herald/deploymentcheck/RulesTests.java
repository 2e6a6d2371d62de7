package eu.herald.deploymentcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Each rule reports a production overlay broken in the way it guards against. */
class RulesTests {

    @Test
    void reportsAContainerWithAWritableRoot() {
        List<Manifests.Resource> broken = production(
                "Deployment",
                "catalogue",
                deployment -> container(deployment)
                        .withObjectProperty("securityContext")
                        .put("readOnlyRootFilesystem", false));

        assertThat(PodRules.lockedDown(broken))
                .containsExactly("Deployment catalogue container catalogue: readOnlyRootFilesystem is not true");
    }

    @Test
    void reportsAReferenceToASecretNobodyCreates() {
        List<Manifests.Resource> broken = withCatalogueVariable(
                "HERALD_SECRET",
                variable -> variable.withObjectProperty("valueFrom")
                        .withObjectProperty("secretKeyRef")
                        .put("name", "herald-nowhere")
                        .put("key", "secret"));

        assertThat(PodRules.unresolvedReferences(broken, PodRules.CREATED_OUTSIDE_GIT.keySet()))
                .singleElement()
                .asString()
                .contains("Deployment catalogue", "Secret herald-nowhere");
    }

    @Test
    void reportsAVariableReferenceNothingDefines() {
        List<Manifests.Resource> broken = withCatalogueVariable(
                "HERALD_CATALOGUE_CALENDAR_ORGANIZERNAME",
                variable -> variable.put("value", "$(HERALD_MAIL_SENDER_NAME)"));

        assertThat(PodRules.unresolvedVariables(broken))
                .containsExactly("Deployment catalogue container catalogue: HERALD_CATALOGUE_CALENDAR_ORGANIZERNAME"
                        + " refers to undefined $(HERALD_MAIL_SENDER_NAME)");
    }

    @Test
    void reportsMoreNotifierConsumersThanPartitions() {
        List<Manifests.Resource> broken = production(
                "ScaledObject",
                "notifications",
                scaling -> ((ObjectNode) scaling.path("spec")).put("maxReplicaCount", 5));

        assertThat(KafkaRules.notifierScaling(broken))
                .singleElement()
                .asString()
                .contains("5 pods x 3 consumers > 12 partitions");
    }

    @Test
    void reportsATopicWithOneReplicaInProduction() {
        List<Manifests.Resource> broken = production(
                "KafkaTopic",
                "subscriptions.notification-requests.v1",
                topic -> ((ObjectNode) topic.path("spec")).put("replicas", 1));

        assertThat(KafkaRules.topicReplication(broken, 3, 2))
                .singleElement()
                .asString()
                .contains("replicas 1, expected 3");
    }

    /** The rendered production overlay with one object changed. */
    private static List<Manifests.Resource> production(String kind, String name, Consumer<ObjectNode> change) {
        return Kustomize.render("overlays/production").stream()
                .map(resource -> {
                    ObjectNode copy = resource.body().deepCopy();
                    if (resource.is(kind) && resource.name().equals(name)) {
                        change.accept(copy);
                    }
                    return new Manifests.Resource(copy);
                })
                .toList();
    }

    /** The production overlay with one more variable, shaped by the change, in the catalogue's environment. */
    private static List<Manifests.Resource> withCatalogueVariable(String name, Consumer<ObjectNode> change) {
        return production(
                "Deployment",
                "catalogue",
                deployment -> change.accept(container(deployment)
                        .withArrayProperty("env")
                        .addObject()
                        .put("name", name)));
    }

    private static ObjectNode container(ObjectNode deployment) {
        return (ObjectNode) deployment
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .path(0);
    }
}
