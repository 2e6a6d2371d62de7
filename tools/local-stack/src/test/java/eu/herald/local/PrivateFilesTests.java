package eu.herald.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTests {

    @TempDir
    Path home;

    @Test
    void makesAKeyOnceInAFileOnlyItsOwnerCanReadAndWrite() throws Exception {
        Path file = home.resolve("keys").resolve("link-secret");

        String key = PrivateFiles.randomKey(file);

        assertThat(key).hasSize(44);
        assertThat(PrivateFiles.randomKey(file)).isEqualTo(key);
        assertThat(PrivateFiles.randomKey(home.resolve("other-secret"))).isNotEqualTo(key);
        assertThat(permissions(file)).isEqualTo("rw-------");
        assertThat(file.getParent()).isDirectoryNotContaining(path -> !path.equals(file));
    }

    @Test
    void replacesAFileWithoutMakingItReadableToOthers() throws Exception {
        Path file = home.resolve("vapid.properties");
        Files.writeString(file, "made by hand");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));

        PrivateFiles.write(file, "private-key=abc");

        assertThat(file).hasContent("private-key=abc");
        assertThat(permissions(file)).isEqualTo("rw-------");
    }

    @Test
    void takesAwayWhatTheGroupAndOthersMayDoAndKeepsTheOwnersPermissions() throws Exception {
        Path readable = home.resolve("webhook-master-key");
        Files.writeString(readable, "key");
        Files.setPosixFilePermissions(readable, PosixFilePermissions.fromString("rw-r--r--"));
        Path readOnly = home.resolve("signing-key.pem");
        Files.writeString(readOnly, "key");
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r--r-----"));

        PrivateFiles.tighten(readable);
        PrivateFiles.tighten(readOnly);
        PrivateFiles.tighten(home.resolve("absent"));

        assertThat(permissions(readable)).isEqualTo("rw-------");
        assertThat(permissions(readOnly)).isEqualTo("r--------");
        assertThat(home.resolve("absent")).doesNotExist();
    }

    @Test
    void keepsAKeyMadeByAnEarlierVersionAndMakesItPrivate() throws Exception {
        Path file = home.resolve("webhook-master-key");
        Files.writeString(file, "a key kept from an earlier run of forty-four\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(PrivateFiles.randomKey(file)).isEqualTo("a key kept from an earlier run of forty-four");
        assertThat(permissions(file)).isEqualTo("rw-------");
    }

    static String permissions(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }
}
