package cn.sgz.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.sgz.SgzTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/** While start-up data is loading the login page says why nobody can log in yet, and readiness is not UP. */
@SgzTest
class StartupReadinessTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Test
    void loginPageAndReadinessTellThatDataIsStillLoading() throws Exception {
        try {
            AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
            var loading = mvc.perform(get("/login")).andReturn().getResponse();
            assertThat(loading.getStatus()).isEqualTo(200);
            assertThat(loading.getContentAsString(StandardCharsets.UTF_8))
                    .contains("id=\"starting\"")
                    .contains("正在启动并载入数据")
                    .contains("自动刷新");
            assertThat(loading.getHeader("Refresh")).isEqualTo("5");
            assertThat(mvc.perform(get("/actuator/health/readiness"))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .isEqualTo(503);
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        var ready = mvc.perform(get("/login")).andReturn().getResponse();
        assertThat(ready.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("id=\"starting\"");
        assertThat(ready.getHeader("Refresh")).isNull();
        assertThat(mvc.perform(get("/actuator/health/readiness"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }
}
