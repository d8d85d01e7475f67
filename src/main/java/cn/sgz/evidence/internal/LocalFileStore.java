package cn.sgz.evidence.internal;

import cn.sgz.evidence.FileStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files under {@code ${sgz.data-dir}/files}, outside the web root; names are generated keys, never
 * what the uploader called the file. The embedded default; {@link FileStoreConfig} picks {@link S3FileStore}
 * instead with {@code sgz.files.store=s3} (nothing else changes, since only keys are stored).
 */
class LocalFileStore implements FileStore {

    private final Path root;

    Path root() {
        return root;
    }

    LocalFileStore(EvidenceSettings settings) {
        this.root = settings.filesDir.toAbsolutePath().normalize();
    }

    private Path resolve(String key) {
        if (key == null || key.contains("..") || key.startsWith("/") || key.contains("\\")) {
            throw new IllegalArgumentException("bad file key");
        }
        Path p = root.resolve(key).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("bad file key");
        }
        return p;
    }

    @Override
    public void put(String key, Path source) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void put(String key, byte[] bytes) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        Files.write(target, bytes);
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(resolve(key));
    }

    @Override
    public boolean exists(String key) {
        return Files.exists(resolve(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(resolve(key));
    }
}
