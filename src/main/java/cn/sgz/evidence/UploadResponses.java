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

    /**
     * Completes a chunked upload ({@link ChunkedUploads}) through a module's own service call: the assembled photo
     * is stored as if it had been sent whole, under the upload id as its key. Completing the same upload again
     * answers 200 with the photo stored the first time ({@code store} is then called without content, and the
     * evidence module replays the photo stored under that key).
     */
    public static ResponseEntity<UploadResult> chunked(ChunkedUploads uploads, String uploadId, Store store) {
        try (ChunkedUploads.Assembled a = uploads.assemble(uploadId)) {
            UploadResult r;
            if (a.alreadyStored()) {
                r = store.store(null, -1, null);
            } else {
                try (InputStream in = a.open()) {
                    r = store.store(a.fileName(), a.size(), in);
                }
            }
            uploads.completed(uploadId, r.photo().id());
            return of(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
