package eu.herald.deploymentcheck;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The openAPIV3Schema of every CustomResourceDefinition in a folder, by apiVersion and kind, made strict as
 * {@code kubectl apply --validate=strict} is: a field a schema does not declare is an error, except under
 * {@code x-kubernetes-preserve-unknown-fields}. CRD schemas are structural (every object schema lists its
 * properties), so closing each object schema that has properties is exact.
 */
final class CustomResourceSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);

    private final Map<String, Schema> byType;

    private CustomResourceSchemas(Map<String, Schema> byType) {
        this.byType = byType;
    }

    /** Every {@code .yaml} CRD in the folder, each of its served versions. */
    static CustomResourceSchemas load(Path folder) {
        Map<String, Schema> byType = new HashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (Manifests.Resource crd : Manifests.parse(Files.readString(file))) {
                    if (crd.is("CustomResourceDefinition")) {
                        add(crd.body(), byType);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CustomResourceSchemas(byType);
    }

    private static void add(JsonNode crd, Map<String, Schema> byType) {
        JsonNode spec = crd.path("spec");
        String kind = spec.path("names").path("kind").asString();
        for (JsonNode version : spec.path("versions")) {
            if (version.path("served").asBoolean(true)) {
                ObjectNode schema = (ObjectNode)
                        version.path("schema").path("openAPIV3Schema").deepCopy();
                close(schema);
                String apiVersion = spec.path("group").asString() + "/"
                        + version.path("name").asString();
                byType.put(key(apiVersion, kind), REGISTRY.getSchema(schema));
            }
        }
    }

    /** Makes unknown fields errors and gives int-or-string fields a type JSON Schema understands. */
    static void close(ObjectNode schema) {
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
            schema.remove("type");
            if (!schema.has("anyOf")) {
                ArrayNode anyOf = schema.putArray("anyOf");
                anyOf.addObject().put("type", "integer");
                anyOf.addObject().put("type", "string");
            }
        }
        boolean preserves = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (schema.has("properties") && !preserves && !schema.has("additionalProperties")) {
            schema.put("additionalProperties", false);
        }
        for (JsonNode property : schema.path("properties")) {
            close((ObjectNode) property);
        }
        if (schema.get("items") instanceof ObjectNode items) {
            close(items);
        }
        if (schema.get("additionalProperties") instanceof ObjectNode values) {
            close(values);
        }
    }

    boolean knows(String apiVersion, String kind) {
        return byType.containsKey(key(apiVersion, kind));
    }

    /** What in the object its kind's schema does not allow; empty when it conforms. */
    List<String> violations(Manifests.Resource resource) {
        Schema schema = byType.get(key(resource.apiVersion(), resource.kind()));
        if (schema == null) {
            return List.of(resource + ": no CRD schema for " + resource.apiVersion());
        }
        List<Error> errors = schema.validate(resource.body());
        return errors.stream().map(error -> resource + ": " + error).toList();
    }

    private static String key(String apiVersion, String kind) {
        return apiVersion + " " + kind;
    }
}
