package eu.herald.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OperationsIntegrationTests extends CatalogueIntegrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"})
    void reportsItselfUp(String probe) {
        assertThat(mvc.get().uri(probe))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("UP");
    }

    @Test
    void declaresTheSessionChangesTopicWithThreePartitions() {
        try (var consumer = sessionChangesConsumer()) {
            assertThat(consumer.partitionsFor(SESSION_CHANGES)).hasSize(3);
        }
    }

    @Test
    void servesSwaggerUi() {
        assertThat(mvc.get().uri("/swagger-ui.html")).hasStatus3xxRedirection();
    }

    @Test
    void describesItsApiInOpenApi() {
        assertThat(mvc.get().uri("/v3/api-docs"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.paths")
                .asMap()
                .containsKeys("/api/sessions", "/api/sessions/{id}", "/api/themes", "/api/events/{id}", "/api/audit");
    }

    @Test
    void describesTheOperatorsTokenInOpenApi() {
        assertThat(mvc.get().uri("/v3/api-docs"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.components.securitySchemes.operator-token.scheme")
                .isEqualTo("bearer");
        assertThat(mvc.get().uri("/v3/api-docs"))
                .bodyJson()
                .extractingPath("$.paths['/api/sessions'].post.security[0]")
                .asMap()
                .containsKey("operator-token");
        assertThat(mvc.get().uri("/v3/api-docs")).bodyJson().doesNotHavePath("$.paths['/api/sessions'].get.security");
    }
}
