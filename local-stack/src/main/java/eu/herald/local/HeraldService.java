package eu.herald.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * One Herald service to run: its name (which is also its database's and its log file's), its
 * HTTP port and the arguments that follow {@code java} to launch it.
 */
public record HeraldService(String name, int port, List<String> launch) {

    public HeraldService {
        launch = List.copyOf(launch);
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

    public String database() {
        return name;
    }

    public URI url() {
        return URI.create("http://localhost:" + port);
    }
}
