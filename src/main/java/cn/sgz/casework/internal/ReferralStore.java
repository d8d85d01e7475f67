package cn.sgz.casework.internal;

import cn.sgz.casework.internal.CaseworkInputs.NewReferral;
import cn.sgz.shared.ChinaTime;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of cw_referral. */
@Repository
public class ReferralStore {

    private final JdbcClient jdbc;

    ReferralStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long caseId, long stationId, String orgPath, NewReferral r, String user) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO cw_referral (case_id, station_id, org_path, organisation, resource, reason, contact, "
                        + "referred_on, status, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)")
                .params(
                        caseId,
                        stationId,
                        orgPath,
                        r.organisation().strip(),
                        blank(r.resource()),
                        r.reason().strip(),
                        blank(r.contact()),
                        r.referredOn(),
                        ReferralStatus.REFERRED.name(),
                        user,
                        ChinaTime.offsetNow())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public List<ReferralView> of(long caseId) {
        return jdbc.sql("SELECT * FROM cw_referral WHERE case_id = ? ORDER BY id")
                .param(caseId)
                .query((rs, n) -> new ReferralView(
                        rs.getLong("id"),
                        rs.getLong("case_id"),
                        rs.getString("organisation"),
                        rs.getString("resource"),
                        rs.getString("reason"),
                        rs.getString("contact"),
                        rs.getObject("referred_on", LocalDate.class),
                        ReferralStatus.valueOf(rs.getString("status")),
                        rs.getString("follow_up"),
                        rs.getObject("followed_on", LocalDate.class),
                        rs.getString("created_by")))
                .list();
    }

    public Optional<ReferralView> find(long caseId, long id) {
        return of(caseId).stream().filter(r -> r.id() == id).findFirst();
    }

    public void followUp(long id, ReferralStatus status, String note, LocalDate on) {
        jdbc.sql("UPDATE cw_referral SET status = ?, follow_up = ?, followed_on = ? WHERE id = ?")
                .params(status.name(), note, on, id)
                .update();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
