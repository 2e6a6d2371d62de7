package eu.herald.deploymentcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a CRD's schema is made strict, on a small CRD of the shapes the operators' CRDs use. */
class CustomResourceSchemasTests {

    private static final String CRD = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: pools.example.eu}
            spec:
              group: example.eu
              names: {kind: Pool, plural: pools}
              scope: Namespaced
              versions:
                - name: v1
                  served: true
                  storage: true
                  schema:
                    openAPIV3Schema:
                      type: object
                      properties:
                        apiVersion: {type: string}
                        kind: {type: string}
                        metadata: {type: object}
                        spec:
                          type: object
                          properties:
                            size: {x-kubernetes-int-or-string: true}
                            config: {type: object, x-kubernetes-preserve-unknown-fields: true}
                            limits:
                              type: array
                              items:
                                type: object
                                properties:
                                  name: {type: string}
                - name: v0
                  served: false
                  storage: false
            """;

    private static CustomResourceSchemas schemas;

    @BeforeAll
    static void loadTheCrd(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("pool.yaml"), CRD);
        schemas = CustomResourceSchemas.load(folder);
    }

    @Test
    void picksTheSchemaByApiVersionAndKindOfServedVersions() {
        assertThat(schemas.knows("example.eu/v1", "Pool")).isTrue();
        assertThat(schemas.knows("example.eu/v0", "Pool")).isFalse();
    }

    @Test
    void acceptsAnIntegerOrAStringWhereTheSchemaSaysEither() {
        assertThat(schemas.violations(pool("size: 3"))).isEmpty();
        assertThat(schemas.violations(pool("size: 30%"))).isEmpty();
        assertThat(schemas.violations(pool("size: [3]"))).isNotEmpty();
    }

    @Test
    void acceptsAnythingUnderPreservedUnknownFields() {
        assertThat(schemas.violations(pool("config: {any.key: 1, other: {nested: true}}")))
                .isEmpty();
    }

    @Test
    void rejectsUnknownFieldsInNestedObjectsAndArrayItems() {
        assertThat(schemas.violations(pool("limits: [{name: a, nam: b}]")))
                .singleElement()
                .asString()
                .contains("/spec/limits/0", "nam");
    }

    private static Manifests.Resource pool(String spec) {
        return Manifests.one("apiVersion: example.eu/v1\nkind: Pool\nmetadata: {name: p}\nspec: {" + spec + "}\n");
    }
}
