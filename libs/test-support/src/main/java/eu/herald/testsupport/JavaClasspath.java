package eu.herald.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The classpath this JVM runs with, for starting another JVM with the same libraries.
 *
 * <p>{@code java.class.path} alone is not enough: {@code java -jar app.jar} and Surefire's
 * manifest-only booter jar list the real classpath in the {@code Class-Path} attribute of a
 * manifest, which is followed here.
 */
public final class JavaClasspath {

    private JavaClasspath() {}

    /** Every classpath entry of this JVM (jars and directories), manifest references expanded, in order. */
    public static List<Path> ofThisJvm() {
        Set<Path> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                collect(Path.of(entry).toAbsolutePath().normalize(), entries);
            }
        }
        return List.copyOf(entries);
    }

    /**
     * The jars of this JVM's classpath, without directories: a module's {@code target/classes}
     * brings the project's own logging and Spring configuration, which another program must not
     * pick up.
     */
    public static List<Path> jarsOfThisJvm() {
        return ofThisJvm().stream().filter(Files::isRegularFile).toList();
    }

    /** The entries as one {@code -cp} value. */
    public static String asArgument(List<Path> entries) {
        return entries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    private static void collect(Path entry, Set<Path> entries) {
        if (!Files.exists(entry) || !entries.add(entry)) {
            return;
        }
        if (Files.isRegularFile(entry) && entry.getFileName().toString().endsWith(".jar")) {
            for (String reference : manifestClassPath(entry)) {
                Path referenced = resolve(entry, reference);
                if (referenced != null) {
                    collect(referenced, entries);
                }
            }
        }
    }

    private static List<String> manifestClassPath(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String classPath =
                    manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            return classPath == null || classPath.isBlank()
                    ? List.of()
                    : List.of(classPath.trim().split("\\s+"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the manifest of " + jar, e);
        }
    }

    private static @Nullable Path resolve(Path jar, String reference) {
        try {
            // entries are URLs relative to the jar's folder (Surefire writes absolute file: URLs)
            URI uri = jar.getParent().toUri().resolve(reference);
            return "file".equals(uri.getScheme()) ? Path.of(uri).normalize() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
