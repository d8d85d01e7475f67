package cn.sgz.feedback;

import cn.sgz.org.Scope;
import cn.sgz.org.ScopeService;
import cn.sgz.shared.BusinessException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Satisfaction questionnaire results per station, for the evaluation module and bulletins: how many
 * residents answered between two dates (inclusive) and the mean of all their five-point scores. Answers
 * are anonymous, so only aggregates leave this module. When someone is signed in, stations outside their
 * scope are answered as if nobody had responded; background callers (no user) get every station asked for.
 */
@Service
public class SatisfactionResults {

    private final JdbcClient jdbc;
    private final ScopeService scopes;

    SatisfactionResults(JdbcClient jdbc, ScopeService scopes) {
        this.jdbc = jdbc;
        this.scopes = scopes;
    }

    /** One entry per requested station, in the order asked (0 responses and 0.0 when none). */
    @Transactional(readOnly = true)
    public List<StationSatisfaction> byStation(Collection<Long> stationIds, LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw BusinessException.field("from", "开始日期不能晚于结束日期");
        }
        List<Long> ids =
                stationIds == null ? List.of() : stationIds.stream().distinct().toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Optional<Scope> scope = scopes.findCurrentUser().map(u -> scopes.current());
        StringBuilder sql = new StringBuilder("SELECT r.station_id, r.station_path, COUNT(DISTINCT r.id) AS responses, "
                + "AVG(CAST(a.score AS DOUBLE PRECISION)) AS average FROM survey_response r "
                + "JOIN survey_answer a ON a.response_id = r.id WHERE r.station_id IN (:ids)");
        Map<String, Object> params = new HashMap<>();
        params.put("ids", ids);
        if (from != null) {
            sql.append(" AND r.submitted_on >= :from");
            params.put("from", from);
        }
        if (to != null) {
            sql.append(" AND r.submitted_on <= :to");
            params.put("to", to);
        }
        sql.append(" GROUP BY r.station_id, r.station_path");
        Map<Long, StationSatisfaction> found = new HashMap<>();
        jdbc.sql(sql.toString()).params(params).query(rs -> {
            long station = rs.getLong("station_id");
            if (scope.isPresent() && !scope.get().covers(rs.getString("station_path"))) {
                return;
            }
            found.merge(
                    station,
                    new StationSatisfaction(
                            station, rs.getInt("responses"), Math.round(rs.getDouble("average") * 100) / 100.0),
                    (a, b) -> new StationSatisfaction(
                            station,
                            a.responses() + b.responses(),
                            Math.round((a.averageOutOf5() * a.responses() + b.averageOutOf5() * b.responses())
                                            / (a.responses() + b.responses())
                                            * 100)
                                    / 100.0));
        });
        List<StationSatisfaction> out = new ArrayList<>();
        for (Long id : ids) {
            out.add(found.getOrDefault(id, new StationSatisfaction(id, 0, 0.0)));
        }
        return out;
    }
}
