package cn.sgz.casework.internal;

import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A generated Word document as a download with its Chinese file name. */
final class DocxResponses {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private DocxResponses() {}

    static ResponseEntity<byte[]> of(CaseworkExport.Document d) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(DOCX))
                .cacheControl(CacheControl.noStore())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(d.filename(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(d.bytes());
    }
}
