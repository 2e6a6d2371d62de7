package eu.herald.testsupport;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/** The JSON Schemas and example messages of {@code contracts/}, read from the classpath. */
public final class ContractSchemas {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private ContractSchemas() {}

    /** Violations of the topic's schema by this JSON document; empty when it conforms. */
    public static List<String> violations(String topic, String json) {
        Schema schema = SCHEMAS.computeIfAbsent(topic, ContractSchemas::load);
        List<Error> errors = schema.validate(JSON.readTree(json));
        return errors.stream().map(Error::toString).toList();
    }

    /** Fails with every violation when the document does not conform to the topic's schema. */
    public static void assertConforms(String topic, String json) {
        List<String> violations = violations(topic, json);
        if (!violations.isEmpty()) {
            throw new AssertionError("message does not conform to " + topic + ": " + violations + "\n" + json);
        }
    }

    /** The example messages of a topic, by file name. */
    public static Map<String, String> examples(String topic) {
        URL folder = resource(topic + "/examples");
        try {
            if ("jar".equals(folder.getProtocol())) {
                try (FileSystem jar = FileSystems.newFileSystem(folder.toURI(), Map.of())) {
                    return read(jar.provider().getPath(folder.toURI()));
                }
            }
            return read(Path.of(folder.toURI()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> read(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".json"))
                    .collect(Collectors.toMap(file -> file.getFileName().toString(), ContractSchemas::readString));
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema load(String topic) {
        try (InputStream in = resource(topic + "/schema.json").openStream()) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL resource(String path) {
        URL url = ContractSchemas.class.getClassLoader().getResource("contracts/" + path);
        if (url == null) {
            throw new IllegalArgumentException("no contract resource contracts/" + path);
        }
        return url;
    }
}
