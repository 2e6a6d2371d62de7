package eu.herald.local;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

/**
 * The files of the data folder that hold a key or a secret: readable and writable by their owner only. A new one
 * is written under a temporary name that is private from its creation and then renamed, so that it is never
 * readable by others, not even half-written; one made looser by an older version or by hand is tightened when it
 * is read.
 */
final class PrivateFiles {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private PrivateFiles() {}

    /** The key in the file, first made of 32 random bytes (base64, 44 characters) when there is none. */
    static String randomKey(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[32];
                RANDOM.nextBytes(random);
                write(file, Base64.getEncoder().encodeToString(random));
            }
            tighten(file);
            return Files.readString(file, UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a key in " + file, e);
        }
    }

    /** Replaces the file, or creates it and its folder, with the content. */
    static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        if (isPosix()) {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        // elsewhere (Windows) the data folder's own permissions apply
        Files.writeString(temporary, content, UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Takes away every permission of the group and others, when the file exists. */
    static void tighten(Path file) throws IOException {
        if (!isPosix() || !Files.exists(file)) {
            return;
        }
        Set<PosixFilePermission> permissions = new HashSet<>(Files.getPosixFilePermissions(file));
        if (permissions.retainAll(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, permissions);
        }
    }

    private static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
