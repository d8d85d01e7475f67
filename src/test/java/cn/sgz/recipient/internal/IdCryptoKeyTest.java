package cn.sgz.recipient.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several instances (the S3 file store) must share one ID-number key: an instance never makes up its own then, since
 * what it encrypted the others could not read. A single instance on the local store still makes one on first start.
 */
class IdCryptoKeyTest {

    @TempDir
    Path dir;

    @Test
    void withTheS3StoreNoKeyIsMadeUp() {
        assertThatThrownBy(() -> new IdCrypto("", dir.toString(), "s3"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sgz.crypto.key");
        assertThat(dir.resolve("keys/recipient.key")).doesNotExist();
    }

    @Test
    void instancesWithTheSameKeyReadEachOthersIdNumbers() throws Exception {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        IdCrypto a = new IdCrypto(key, dir.resolve("a").toString(), "s3");
        IdCrypto b = new IdCrypto(key, dir.resolve("b").toString(), "s3");
        assertThat(b.decrypt(a.encrypt("150207199001011234"))).isEqualTo("150207199001011234");
        // a single machine on the local disk makes its key once and keeps it
        IdCrypto local = new IdCrypto("", dir.resolve("c").toString(), "local");
        assertThat(dir.resolve("c/keys/recipient.key")).exists();
        IdCrypto again = new IdCrypto("", dir.resolve("c").toString(), "s3");
        assertThat(again.decrypt(local.encrypt("x"))).isEqualTo("x");
        assertThat(Files.readString(dir.resolve("c/keys/recipient.key")).strip())
                .hasSize(44);
    }
}
