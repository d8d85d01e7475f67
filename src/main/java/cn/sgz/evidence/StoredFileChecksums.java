package cn.sgz.evidence;

import java.util.function.BiConsumer;

/**
 * SPI: the file-store keys a module's rows point to, with the SHA-256 the module recorded when it stored the file
 * (null where it recorded none, e.g. a thumbnail or an archive). The file-store migration
 * ({@code sgz.files.migrate=true}, docs/deployment.md) checks every copied object against these, and reports keys
 * the database points to that exist neither on the local disk nor in the bucket.
 */
public interface StoredFileChecksums {

    /** Hands every (key, sha256-or-null) of this module to the consumer, streaming (no list of millions in memory). */
    void each(BiConsumer<String, String> keyAndSha256);
}
