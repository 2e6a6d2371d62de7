package eu.herald.deploymentcheck;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Compose file against the Compose specification's JSON Schema (from npm, see package.json), plus what the schema cannot see: that every
 * service, secret and volume a service names is declared, and that every service has an image.
 */
final class ComposeFile {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Schema SPECIFICATION = load();

    private ComposeFile() {}

    static String repositoryCompose() {
        try {
            return Files.readString(Kustomize.REPOSITORY.resolve("docker-compose.yml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> violations(String yaml) {
        // SnakeYAML expands the merge keys (<<: *service) as Compose does
        Object parsed = new Yaml().load(yaml);
        JsonNode compose = JSON.valueToTree(parsed);
        List<String> violations = new ArrayList<>();
        for (Error error : SPECIFICATION.validate(compose)) {
            violations.add(error.toString());
        }
        violations.addAll(unresolvedNames(compose));
        return violations;
    }

    private static List<String> unresolvedNames(JsonNode compose) {
        Set<String> services = names(compose.path("services"));
        Set<String> secrets = names(compose.path("secrets"));
        Set<String> volumes = names(compose.path("volumes"));
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> service : compose.path("services").properties()) {
            String name = "service " + service.getKey();
            JsonNode spec = service.getValue();
            if (!spec.has("image") && !spec.has("build")) {
                violations.add(name + ": neither image nor build");
            }
            JsonNode dependsOn = spec.path("depends_on");
            Set<String> dependencies = dependsOn.isArray()
                    ? dependsOn.valueStream().map(JsonNode::asString).collect(Collectors.toSet())
                    : names(dependsOn);
            dependencies.stream()
                    .filter(dependency -> !services.contains(dependency))
                    .forEach(dependency -> violations.add(name + ": depends on undeclared service " + dependency));
            for (JsonNode secret : spec.path("secrets")) {
                String source = secret.isString()
                        ? secret.asString()
                        : secret.path("source").asString();
                if (!secrets.contains(source)) {
                    violations.add(name + ": uses undeclared secret " + source);
                }
            }
            for (JsonNode volume : spec.path("volumes")) {
                String source = volume.isString()
                        ? volume.asString().split(":")[0]
                        : volume.path("source").asString("");
                boolean named = !source.isEmpty()
                        && !source.startsWith(".")
                        && !source.startsWith("/")
                        && !source.startsWith("~")
                        && !source.startsWith("$");
                if (named && !volumes.contains(source)) {
                    violations.add(name + ": mounts undeclared volume " + source);
                }
            }
        }
        return violations;
    }

    private static Set<String> names(JsonNode object) {
        return object.propertyNames().stream().collect(Collectors.toSet());
    }

    private static Schema load() {
        Kustomize.installOnce();
        try (InputStream in = Files.newInputStream(Kustomize.COMPOSE_SCHEMA)) {
            ObjectNode schema = (ObjectNode) JSON.readTree(in);
            // a relative $id ("compose_spec.json") that the validator cannot take as a base; every $ref in the
            // specification points inside the document, so the base is not needed
            schema.remove("$id");
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
