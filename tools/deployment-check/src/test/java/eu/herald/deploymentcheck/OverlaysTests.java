package eu.herald.deploymentcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** k8s/ as kustomize renders it: the base and every overlay, each object checked as a strict apply would. */
class OverlaysTests {

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/local", "overlays/production"})
    void rendersOnlyObjectsTheClusterAccepts(String folder) {
        List<Manifests.Resource> resources = Kustomize.render(folder);

        assertThat(resources).extracting(Manifests.Resource::kind).contains("Deployment", "KafkaTopic");
        assertThat(StrictValidation.violations(resources)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/local", "overlays/production"})
    void locksDownEveryPod(String folder) {
        assertThat(PodRules.lockedDown(Kustomize.render(folder))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/local", "overlays/production"})
    void refersOnlyToDefinedVariables(String folder) {
        assertThat(PodRules.unresolvedVariables(Kustomize.render(folder))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/production"})
    void spreadsReplicasOverZonesAndNodes(String folder) {
        assertThat(PodRules.spread(Kustomize.render(folder))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/production"})
    void namesOnlySecretsThatAreRenderedOrCreatedOutsideGit(String folder) {
        assertThat(PodRules.unresolvedReferences(Kustomize.render(folder), PodRules.CREATED_OUTSIDE_GIT.keySet()))
                .isEmpty();
    }

    @Test
    void localOverlayGeneratesEverySecretButTheDemoIssuers() {
        assertThat(PodRules.unresolvedReferences(
                        Kustomize.render("overlays/local"), PodRules.CREATED_OUTSIDE_GIT_LOCALLY.keySet()))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/local", "overlays/production"})
    void neverScalesNotifiersPastThePartitions(String folder) {
        List<Manifests.Resource> resources = Kustomize.render(folder);

        assertThat(resources).anyMatch(resource -> resource.is("ScaledObject"));
        assertThat(KafkaRules.notifierScaling(resources)).isEmpty();
    }

    @Test
    void localTopicsLiveOnTheOneBroker() {
        assertThat(KafkaRules.topicReplication(Kustomize.render("overlays/local"), 1, 1))
                .isEmpty();
    }

    @Test
    void productionTopicsSurviveABrokerLoss() {
        assertThat(KafkaRules.topicReplication(Kustomize.render("overlays/production"), 3, 2))
                .isEmpty();
    }

    @Test
    void productionRunsReleasedImagesOnly() {
        List<String> images = PodRules.deployments(Kustomize.render("overlays/production")).stream()
                .flatMap(deployment ->
                        PodRules.containers(
                                deployment.body().path("spec").path("template").path("spec"))
                                .stream())
                .map(container -> container.path("image").asString())
                .toList();

        // Herald's own at a release, the collector's and Jaeger's at a fixed version
        assertThat(images)
                .anyMatch(image -> image.startsWith("herald/"))
                .allMatch(image -> image.matches("[a-z0-9./-]+:\\d+\\.\\d+\\.\\d+"));
    }

    @Test
    void servesTheLinksOfEmailsOnThePublicHost() {
        for (String folder : List.of("overlays/local", "overlays/production")) {
            List<Manifests.Resource> resources = Kustomize.render(folder);
            String publicUrl = resources.stream()
                    .filter(resource ->
                            resource.is("ConfigMap") && resource.name().startsWith("herald-shared"))
                    .map(shared ->
                            shared.body().path("data").path("HERALD_PUBLIC_URL").asString())
                    .findFirst()
                    .orElseThrow();
            JsonNode rule = resources.stream()
                    .filter(resource -> resource.is("Ingress"))
                    .map(ingress -> ingress.body().path("spec").path("rules").path(0))
                    .findFirst()
                    .orElseThrow();

            assertThat(publicUrl).endsWith("://" + rule.path("host").asString());
            assertThat(rule.path("http")
                            .path("paths")
                            .valueStream()
                            .map(path -> path.path("path").asString()))
                    .containsAll(Set.of("/unsubscribe", "/endpoints/verify", "/"));
        }
    }
}
