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

    @Test
    void prometheusFetchesItsTokenFromTheIssuerOfEachOverlay() {
        assertThat(tokenUrl("base")).contains("login.example.org");
        assertThat(tokenUrl("overlays/production"))
                .isEqualTo(shared("overlays/production", "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI")
                        + "/protocol/openid-connect/token");
        // the local authorization server's service, which the services fetch its keys from too
        String keys = shared("overlays/local", "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI");
        assertThat(tokenUrl("overlays/local"))
                .isEqualTo(keys.replace("authorization-server:", "authorization-server.herald.svc:")
                        .replace("/oauth2/jwks", "/oauth2/token"));
    }

    private static String tokenUrl(String folder) {
        return Kustomize.render(folder).stream()
                .filter(resource -> resource.is("ServiceMonitor"))
                .map(monitor -> monitor.body()
                        .path("spec")
                        .path("endpoints")
                        .path(0)
                        .path("oauth2")
                        .path("tokenUrl")
                        .asString())
                .findFirst()
                .orElseThrow();
    }

    private static String shared(String folder, String key) {
        return Kustomize.render(folder).stream()
                .filter(resource -> resource.is("ConfigMap") && resource.name().startsWith("herald-shared"))
                .map(shared -> shared.body().path("data").path(key).asString())
                .findFirst()
                .orElseThrow();
    }
}
