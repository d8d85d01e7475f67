package cn.sgz.casework.internal;

import cn.sgz.casework.internal.CaseworkInputs.PhotoFile;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.multipart.MultipartFile;

/** Page forms name their form fields "f.key"; this collects them, and turns an upload into a PhotoFile. */
final class FormParams {

    private FormParams() {}

    static Map<String, String> fields(HttpServletRequest request) {
        Map<String, String> out = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> {
            if (k.startsWith("f.") && v.length > 0) {
                out.put(k.substring(2), v[0]);
            }
        });
        return out;
    }

    static PhotoFile photo(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        try {
            return new PhotoFile(file.getOriginalFilename(), file.getSize(), file.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
