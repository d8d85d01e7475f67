package cn.sgz.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Photos sent in pieces over a weak network ({@code /api/v1/uploads/{uploadId}}): the phone makes the upload id,
 * sends chunks at the offset the server has, and after a dropped connection continues from the last byte that
 * arrived. The pieces belong to the account that sent them. When all bytes are there, the owner's module completes
 * the upload through its own endpoint ({@link UploadResponses#chunked}), so the assembled photo passes the same
 * scope check, content and size checks, EXIF reading, watermark and duplicate detection as a photo sent whole.
 */
public interface ChunkedUploads {

    /**
     * The whole photo of the current user's upload, ready to store; or, when this upload was completed before, the
     * id of the photo it became ({@link Assembled#alreadyStored()}). Refuses an unknown upload (404, also for
     * another account's upload) and one that is still missing bytes.
     */
    Assembled assemble(String uploadId);

    /** Marks the upload as stored as {@code photoId} and deletes its pieces. */
    void completed(String uploadId, long photoId);

    /** An assembled photo in a temporary file (deleted on close), or the photo an earlier completion stored. */
    record Assembled(String uploadId, String fileName, long size, Path file, Long photoId) implements AutoCloseable {

        public boolean alreadyStored() {
            return file == null;
        }

        public InputStream open() {
            try {
                return Files.newInputStream(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file; the directory is cleaned with the stale pieces
                }
            }
        }
    }
}
