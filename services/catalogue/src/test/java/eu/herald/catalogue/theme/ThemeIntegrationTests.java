package eu.herald.catalogue.theme;

import static eu.herald.catalogue.SessionJson.networking;
import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.catalogue.CatalogueIntegrationTest;
import eu.herald.testsupport.ContractSchemas;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/** The theme taxonomy over HTTP, and its publication on the compacted catalogue.themes.v1. */
class ThemeIntegrationTests extends CatalogueIntegrationTest {

    private static final String LABELS =
            "{\"en\": \"Cross-border cooperation\", \"pl\": \"Współpraca transgraniczna\", \"pt\": \"Cooperação transfronteiriça\"}";

    @Test
    void publishesEveryThemeOfTheMigratedTaxonomy() {
        for (String slug : List.of("digital-transformation", "green-transition", "youth-empowerment")) {
            assertConformsAndAnnounces(awaitRecords(consumer(THEMES), slug, 1).get(0), slug);
        }
        ConsumerRecord<String, String> record =
                awaitRecords(consumer(THEMES), "territorial-cohesion", 1).get(0);

        assertConformsAndAnnounces(record, "territorial-cohesion");
        assertThat(json.readTree(record.value()))
                .isEqualTo(json.readTree(ContractSchemas.examples(THEMES).get("territorial-cohesion.json")));
    }

    @Test
    void declaresTheThemesTopicCompactedWithThreePartitions() throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            var resource = new ConfigResource(ConfigResource.Type.TOPIC, THEMES);
            var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(admin.describeTopics(List.of(THEMES))
                            .allTopicNames()
                            .get()
                            .get(THEMES)
                            .partitions())
                    .hasSize(3);
        }
    }

    @Test
    void publishesACreatedRelabelledAndRetiredThemeInOrder() {
        Consumer<String, String> consumer = consumer(THEMES);
        String slug = "cross-border-cooperation";

        assertThat(mvc.post()
                        .header(HttpHeaders.AUTHORIZATION, OPERATOR)
                        .uri("/api/themes")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"slug\": \"" + slug + "\", \"labels\": " + LABELS + "}"))
                .hasStatus(201)
                .hasHeader(HttpHeaders.ETAG, "\"1\"");
        assertThat(mvc.post()
                        .header(HttpHeaders.AUTHORIZATION, OPERATOR)
                        .uri("/api/themes")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"slug\": \"" + slug + "\", \"labels\": " + LABELS + "}"))
                .hasStatus(409);
        // the same labels again: nothing changes, nothing is published
        assertThat(relabel(slug, "\"1\"", LABELS)).hasStatusOk().hasHeader(HttpHeaders.ETAG, "\"1\"");
        String relabelled = LABELS.replace("Cross-border cooperation", "Cross-border and interregional cooperation");
        assertThat(relabel(slug, "\"1\"", relabelled)).hasStatusOk().hasHeader(HttpHeaders.ETAG, "\"2\"");
        assertThat(relabel(slug, "\"1\"", LABELS)).hasStatus(412);

        String draft = idOf(post(networking().replace("territorial-cohesion", slug)));
        assertThat(retire(slug, "\"2\"")).hasStatus(409);
        assertThat(mvc.delete()
                        .header(HttpHeaders.AUTHORIZATION, OPERATOR)
                        .uri("/api/sessions/{id}", draft)
                        .header(HttpHeaders.IF_MATCH, "\"1\""))
                .hasStatus(204);
        assertThat(retire(slug, null))
                .hasStatus(428)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .endsWith("the current one is If-Match: \"2\"");
        assertThat(retire(slug, "\"2\"")).hasStatus(204);
        assertThat(mvc.get().uri("/api/themes/{slug}", slug)).hasStatus(404);

        List<ConsumerRecord<String, String>> records = awaitRecords(consumer, slug, 3);
        records.forEach(record -> assertConformsAndAnnounces(record, slug));
        List<JsonNode> values =
                records.stream().map(record -> json.readTree(record.value())).toList();
        assertThat(values)
                .extracting(value -> value.at("/labels/en").asString())
                .containsExactly(
                        "Cross-border cooperation",
                        "Cross-border and interregional cooperation",
                        "Cross-border and interregional cooperation");
        assertThat(values).extracting(value -> value.get("retired").asBoolean()).containsExactly(false, false, true);
    }

    @Test
    void refusesAThemeWithABadSlugOrMissingLabels() {
        MvcTestResult result = mvc.post()
                .header(HttpHeaders.AUTHORIZATION, OPERATOR)
                .uri("/api/themes")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"slug\": \"Green Deal\", \"labels\": {\"en\": \"Green Deal\"}}")
                .exchange();

        assertThat(result)
                .hasStatus(400)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactly("slug", "labels");
        assertThat(count("select count(*) from theme where slug = 'Green Deal'"))
                .isZero();
    }

    private MvcTestResult relabel(String slug, String ifMatch, String labels) {
        return mvc.put()
                .header(HttpHeaders.AUTHORIZATION, OPERATOR)
                .uri("/api/themes/{slug}", slug)
                .header(HttpHeaders.IF_MATCH, ifMatch)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"labels\": " + labels + "}")
                .exchange();
    }

    private MvcTestResult retire(String slug, String ifMatch) {
        var request = mvc.delete().header(HttpHeaders.AUTHORIZATION, OPERATOR).uri("/api/themes/{slug}", slug);
        if (ifMatch != null) {
            request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return request.exchange();
    }

    private void assertConformsAndAnnounces(ConsumerRecord<String, String> record, String slug) {
        ContractSchemas.assertConforms(THEMES, record.value());
        assertThat(record.key()).isEqualTo(slug);
        assertThat(json.readTree(record.value()).get("slug").asString()).isEqualTo(slug);
        assertThat(headers(record))
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_type", "eu.herald.theme.updated.v1")
                .containsEntry("ce_source", "/herald/catalogue")
                .containsEntry("ce_subject", slug)
                .containsEntry("content-type", "application/json")
                .containsKeys("ce_id", "ce_time");
    }
}
