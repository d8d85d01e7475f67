package cn.sgz.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/**
 * How every photo-upload endpoint answers: 201 when the photo was stored now, 200 when the same upload id came again
 * (a phone retrying after a dropped connection gets the first result, not a second photo).
 */
public final class UploadResponses {

    private UploadResponses() {}

    /** Stores one uploaded photo through a module's own service call. */
    @FunctionalInterface
    public interface Store {
        UploadResult store(String fileName, long size, InputStream in) throws IOException;
    }

    public static ResponseEntity<UploadResult> of(UploadResult r) {
        return ResponseEntity.status(r.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(r);
    }

    /** A multipart upload handed to {@code store} as name, size and stream (never read whole into memory here). */
    public static ResponseEntity<UploadResult> multipart(MultipartFile file, Store store) {
        try (InputStream in = file.getInputStream()) {
            return of(store.store(file.getOriginalFilename(), file.getSize(), in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
