package cn.sgz.recipient;

import cn.sgz.catalog.Project;
import cn.sgz.catalog.ProjectQueries;
import cn.sgz.org.OrgDirectory;
import cn.sgz.org.OrgUnitType;
import cn.sgz.org.OrgUnitView;
import cn.sgz.org.Scope;
import cn.sgz.org.ScopeService;
import cn.sgz.shared.ChinaTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People on the ledgers still owed a home assessment (入户需求评估) in the current contract period: the people a
 * coverage indicator (入户评估覆盖率) misses. Per station the period starts with the earliest project covering the
 * station today (a year ago when none does); a person is owed one when never assessed or last assessed before it.
 */
@Service
public class AssessmentReminders {

    /** One person owed an assessment. */
    public record Owed(
            long recipientId, String name, String orgUnitName, LocalDate lastAssessedOn, LocalDate periodStart) {}

    /** The first {@code limit} people (longest-waiting first) and how many there are in all. */
    public record OwedList(List<Owed> people, long total) {}

    private final JdbcClient jdbc;
    private final ScopeService scopes;
    private final OrgDirectory directory;
    private final ProjectQueries projects;

    AssessmentReminders(JdbcClient jdbc, ScopeService scopes, OrgDirectory directory, ProjectQueries projects) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.directory = directory;
        this.projects = projects;
    }

    /** Empty for roles that do no station work (they do not visit people). */
    @Transactional(readOnly = true)
    public OwedList owed(int limit) {
        if (!scopes.currentUser().role().doesStationWork()) {
            return new OwedList(List.of(), 0);
        }
        LocalDate today = ChinaTime.today();
        Scope scope = scopes.current();
        List<Project> visible = projects.visible();
        List<Owed> out = new ArrayList<>();
        long total = 0;
        for (OrgUnitView station : directory.visibleUnits(OrgUnitType.STATION)) {
            LocalDate start = visible.stream()
                    .filter(p -> p.stationIds().contains(station.id()))
                    .filter(p -> !p.startDate().isAfter(today) && !p.endDate().isBefore(today))
                    .map(Project::startDate)
                    .min(LocalDate::compareTo)
                    .orElse(today.minusYears(1));
            List<Object> params = new ArrayList<>(scope.likePatterns());
            params.add(station.id());
            params.add(start);
            String where = " FROM recipient r WHERE " + scope.sqlCondition("r.org_path")
                    + " AND r.station_id = ? AND r.status = 'ACTIVE' AND r.merged_into_id IS NULL"
                    + " AND (r.last_assessed_on IS NULL OR r.last_assessed_on < ?)";
            total += jdbc.sql("SELECT COUNT(*)" + where)
                    .params(params)
                    .query(Long.class)
                    .single();
            int room = Math.max(0, limit - out.size());
            if (room == 0) {
                continue;
            }
            List<Object[]> rows = jdbc.sql("SELECT r.id, r.name, r.org_unit_id, r.last_assessed_on" + where
                            + " ORDER BY r.last_assessed_on NULLS FIRST, r.created_at, r.id LIMIT " + room)
                    .params(params)
                    .query((rs, i) -> new Object[] {
                        rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getObject(4, LocalDate.class)
                    })
                    .list();
            Map<Long, String> units = directory.unitNames(
                    rows.stream().map(r -> (Long) r[2]).distinct().toList());
            for (Object[] r : rows) {
                out.add(new Owed((Long) r[0], (String) r[1], units.get((Long) r[2]), (LocalDate) r[3], start));
            }
        }
        return new OwedList(out, total);
    }
}
