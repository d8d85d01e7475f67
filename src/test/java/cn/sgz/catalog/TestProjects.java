package cn.sgz.catalog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Projects that tests add beside the demo's: more projects over the same stations and catalog items. */
public final class TestProjects {

    private TestProjects() {}

    /** A running project like {@code project}, on the same stations and items, named {@code name}; its id. */
    public static long copyOf(JdbcClient jdbc, long project, String name) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO project (name, bureau_id, agency_id, catalog_id, tier_code, start_date, end_date, "
                        + "photo_required, max_distance_m, capture_grace_days, min_group_attendees, "
                        + "sign_in_required_indoor, receipts_required, created_at, created_by, version) "
                        + "SELECT ?, bureau_id, agency_id, catalog_id, tier_code, start_date, end_date, photo_required, "
                        + "max_distance_m, capture_grace_days, min_group_attendees, sign_in_required_indoor, "
                        + "receipts_required, created_at, created_by, 0 FROM project WHERE id = ?")
                .params(name, project)
                .update(key, "id");
        long id = key.getKey().longValue();
        jdbc.sql("INSERT INTO project_station (project_id, station_id) SELECT ?, station_id FROM project_station "
                        + "WHERE project_id = ?")
                .params(id, project)
                .update();
        jdbc.sql(
                        "INSERT INTO project_item (project_id, item_id) SELECT ?, item_id FROM project_item WHERE project_id = ?")
                .params(id, project)
                .update();
        return id;
    }
}
