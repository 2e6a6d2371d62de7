package eu.herald.deploymentcheck;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The validators reject what a strict apply rejects, and accept what it accepts. */
class StrictValidationTests {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: catalogue}
            spec:
              replicas: %s
              selector: {matchLabels: {app: catalogue}}
              template:
                metadata: {labels: {app: catalogue}}
                spec:
                  containers:
                    - name: catalogue
                      image: herald/catalogue:0.1.0
                      %s
            """;

    private static final String TOPIC = """
            apiVersion: kafka.strimzi.io/v1
            kind: KafkaTopic
            metadata:
              name: catalogue.session-changes.v1
              labels: {strimzi.io/cluster: herald-kafka}
            spec:
              partitions: %s
              replicas: 3
              config: {min.insync.replicas: 2, retention.ms: 604800000}
              %s
            """;

    @Test
    void acceptsAValidDeployment() {
        assertThat(StrictValidation.violations(
                        Manifests.one(DEPLOYMENT.formatted("2", "ports: [{containerPort: 8081}]"))))
                .isEmpty();
    }

    @Test
    void rejectsAnUnknownFieldDeepInADeployment() {
        assertThat(StrictValidation.violations(Manifests.one(DEPLOYMENT.formatted("2", "imagePullPolicyy: Always"))))
                .singleElement()
                .asString()
                .contains("Deployment catalogue", "/spec/template/spec/containers/0/imagePullPolicyy");
    }

    @Test
    void rejectsAValueOfTheWrongTypeInADeployment() {
        assertThat(StrictValidation.violations(Manifests.one(DEPLOYMENT.formatted("\"2\"", "ports: []"))))
                .singleElement()
                .asString()
                .contains("Deployment catalogue", "replicas");
    }

    @Test
    void acceptsAValidKafkaTopicWithFreeFormConfig() {
        assertThat(StrictValidation.violations(Manifests.one(TOPIC.formatted("12", ""))))
                .isEmpty();
    }

    @Test
    void rejectsAnUnknownFieldInAKafkaTopicSpec() {
        assertThat(StrictValidation.violations(Manifests.one(TOPIC.formatted("12", "partitionCount: 12"))))
                .singleElement()
                .asString()
                .contains("KafkaTopic catalogue.session-changes.v1", "partitionCount");
    }

    @Test
    void rejectsAValueOfTheWrongTypeInAKafkaTopic() {
        assertThat(StrictValidation.violations(Manifests.one(TOPIC.formatted("twelve", ""))))
                .singleElement()
                .asString()
                .contains("/spec/partitions", "integer");
    }

    @Test
    void rejectsAnUnknownFieldInTheMetadataOfACustomResource() {
        String topic = TOPIC.formatted("12", "").replace("metadata:\n", "metadata:\n  label: {a: b}\n");

        assertThat(StrictValidation.violations(Manifests.one(topic)))
                .singleElement()
                .asString()
                .contains("unknown field /label");
    }

    private static final String SERVICE_MONITOR = """
            apiVersion: monitoring.coreos.com/v1
            kind: ServiceMonitor
            metadata: {name: herald}
            spec:
              selector: {matchLabels: {app.kubernetes.io/component: metrics}}
              endpoints:
                - port: management
                  path: /actuator/prometheus
                  %s
            """;

    private static final String PROMETHEUS_RULE = """
            apiVersion: monitoring.coreos.com/v1
            kind: PrometheusRule
            metadata: {name: herald}
            spec:
              groups:
                - name: herald.kafka
                  rules:
                    - alert: HeraldNotifiersLagging
                      expr: kafka_consumer_fetch_manager_records_lag_max > 5000
                      for: 10m
                      %s
            """;

    @Test
    void acceptsAValidServiceMonitorAndPrometheusRule() {
        assertThat(StrictValidation.violations(Manifests.one(SERVICE_MONITOR.formatted("interval: 30s"))))
                .isEmpty();
        assertThat(StrictValidation.violations(Manifests.one(PROMETHEUS_RULE.formatted("labels: {severity: warning}"))))
                .isEmpty();
    }

    @Test
    void rejectsAnUnknownFieldInAServiceMonitorEndpoint() {
        assertThat(StrictValidation.violations(Manifests.one(SERVICE_MONITOR.formatted("scrapeEvery: 30s"))))
                .singleElement()
                .asString()
                .contains("ServiceMonitor herald", "/spec/endpoints/0/scrapeEvery");
    }

    @Test
    void rejectsAnUnknownFieldInAPrometheusRule() {
        assertThat(StrictValidation.violations(Manifests.one(PROMETHEUS_RULE.formatted("severity: warning"))))
                .singleElement()
                .asString()
                .contains("PrometheusRule herald", "/spec/groups/0/rules/0/severity");
    }

    @Test
    void acceptsIntOrStringFieldsEitherWay() {
        String budget = """
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata: {name: web}
                spec: {maxUnavailable: %s, selector: {matchLabels: {app: web}}}
                """;

        assertThat(StrictValidation.violations(Manifests.one(budget.formatted("1"))))
                .isEmpty();
        assertThat(StrictValidation.violations(Manifests.one(budget.formatted("50%"))))
                .isEmpty();
    }

    @Test
    void rejectsAKindWithoutSchema() {
        String route = """
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: web}
                spec: {}
                """;

        assertThat(StrictValidation.violations(Manifests.one(route)))
                .singleElement()
                .asString()
                .contains("neither built in nor described by a CRD");
    }
}
