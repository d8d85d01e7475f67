package cn.sgz.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where evidence files live, addressed by generated keys such as {@code photos/2026/05/<uuid>.jpg}.
 * Keys, never local paths, are stored in the database, so a shared object store (S3-compatible)
 * can replace the local directory by providing another bean of this type.
 */
public interface FileStore {

    /** Stores the file at the key (moving or copying it); the source may be deleted afterwards. */
    void put(String key, Path source) throws IOException;

    void put(String key, byte[] bytes) throws IOException;

    InputStream open(String key) throws IOException;

    boolean exists(String key);

    void delete(String key) throws IOException;
}
