package eu.herald.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One Herald service to run: its name (which is also its database's and its log file's), its
 * HTTP port, the arguments that follow {@code java} to launch it, the JVM options that precede
 * them and environment variables added to (or replacing) those the stack gives every service.
 */
public record HeraldService(
        String name, int port, List<String> launch, List<String> jvmOptions, Map<String, String> environment) {

    /**
     * Three services and a broker share two cores on a developer's machine: a small heap, one GC
     * thread, quick C1 compilation.
     */
    public static final List<String> SMALL_JVM =
            List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    public HeraldService {
        launch = List.copyOf(launch);
        jvmOptions = List.copyOf(jvmOptions);
        environment = Map.copyOf(environment);
    }

    public HeraldService(String name, int port, List<String> launch) {
        this(name, port, launch, SMALL_JVM, Map.of());
    }

    /** A service from its Spring Boot jar, the same artifact that is deployed. */
    public static HeraldService fromJar(String name, int port, Path jar) {
        return new HeraldService(
                name, port, List.of("-jar", jar.toAbsolutePath().toString()));
    }

    /** The jar that {@code services/<name>} packages (the service poms set {@code finalName} to the name). */
    public static Path packagedJar(Path repository, String name) {
        return repository.resolve("services").resolve(name).resolve("target").resolve(name + ".jar");
    }

    /** The same service run with other JVM options, for example a benchmark's heap and JIT. */
    public HeraldService withJvmOptions(List<String> options) {
        return new HeraldService(name, port, launch, options, environment);
    }

    /** The same service with these environment variables on top of the stack's, e.g. Spring properties. */
    public HeraldService withEnvironment(Map<String, String> variables) {
        return new HeraldService(name, port, launch, jvmOptions, variables);
    }

    public String database() {
        return name;
    }

    public URI url() {
        return URI.create("http://localhost:" + port);
    }
}
