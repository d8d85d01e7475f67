package cn.sgz.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Ids and names of the demo org tree (DemoOrgData), looked up over the API as demo_city so that
 * tests never hard-code database ids.
 */
public final class DemoOrg {

    public static final String CITY = "包头市民政局";
    public static final String COUNTY = "九原区民政局";
    public static final String GENERAL = "九原区社会工作服务总站";
    public static final String STATION_1 = "沙河街道社工站";
    public static final String STATION_2 = "萨如拉街道社工站";
    public static final String STATION_3 = "赛罕街道社工站";
    public static final String AGENCY = "包头市九原区启航社会工作服务中心";

    public final Station city;
    public final Station county;
    public final Station general;
    public final Station s1;
    public final Station s2;
    public final Station s3;

    /** An org unit with its rooms (children) and staff names, as the demo data created them. */
    public record Station(
            long id,
            String name,
            String path,
            List<Long> roomIds,
            List<String> roomNames,
            List<Long> staffIds,
            List<String> staffNames) {}

    private DemoOrg(List<Map<String, Object>> units, List<Map<String, Object>> staff) {
        city = station(units, staff, CITY);
        county = station(units, staff, COUNTY);
        general = station(units, staff, GENERAL);
        s1 = station(units, staff, STATION_1);
        s2 = station(units, staff, STATION_2);
        s3 = station(units, staff, STATION_3);
    }

    public static DemoOrg load(TestLogin login) throws Exception {
        return new DemoOrg(login.units("demo_city"), login.staff("demo_bureau"));
    }

    public List<Station> stations() {
        return List.of(s1, s2, s3);
    }

    private static Station station(List<Map<String, Object>> units, List<Map<String, Object>> staff, String name) {
        Map<String, Object> unit = units.stream()
                .filter(u -> name.equals(u.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("demo unit missing: " + name));
        long id = id(unit);
        List<Map<String, Object>> rooms = units.stream()
                .filter(u -> "ROOM".equals(u.get("type")) && Objects.equals(asLong(u.get("parentId")), id))
                .toList();
        List<Map<String, Object>> people =
                staff.stream().filter(s -> asLong(s.get("stationId")) == id).toList();
        if ("STATION".equals(unit.get("type"))) {
            assertThat(rooms).as("rooms of %s", name).hasSizeGreaterThanOrEqualTo(2);
            assertThat(people).as("staff of %s", name).hasSizeGreaterThanOrEqualTo(2);
        }
        return new Station(
                id,
                name,
                (String) unit.get("path"),
                rooms.stream().map(DemoOrg::id).toList(),
                rooms.stream().map(r -> (String) r.get("name")).toList(),
                people.stream().map(DemoOrg::id).toList(),
                people.stream().map(s -> (String) s.get("name")).toList());
    }

    public static long id(Map<String, Object> json) {
        return asLong(json.get("id"));
    }

    public static Long asLong(Object number) {
        return number == null ? null : ((Number) number).longValue();
    }
}
