package eu.herald.deploymentcheck;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** docker-compose.yml against the Compose specification, and the checks proven to bite. */
class ComposeFileTests {

    @Test
    void composeFileFollowsTheSpecification() {
        assertThat(ComposeFile.violations(ComposeFile.repositoryCompose())).isEmpty();
    }

    @Test
    void rejectsAnUnknownServiceField() {
        String broken = ComposeFile.repositoryCompose().replace("  kafka:\n", "  kafka:\n    restart_policy: always\n");

        assertThat(ComposeFile.violations(broken)).singleElement().asString().contains("restart_policy");
    }

    @Test
    void rejectsAValueOfTheWrongType() {
        String broken = ComposeFile.repositoryCompose().replace("  kafka:\n", "  kafka:\n    ports: 9092\n");

        assertThat(ComposeFile.violations(broken)).singleElement().asString().contains("ports");
    }

    @Test
    void rejectsADependencyOnAnUndeclaredService() {
        String broken = """
                services:
                  web:
                    image: herald/web:latest
                    depends_on: [catalogue]
                """;

        assertThat(ComposeFile.violations(broken))
                .containsExactly("service web: depends on undeclared service catalogue");
    }

    @Test
    void rejectsAServiceWithoutImage() {
        String broken = """
                services:
                  web:
                    restart: unless-stopped
                """;

        assertThat(ComposeFile.violations(broken)).containsExactly("service web: neither image nor build");
    }
}
