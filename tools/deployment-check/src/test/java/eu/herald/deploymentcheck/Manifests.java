package eu.herald.deploymentcheck;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Kubernetes objects read from a stream of YAML documents. */
final class Manifests {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private Manifests() {}

    /** One rendered object, with what names it in messages. */
    record Resource(ObjectNode body) {

        String apiVersion() {
            return body.path("apiVersion").asString("");
        }

        String kind() {
            return body.path("kind").asString("");
        }

        String name() {
            return body.path("metadata").path("name").asString("");
        }

        boolean is(String kind) {
            return kind().equals(kind);
        }

        @Override
        public String toString() {
            return kind() + " " + name();
        }
    }

    static List<Resource> parse(String yaml) {
        List<Resource> resources = new ArrayList<>();
        try (MappingIterator<JsonNode> documents =
                YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNextValue()) {
                JsonNode document = documents.nextValue();
                if (document instanceof ObjectNode object) {
                    resources.add(new Resource(object));
                }
            }
        }
        return resources;
    }

    static Resource one(String yaml) {
        List<Resource> resources = parse(yaml);
        if (resources.size() != 1) {
            throw new IllegalArgumentException("expected one object, got " + resources.size());
        }
        return resources.get(0);
    }
}
