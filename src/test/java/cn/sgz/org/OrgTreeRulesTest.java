package cn.sgz.org;

import static cn.sgz.org.DemoOrg.asLong;
import static cn.sgz.org.DemoOrg.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.sgz.SgzTest;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** The shape of the org tree, enforced over the API: parent types, one general station, no cycles, re-pathing. */
@SgzTest
class OrgTreeRulesTest {

    @Autowired
    MockMvc mvc;

    TestLogin login;
    DemoOrg demo;

    @BeforeEach
    void setUp() throws Exception {
        login = new TestLogin(mvc);
        demo = DemoOrg.load(login);
    }

    private static String body(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse create(String user, long parentId, String type, String name) throws Exception {
        return login.send(
                user,
                post("/api/v1/org-units"),
                "{\"parentId\":" + parentId + ",\"type\":\"" + type + "\",\"name\":\"" + name + "\"}");
    }

    private MockHttpServletResponse move(String user, long id, long parentId) throws Exception {
        return login.send(user, put("/api/v1/org-units/" + id + "/parent"), "{\"parentId\":" + parentId + "}");
    }

    private MockHttpServletResponse setActive(String user, long id, boolean active) throws Exception {
        return login.send(user, put("/api/v1/org-units/" + id + "/active"), "{\"active\":" + active + "}");
    }

    private Map<String, Object> unit(String user, long id) throws Exception {
        return JsonPath.read(login.getJson(user, "/api/v1/org-units/" + id, 200), "$");
    }

    /** A 400 whose details name exactly the given field; returns the message. */
    private static String fieldError(MockHttpServletResponse response, String field) throws Exception {
        assertThat(response.getStatus()).as(body(response)).isEqualTo(400);
        List<String> fields = JsonPath.read(body(response), "$.details[*].field");
        assertThat(fields).containsExactly(field);
        return JsonPath.read(body(response), "$.message");
    }

    private void assertNoUnitNamed(String name) throws Exception {
        assertThat(login.units("demo_city"))
                .noneSatisfy(u -> assertThat(u.get("name")).isEqualTo(name));
    }

    @Test
    void eachTypeGoesOnlyUnderItsParentType() throws Exception {
        String tag = TestLogin.unique();
        assertThat(fieldError(create("demo_bureau", demo.general.id(), "ROOM", "错位社工室" + tag), "parentId"))
                .contains("社工室只能建在")
                .contains("社工站之下");
        fieldError(create("demo_bureau", demo.county.id(), "ROOM", "错位社工室" + tag), "parentId");
        fieldError(create("demo_bureau", demo.s1.roomIds().get(0), "ROOM", "错位社工室" + tag), "parentId");
        fieldError(create("demo_bureau", demo.county.id(), "STATION", "错位社工站" + tag), "parentId");
        fieldError(create("demo_city", demo.city.id(), "GENERAL_STATION", "错位总站" + tag), "parentId");
        assertNoUnitNamed("错位社工室" + tag);
        assertNoUnitNamed("错位社工站" + tag);

        MockHttpServletResponse noParent =
                login.send("demo_bureau", post("/api/v1/org-units"), "{\"type\":\"ROOM\",\"name\":\"无上级" + tag + "\"}");
        fieldError(noParent, "parentId");
        // only an administrator may create a city bureau (a new root)
        MockHttpServletResponse root = login.send(
                "demo_city", post("/api/v1/org-units"), "{\"type\":\"CITY_BUREAU\",\"name\":\"新市" + tag + "\"}");
        assertThat(root.getStatus()).isEqualTo(403);

        // and the right parent type works
        Map<String, Object> station = login.createUnit("demo_bureau", demo.general.id(), "STATION", "规则站" + tag);
        Map<String, Object> room = login.createUnit("demo_bureau", id(station), "ROOM", "规则社工室" + tag);
        assertThat(station.get("path")).isEqualTo(demo.general.path() + id(station) + "/");
        assertThat(station.get("level")).isEqualTo(3);
        assertThat(room.get("path")).isEqualTo(station.get("path") + "" + id(room) + "/");
        assertThat(room.get("level")).isEqualTo(4);
        // moving a room under a general station breaks the same rule
        fieldError(move("demo_bureau", id(room), demo.general.id()), "parentId");
        // a unit cannot be placed under a room of its own type's wrong level either
        fieldError(move("demo_bureau", id(station), demo.s1.roomIds().get(0)), "parentId");
        assertThat(unit("demo_bureau", id(room)).get("path")).isEqualTo(room.get("path"));

        retire(id(room), id(station));
    }

    @Test
    void oneGeneralStationPerCounty() throws Exception {
        String tag = TestLogin.unique();
        String message = fieldError(create("demo_bureau", demo.county.id(), "GENERAL_STATION", "第二总站" + tag), "type");
        assertThat(message).contains("只能有一个");
        assertNoUnitNamed("第二总站" + tag);

        // a new county may have its own, but again only one
        long county = id(login.createUnit("demo_city", demo.city.id(), "COUNTY_BUREAU", "总站规则区" + tag));
        long general = id(login.createUnit("demo_city", county, "GENERAL_STATION", "总站规则区总站" + tag));
        fieldError(create("demo_city", county, "GENERAL_STATION", "总站规则区第二总站" + tag), "type");
        // nor may the existing general station of 九原区 be moved into that county
        fieldError(move("demo_city", demo.general.id(), county), "type");
        assertThat(asLong(unit("demo_city", demo.general.id()).get("parentId"))).isEqualTo(demo.county.id());

        // once the county's general station is deactivated, a replacement may be created, and the
        // old one cannot then be reactivated beside it
        assertThat(setActive("demo_city", general, false).getStatus()).isEqualTo(200);
        long replacement = id(login.createUnit("demo_city", county, "GENERAL_STATION", "总站规则区新总站" + tag));
        fieldError(setActive("demo_city", general, true), "type");
        retire(replacement, county);
    }

    @Test
    void aUnitCannotMoveUnderItselfOrItsDescendants() throws Exception {
        String tag = TestLogin.unique();
        long station = id(login.createUnit("demo_bureau", demo.general.id(), "STATION", "循环站" + tag));
        long room = id(login.createUnit("demo_bureau", station, "ROOM", "循环社工室" + tag));

        assertThat(fieldError(move("demo_bureau", station, room), "parentId")).contains("自身或其下级");
        assertThat(fieldError(move("demo_bureau", station, station), "parentId"))
                .contains("自身或其下级");
        assertThat(fieldError(move("demo_city", demo.county.id(), demo.general.id()), "parentId"))
                .contains("自身或其下级");
        assertThat(fieldError(move("demo_city", demo.general.id(), station), "parentId"))
                .contains("自身或其下级");

        Map<String, Object> after = unit("demo_bureau", station);
        assertThat(asLong(after.get("parentId"))).isEqualTo(demo.general.id());
        assertThat(after.get("path")).isEqualTo(demo.general.path() + station + "/");
        retire(room, station);
    }

    @Test
    void movingAStationRepathsItsWholeSubtree() throws Exception {
        String tag = TestLogin.unique();
        // a station with two rooms and a staff member in 九原区
        Map<String, Object> station = login.createUnit("demo_bureau", demo.general.id(), "STATION", "搬迁站" + tag);
        long stationId = id(station);
        long room1 = id(login.createUnit("demo_bureau", stationId, "ROOM", "搬迁社工室一" + tag));
        long room2 = id(login.createUnit("demo_bureau", stationId, "ROOM", "搬迁社工室二" + tag));
        long person = id(login.createStaff("demo_bureau", stationId, "搬迁人员" + tag));
        // a second county with its own general station, set up by the city
        long county = id(login.createUnit("demo_city", demo.city.id(), "COUNTY_BUREAU", "搬入区民政局" + tag));
        Map<String, Object> general = login.createUnit("demo_city", county, "GENERAL_STATION", "搬入区总站" + tag);
        String generalPath = (String) general.get("path");

        // the bureau of 九原区 cannot move its station into a county it does not govern
        assertThat(move("demo_bureau", stationId, id(general)).getStatus()).isEqualTo(404);

        MockHttpServletResponse moved = move("demo_city", stationId, id(general));
        assertThat(moved.getStatus()).as(body(moved)).isEqualTo(200);
        String newPath = generalPath + stationId + "/";
        assertThat((String) JsonPath.read(body(moved), "$.path")).isEqualTo(newPath);
        assertThat((Integer) JsonPath.read(body(moved), "$.level")).isEqualTo(3);
        assertThat(asLong(JsonPath.read(body(moved), "$.parentId"))).isEqualTo(id(general));

        for (long room : List.of(room1, room2)) {
            Map<String, Object> r = unit("demo_city", room);
            assertThat(r.get("path")).isEqualTo(newPath + room + "/");
            assertThat(r.get("level")).isEqualTo(4);
            assertThat(asLong(r.get("parentId"))).isEqualTo(stationId);
        }
        // nothing else moved: the demo stations' rooms keep their paths
        for (DemoOrg.Station s : demo.stations()) {
            for (long room : s.roomIds()) {
                assertThat((String) unit("demo_city", room).get("path")).startsWith(s.path());
            }
        }
        // every unit's path is its parent's path plus its own id, across the whole tree
        Map<Long, Map<String, Object>> byId = new java.util.HashMap<>();
        login.units("demo_city").forEach(u -> byId.put(id(u), u));
        byId.values().stream().filter(u -> u.get("parentId") != null).forEach(u -> {
            Map<String, Object> parent = byId.get(asLong(u.get("parentId")));
            assertThat(u.get("path")).isEqualTo(parent.get("path") + "" + id(u) + "/");
            assertThat((Integer) u.get("level")).isEqualTo((Integer) parent.get("level") + 1);
        });

        // scope follows the new paths at once: 九原区 no longer sees the station, its rooms or its staff
        login.getJson("demo_bureau", "/api/v1/org-units/" + stationId, 404);
        login.getJson("demo_bureau", "/api/v1/org-units/" + room1, 404);
        login.getJson("demo_bureau", "/api/v1/staff/" + person, 404);
        assertThat(login.units("demo_bureau")).extracting(DemoOrg::id).doesNotContain(stationId, room1, room2);
        // an officer of the new county does
        String officer = "move_bureau_" + tag;
        String password = "Move-county-" + tag + "-pw";
        login.createUser("demo_city", officer, password, "BUREAU_OFFICER", county, null);
        String token = login.issueToken(login.login(officer, password), "move");
        assertThat(login.units(token)).extracting(DemoOrg::id).contains(stationId, room1, room2);
        login.getJson(token, "/api/v1/staff/" + person, 200);
    }

    @Test
    void aUnitWithActiveChildrenCannotBeDeactivated() throws Exception {
        String tag = TestLogin.unique();
        long station = id(login.createUnit("demo_bureau", demo.general.id(), "STATION", "停用站" + tag));
        long room = id(login.createUnit("demo_bureau", station, "ROOM", "停用社工室" + tag));

        MockHttpServletResponse refused = setActive("demo_bureau", station, false);
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat((String) JsonPath.read(body(refused), "$.code")).isEqualTo("HAS_ACTIVE_CHILDREN");
        assertThat((String) JsonPath.read(body(refused), "$.message")).contains("下级");
        assertThat(unit("demo_bureau", station).get("active")).isEqualTo(true);
        // the demo general station with its three stations neither
        assertThat(setActive("demo_city", demo.general.id(), false).getStatus()).isEqualTo(400);

        assertThat(setActive("demo_bureau", room, false).getStatus()).isEqualTo(200);
        assertThat(setActive("demo_bureau", station, false).getStatus()).isEqualTo(200);
        assertThat(unit("demo_bureau", station).get("active")).isEqualTo(false);
        // an inactive unit takes no children and its children cannot come back on their own
        fieldError(create("demo_bureau", station, "ROOM", "停用后新建" + tag), "parentId");
        fieldError(setActive("demo_bureau", room, true), "parentId");
        assertThat(setActive("demo_bureau", station, true).getStatus()).isEqualTo(200);
        assertThat(setActive("demo_bureau", room, true).getStatus()).isEqualTo(200);
        retire(room, station);
    }

    @Test
    void namesAreUniqueAmongSiblingsAndVersionsGuardRenames() throws Exception {
        String tag = TestLogin.unique();
        fieldError(create("demo_bureau", demo.general.id(), "STATION", DemoOrg.STATION_1), "name");
        long station = id(login.createUnit("demo_bureau", demo.general.id(), "STATION", "改名站" + tag));
        fieldError(
                login.send(
                        "demo_bureau",
                        put("/api/v1/org-units/" + station + "/name"),
                        "{\"name\":\"" + DemoOrg.STATION_2 + "\"}"),
                "name");

        long version = ((Number) unit("demo_bureau", station).get("version")).longValue();
        MockHttpServletResponse renamed = login.send(
                "demo_bureau",
                put("/api/v1/org-units/" + station + "/name"),
                "{\"name\":\"改名站新" + tag + "\",\"version\":" + version + "}");
        assertThat(renamed.getStatus()).as(body(renamed)).isEqualTo(200);
        MockHttpServletResponse stale = login.send(
                "demo_bureau",
                put("/api/v1/org-units/" + station + "/name"),
                "{\"name\":\"改名站旧版本" + tag + "\",\"version\":" + version + "}");
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat((String) JsonPath.read(body(stale), "$.code")).isEqualTo("CONFLICT");
        assertThat(unit("demo_bureau", station).get("name")).isEqualTo("改名站新" + tag);

        // a bureau officer cannot rename or move the bureau they belong to
        assertThat(login.send(
                                "demo_bureau",
                                put("/api/v1/org-units/" + demo.county.id() + "/name"),
                                "{\"name\":\"自改\"}")
                        .getStatus())
                .isEqualTo(403);
        assertThat(unit("demo_bureau", demo.county.id()).get("name")).isEqualTo(DemoOrg.COUNTY);
        retire(station);
    }

    @Test
    void theOrgPageShowsRuleViolationsInChinese() throws Exception {
        String tag = TestLogin.unique();
        MockHttpServletResponse page = mvc.perform(post("/org")
                        .cookie(login.login("demo_bureau"))
                        .with(csrf())
                        .param("parentId", String.valueOf(demo.general.id()))
                        .param("type", "ROOM")
                        .param("name", "页面错位社工室" + tag))
                .andReturn()
                .getResponse();
        assertThat(page.getStatus()).isEqualTo(400);
        assertThat(body(page)).contains("社工室只能建在").contains(DemoOrg.GENERAL);
        assertNoUnitNamed("页面错位社工室" + tag);
    }

    /** Deactivates test units (children first) so they do not crowd other tests' pages. */
    private void retire(long... ids) throws Exception {
        for (long id : ids) {
            assertThat(setActive("demo_city", id, false).getStatus()).isEqualTo(200);
        }
    }
}
