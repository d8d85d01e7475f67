package cn.sgz.community.internal;

import cn.sgz.org.OrgUnitView;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.ChinaTime;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 建设成果: stations the station helped build (协助建设的社工站) and its service brands (社工站服务品牌), the
 * things the catalogs' ASSISTED_STATION and SERVICE_BRAND counts look at. Scoped like every station record.
 */
@Service
public class AchievementService {

    public record AchievementForm(
            Long stationId, AchievementKind kind, String name, LocalDate achievedOn, String description) {}

    public record AchievementView(
            long id,
            long stationId,
            AchievementKind kind,
            String kindLabel,
            String name,
            LocalDate achievedOn,
            String description) {}

    private final JdbcClient jdbc;
    private final CommunityAccess access;
    private final ApplicationEventPublisher events;

    AchievementService(JdbcClient jdbc, CommunityAccess access, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<AchievementView> list(long stationId) {
        access.station(stationId);
        return jdbc.sql("SELECT * FROM community_achievement WHERE station_id = ? ORDER BY achieved_on DESC, id DESC")
                .param(stationId)
                .query((rs, n) -> {
                    AchievementKind kind = AchievementKind.valueOf(rs.getString("kind"));
                    return new AchievementView(
                            rs.getLong("id"),
                            rs.getLong("station_id"),
                            kind,
                            kind.label(),
                            rs.getString("name"),
                            rs.getObject("achieved_on", LocalDate.class),
                            rs.getString("description"));
                })
                .list();
    }

    @Transactional
    public AchievementView create(AchievementForm form) {
        access.requireWriter();
        AchievementForm f = form == null ? new AchievementForm(null, null, null, null, null) : form;
        OrgUnitView station = access.station(f.stationId());
        Checks c = new Checks();
        AchievementKind kind = c.required(f.kind(), "kind", "成果类型");
        String name = c.text(f.name(), "name", "名称", 100, true);
        LocalDate on = c.pastDate(f.achievedOn(), "achievedOn", "建成日期", true);
        String description = c.text(f.description(), "description", "说明", 2000, false);
        if (kind != null
                && name != null
                && jdbc.sql("SELECT COUNT(*) FROM community_achievement WHERE station_id = ? "
                                        + "AND kind = ? AND name = ?")
                                .params(station.id(), kind.name(), name)
                                .query(Long.class)
                                .single()
                        > 0) {
            c.add("name", "名称：本站已登记同名的" + kind.label());
        }
        c.throwIfAny();
        long id = Sql.insert(
                jdbc,
                "INSERT INTO community_achievement (station_id, org_path, kind, name, achieved_on, "
                        + "description, created_by, created_at) VALUES (?,?,?,?,?,?,?,?)",
                station.id(),
                station.path(),
                kind.name(),
                name,
                on,
                description,
                access.me().username(),
                ChinaTime.offsetNow());
        events.publishEvent(AuditEvent.success(
                "ACHIEVEMENT_CREATE", "COMMUNITY_ACHIEVEMENT", id, station.path(), kind.label() + " " + name));
        return list(station.id()).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
    }
}
