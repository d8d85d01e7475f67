package cn.sgz.org.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18, finding 11: the one-time setup token is written readable by its owner only (0600). */
class SetupTokenFileTest {

    @TempDir
    Path dir;

    @Test
    void theSetupTokenFileIsOwnerOnly() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path file = dir.resolve("setup-token.txt");
        Files.writeString(file, "old"); // a leftover with the default mode is replaced
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        FirstAdminSetup.writeOwnerOnly(file, "abc123");
        assertThat(Files.readString(file)).isEqualTo("abc123");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }
}
