package cn.sgz.org;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An API answer in a MockMvc test: the status must be the expected one (the body is shown when it is not). */
public final class ApiAnswer {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiAnswer() {}

    /** The answer's JSON body (null for an empty body) once its status is {@code status}. */
    public static JsonNode expect(MvcResult r, int status) throws Exception {
        String body = r.getResponse().getContentAsString();
        assertThat(r.getResponse().getStatus()).as(body).isEqualTo(status);
        return body.isEmpty() ? null : JSON.readTree(body);
    }
}
