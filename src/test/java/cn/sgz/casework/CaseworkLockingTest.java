package cn.sgz.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.sgz.SgzTest;
import cn.sgz.casework.internal.FieldSpec;
import cn.sgz.casework.internal.FormType;
import cn.sgz.org.TestLogin;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Issue 18, finding 2: casework forms (case forms, group plan/unit plans/evaluation, community-service
 * forms) and projects are saved under optimistic locking. Two saves from the same version: one wins,
 * the other gets 409 naming both versions, and nothing is overwritten silently.
 */
@SgzTest
class CaseworkLockingTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    CaseworkApi api;

    @BeforeEach
    void setUp() {
        api = new CaseworkApi(mvc, json);
    }

    private static Map<String, String> with(Map<String, String> fields, String key, String value) {
        Map<String, String> m = new LinkedHashMap<>(fields);
        m.put(key, value);
        return m;
    }

    /** Sends both writes at the same moment; returns their statuses and bodies. */
    private List<MockHttpServletResponse> concurrently(
            Callable<MockHttpServletResponse> a, Callable<MockHttpServletResponse> b) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<MockHttpServletResponse>> futures = new ArrayList<>();
            for (Callable<MockHttpServletResponse> c : List.of(a, b)) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return c.call();
                }));
            }
            start.countDown();
            List<MockHttpServletResponse> out = new ArrayList<>();
            for (Future<MockHttpServletResponse> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private void oneWinsOneConflicts(List<MockHttpServletResponse> responses) throws Exception {
        List<Integer> statuses = responses.stream()
                .map(MockHttpServletResponse::getStatus)
                .sorted()
                .toList();
        assertThat(statuses)
                .as(
                        "%s / %s",
                        responses.get(0).getContentAsString(StandardCharsets.UTF_8),
                        responses.get(1).getContentAsString(StandardCharsets.UTF_8))
                .containsExactly(200, 409);
        MockHttpServletResponse lost =
                responses.stream().filter(r -> r.getStatus() == 409).findFirst().orElseThrow();
        String message = json.readTree(lost.getContentAsString(StandardCharsets.UTF_8))
                .get("message")
                .asText();
        assertThat(message).contains("已被他人保存").contains("当前版本 1").contains("您提交的版本 0");
    }

    @Test
    void twoConcurrentSavesOfACaseFormGiveOne409() throws Exception {
        long id = api.openCase("demo_worker", "并发个案" + TestLogin.unique(), "男，70岁")
                .get("id")
                .asLong();
        JsonNode saved = api.saveForm("demo_worker", id, "ASSESSMENT", CaseworkApi.assessment());
        assertThat(saved.get("version").asLong()).isZero();
        String url = "/api/v1/cases/" + id + "/forms/ASSESSMENT";

        List<MockHttpServletResponse> both = concurrently(
                () -> api.send(
                        "demo_worker", "PUT", url, withVersion(with(CaseworkApi.assessment(), "needs", "社工甲的判断"), 0)),
                () -> api.send(
                        "demo_head", "PUT", url, withVersion(with(CaseworkApi.assessment(), "needs", "站长的判断"), 0)));
        oneWinsOneConflicts(both);
        JsonNode detail = api.ok("demo_worker", "GET", "/api/v1/cases/" + id, null);
        String kept = null;
        for (JsonNode f : detail.get("forms")) {
            if ("ASSESSMENT".equals(f.get("type").asText())) {
                kept = f.get("values").get("needs").asText();
                assertThat(f.get("version").asLong()).isEqualTo(1);
            }
        }
        MockHttpServletResponse winner =
                both.stream().filter(r -> r.getStatus() == 200).findFirst().orElseThrow();
        assertThat(winner.getContentAsString(StandardCharsets.UTF_8)).contains(kept);

        // a save without a version no longer overwrites an existing form
        MockHttpServletResponse blind = api.send("demo_worker", "PUT", url, CaseworkApi.assessment());
        assertThat(blind.getStatus()).isEqualTo(409);
        // with the current version it goes through
        assertThat(api.send("demo_worker", "PUT", url, withVersion(CaseworkApi.assessment(), 1))
                        .getStatus())
                .isEqualTo(200);
    }

    private static Map<String, String> withVersion(Map<String, String> fields, long version) {
        return with(fields, "version", String.valueOf(version));
    }

    @Test
    void groupPlansUnitPlansAndCommunityFormsAreLockedToo() throws Exception {
        long station = api.station("demo_worker");
        Map<String, String> plan = CaseworkApi.fields(
                "planDate",
                CaseworkApi.today().toString(),
                "background",
                "留守儿童",
                "goals",
                "安全自护",
                "members",
                "10 名儿童",
                "plannedSessions",
                "5",
                "schedule",
                "每周二下午");
        long group = api.ok(
                        "demo_worker",
                        "POST",
                        "/api/v1/groups",
                        Map.of(
                                "stationId",
                                station,
                                "name",
                                "并发小组" + TestLogin.unique(),
                                "domain",
                                "CHILD",
                                "plan",
                                plan))
                .get("id")
                .asLong();
        String planUrl = "/api/v1/groups/" + group + "/forms/GROUP_PLAN";
        oneWinsOneConflicts(concurrently(
                () -> api.send("demo_worker", "PUT", planUrl, withVersion(with(plan, "goals", "甲"), 0)),
                () -> api.send("demo_head", "PUT", planUrl, withVersion(with(plan, "goals", "乙"), 0))));

        Map<String, String> unit = CaseworkApi.fields(
                "theme",
                "认识身体",
                "goals",
                "学会说不",
                "plannedDate",
                CaseworkApi.today().toString(),
                "activities",
                "绘本");
        String unitUrl = "/api/v1/groups/" + group + "/units/1";
        api.ok("demo_worker", "PUT", unitUrl, unit);
        oneWinsOneConflicts(concurrently(
                () -> api.send("demo_worker", "PUT", unitUrl, withVersion(with(unit, "theme", "甲"), 0)),
                () -> api.send("demo_head", "PUT", unitUrl, withVersion(with(unit, "theme", "乙"), 0))));

        Map<String, String> communityPlan = new LinkedHashMap<>();
        for (FieldSpec f : FormType.COMMUNITY_PLAN.fields()) {
            if (f.required()) {
                communityPlan.put(
                        f.key(),
                        switch (f.kind()) {
                            case DATE -> CaseworkApi.today().toString();
                            case SELECT -> f.options().get(0);
                            case NUMBER -> "5";
                            default -> "社区" + f.key();
                        });
            }
        }
        MockHttpServletResponse created = api.send(
                "demo_worker",
                "POST",
                "/api/v1/community-services",
                Map.of(
                        "stationId",
                        station,
                        "name",
                        "并发社区服务" + TestLogin.unique(),
                        "domain",
                        "ELDERLY",
                        "plan",
                        communityPlan));
        if (created.getStatus() == 201 || created.getStatus() == 200) {
            long cs = json.readTree(created.getContentAsString(StandardCharsets.UTF_8))
                    .get("id")
                    .asLong();
            String csUrl = "/api/v1/community-services/" + cs + "/forms/COMMUNITY_PLAN";
            oneWinsOneConflicts(concurrently(
                    () -> api.send("demo_worker", "PUT", csUrl, withVersion(communityPlan, 0)),
                    () -> api.send("demo_head", "PUT", csUrl, withVersion(communityPlan, 0))));
        } else {
            throw new AssertionError(
                    "community service not created: " + created.getContentAsString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void thePageFormCarriesTheVersionAndAStaleSaveKeepsWhatWasTyped() throws Exception {
        long id = api.openCase("demo_worker", "页面并发个案" + TestLogin.unique(), "女，80岁")
                .get("id")
                .asLong();
        api.saveForm("demo_worker", id, "ASSESSMENT", CaseworkApi.assessment());
        Cookie session = new TestLogin(mvc).login("demo_worker");
        String page = mvc.perform(get("/cases/" + id + "/forms/ASSESSMENT").cookie(session))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("name=\"f.version\"").contains("value=\"0\"");
        // someone else saves first
        api.send(
                "demo_head",
                "PUT",
                "/api/v1/cases/" + id + "/forms/ASSESSMENT",
                withVersion(with(CaseworkApi.assessment(), "needs", "站长先保存"), 0));
        var request = post("/cases/" + id + "/forms/ASSESSMENT")
                .cookie(session)
                .with(csrf())
                .param("f.version", "0");
        with(CaseworkApi.assessment(), "needs", "我正在输入的内容").forEach((k, v) -> request.param("f." + k, v));
        MockHttpServletResponse stale = mvc.perform(request).andReturn().getResponse();
        assertThat(stale.getStatus()).isEqualTo(409);
        String body = stale.getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("当前版本 1").contains("我正在输入的内容");
    }

    @Test
    void twoConcurrentProjectSavesGiveOne409() throws Exception {
        JsonNode projects = api.ok("demo_bureau", "GET", "/api/v1/projects", null);
        JsonNode p = api.ok(
                "demo_bureau",
                "GET",
                "/api/v1/projects/" + projects.get(0).get("id").asLong(),
                null);
        long version = p.get("version").asLong();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", p.get("name").asText());
        body.put("bureauId", p.get("bureauId").asLong());
        body.put("agencyId", p.get("agencyId").asLong());
        body.put("catalogId", p.get("catalogId").asLong());
        body.put("tier", p.get("tier").asText());
        body.put("startDate", p.get("startDate").asText());
        body.put("endDate", p.get("endDate").asText());
        List<Long> stations = new ArrayList<>();
        p.get("stationIds").forEach(s -> stations.add(s.asLong()));
        body.put("stationIds", stations);
        List<Long> items = new ArrayList<>();
        p.get("optionalItemIds").forEach(s -> items.add(s.asLong()));
        body.put("optionalItemIds", items);
        JsonNode policy = p.get("evidencePolicy");
        body.put("photoRequired", policy.get("photoRequired").asBoolean());
        body.put(
                "maxDistanceMeters",
                policy.get("maxDistanceMeters").isNull()
                        ? null
                        : policy.get("maxDistanceMeters").asInt());
        body.put("captureGraceDays", policy.get("captureGraceDays").asInt());
        body.put(
                "minGroupAttendees",
                policy.get("minGroupAttendees").isNull()
                        ? null
                        : policy.get("minGroupAttendees").asInt());
        body.put("signInRequiredIndoor", policy.get("signInRequiredIndoor").asBoolean());
        body.put("receiptsRequired", policy.get("receiptsRequired").asBoolean());
        String url = "/api/v1/projects/" + p.get("id").asLong() + "?version=" + version;
        List<MockHttpServletResponse> both = concurrently(
                () -> api.send("demo_bureau", "PUT", url, body), () -> api.send("demo_bureau", "PUT", url, body));
        List<Integer> statuses =
                both.stream().map(MockHttpServletResponse::getStatus).sorted().toList();
        assertThat(statuses).containsExactly(200, 409);
        MockHttpServletResponse lost =
                both.stream().filter(r -> r.getStatus() == 409).findFirst().orElseThrow();
        assertThat(lost.getContentAsString(StandardCharsets.UTF_8))
                .contains("当前版本 " + (version + 1))
                .contains("您提交的版本 " + version);
        // and without a version the API refuses to guess
        assertThat(api.send(
                                "demo_bureau",
                                "PUT",
                                "/api/v1/projects/" + p.get("id").asLong(),
                                body)
                        .getStatus())
                .isEqualTo(400);
    }
}
