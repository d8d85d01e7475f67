package cn.sgz.org.internal;

import cn.sgz.shared.web.ApiError;
import cn.sgz.shared.web.TraceIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes the API error shape from inside the security filters, where no controller advice runs. */
@Component
class JsonErrorWriter {

    private final JsonMapper json;

    JsonErrorWriter(JsonMapper json) {
        this.json = json;
    }

    void write(HttpServletRequest request, HttpServletResponse response, int status, String code, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write(json.writeValueAsString(new ApiError(code, message, List.of(), TraceIdFilter.of(request))));
    }
}
