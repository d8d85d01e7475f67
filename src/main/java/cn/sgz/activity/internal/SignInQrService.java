package cn.sgz.activity.internal;

import cn.sgz.activity.ServiceRecordService;
import cn.sgz.activity.ServiceRecordView;
import cn.sgz.activity.SignInEntryView;
import cn.sgz.org.OrgDirectory;
import cn.sgz.org.ScopeService;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.BusinessException.FieldProblem;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.ConflictException;
import cn.sgz.shared.ForbiddenException;
import cn.sgz.shared.NotFoundException;
import cn.sgz.shared.PhoneNumbers;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 扫码签到: QR sign-in sessions on a service record. The worker side (open, close, read) is scope-checked
 * like the record itself; the public side is reached only through the session's random token and shows
 * nothing but the activity's title, date and station. Each accepted sign-in is a line of the record's
 * sign-in sheet (source {@code QR}), after which the record is qualified again.
 */
@Service
public class SignInQrService {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Thrown for a session that was closed or has expired (410 Gone). */
    static class SessionGone extends RuntimeException {
        SessionGone(String message) {
            super(message);
        }
    }

    /** A QR session as the worker and the API see it. */
    public record QrSession(
            long id,
            long recordId,
            String token,
            OffsetDateTime expiresAt,
            OffsetDateTime closedAt,
            String closedBy,
            String createdBy,
            OffsetDateTime createdAt,
            long version) {

        public boolean open() {
            return closedAt == null && ChinaTime.offsetNow().isBefore(expiresAt);
        }
    }

    /** What the public page may show: the activity's title, date and station name, nothing else. */
    public record PublicActivity(String title, LocalDate serviceDate, String stationName) {}

    /** Outcome of a public sign-in: {@code already} when this phone had signed in before. */
    public record SignInResult(String name, boolean already) {}

    private final JdbcClient jdbc;
    private final ServiceRecordService records;
    private final RecordStore store;
    private final ScopeService scopes;
    private final OrgDirectory directory;
    private final ApplicationEventPublisher events;
    private final int ipPerHour;

    SignInQrService(
            JdbcClient jdbc,
            ServiceRecordService records,
            RecordStore store,
            ScopeService scopes,
            OrgDirectory directory,
            ApplicationEventPublisher events,
            @Value("${sgz.sign-in-qr.ip-per-hour:60}") int ipPerHour) {
        this.jdbc = jdbc;
        this.records = records;
        this.store = store;
        this.scopes = scopes;
        this.directory = directory;
        this.events = events;
        this.ipPerHour = ipPerHour;
    }

    // ------------------------------------------------------------------ worker side

    /** The record's latest session (open or not), or empty; 404 outside the caller's scope. */
    @Transactional(readOnly = true)
    public Optional<QrSession> current(long recordId) {
        records.get(recordId);
        return latest(recordId);
    }

    /**
     * Opens a session (or answers the one already open). It expires at the end of the day after the service
     * day; a record whose day is longer past than that cannot be opened any more.
     */
    @Transactional
    public QrSession open(long recordId) {
        ServiceRecordView r = writable(recordId);
        Optional<QrSession> live = latest(recordId).filter(QrSession::open);
        if (live.isPresent()) {
            return live.get();
        }
        OffsetDateTime expires =
                r.serviceDate().plusDays(2).atStartOfDay(ChinaTime.ZONE).toOffsetDateTime();
        if (!ChinaTime.offsetNow().isBefore(expires)) {
            throw BusinessException.field("serviceDate", "服务日期已过去一天以上，不能再开启扫码签到；请在签到表中手工补录");
        }
        String token = newToken();
        jdbc.sql("INSERT INTO sign_in_qr_session (record_id, token, expires_at, created_by, created_at)"
                        + " VALUES (?,?,?,?,?)")
                .params(recordId, token, expires, scopes.currentUser().username(), ChinaTime.offsetNow())
                .update();
        events.publishEvent(AuditEvent.success(
                "SIGN_IN_QR_OPEN", "SERVICE_RECORD", recordId, r.orgPath(), "扫码签到开启，有效至 " + expires));
        return latest(recordId).orElseThrow();
    }

    /** Closes the open session; {@code expectedVersion} must be the version read (409 otherwise). */
    @Transactional
    public QrSession close(long recordId, Long expectedVersion) {
        ServiceRecordView r = writable(recordId);
        QrSession s =
                latest(recordId).filter(x -> x.closedAt() == null).orElseThrow(() -> new NotFoundException("进行中的扫码签到"));
        if (expectedVersion == null) {
            throw BusinessException.field("version", "请提供读取时的版本号 version");
        }
        int n = jdbc.sql("UPDATE sign_in_qr_session SET closed_at = ?, closed_by = ?, version = version + 1"
                        + " WHERE id = ? AND version = ? AND closed_at IS NULL")
                .params(ChinaTime.offsetNow(), scopes.currentUser().username(), s.id(), expectedVersion)
                .update();
        if (n != 1) {
            throw new ConflictException("扫码签到已被他人修改或关闭，请刷新后重试");
        }
        events.publishEvent(AuditEvent.success("SIGN_IN_QR_CLOSE", "SERVICE_RECORD", recordId, r.orgPath(), "扫码签到关闭"));
        return latest(recordId).orElseThrow();
    }

    private ServiceRecordView writable(long recordId) {
        ServiceRecordView r = records.get(recordId);
        if (!records.canWrite()) {
            throw new ForbiddenException("当前角色只能查看服务记录，不能开启或关闭扫码签到");
        }
        if (r.voided()) {
            throw new ConflictException("该记录已作废，不能再签到");
        }
        return r;
    }

    private Optional<QrSession> latest(long recordId) {
        return jdbc.sql("SELECT * FROM sign_in_qr_session WHERE record_id = ? ORDER BY id DESC LIMIT 1")
                .param(recordId)
                .query(SignInQrService::row)
                .optional();
    }

    private static QrSession row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new QrSession(
                rs.getLong("id"),
                rs.getLong("record_id"),
                rs.getString("token"),
                rs.getObject("expires_at", OffsetDateTime.class),
                rs.getObject("closed_at", OffsetDateTime.class),
                rs.getString("closed_by"),
                rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getLong("version"));
    }

    /** 128 random bits, URL-safe: 22 characters. */
    static String newToken() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    // ------------------------------------------------------------------ public side

    private QrSession live(String token) {
        if (token == null || token.length() > 40) {
            throw new NotFoundException("签到码");
        }
        QrSession s = jdbc.sql("SELECT * FROM sign_in_qr_session WHERE token = ?")
                .param(token)
                .query(SignInQrService::row)
                .optional()
                .orElseThrow(() -> new NotFoundException("签到码"));
        if (s.closedAt() != null) {
            throw new SessionGone("本次活动的扫码签到已由社工关闭，如需签到请联系现场社工");
        }
        if (!ChinaTime.offsetNow().isBefore(s.expiresAt())) {
            throw new SessionGone("本次活动的扫码签到已过期，如需签到请联系现场社工");
        }
        ServiceRecordView r = store.find(s.recordId()).orElseThrow(() -> new NotFoundException("签到码"));
        if (r.voided()) {
            throw new SessionGone("本次活动已取消，无法签到");
        }
        return s;
    }

    @Transactional(readOnly = true)
    public PublicActivity activity(String token) {
        ServiceRecordView r = store.find(live(token).recordId()).orElseThrow();
        String station = directory.unitNames(List.of(r.stationId())).getOrDefault(r.stationId(), "社工站");
        return new PublicActivity(r.title(), r.serviceDate(), station);
    }

    /**
     * Signs a resident in (or a family member, {@code forFamily}, with the signer's phone). One line per phone
     * per activity (per phone and name for family members): a repeat answers "已签到" and writes nothing.
     */
    @Transactional
    public SignInResult signIn(String token, String name, String phone, boolean forFamily, String ip) {
        QrSession s = live(token);
        String key = ip == null ? "?" : ip;
        checkRate(key);
        List<FieldProblem> problems = new ArrayList<>();
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            problems.add(new FieldProblem("name", forFamily ? "请填写家人的姓名" : "请填写您的姓名"));
        } else if (n.length() > 50) {
            problems.add(new FieldProblem("name", "姓名不能超过50个字"));
        }
        String p = phone == null ? "" : phone.strip().replace(" ", "").replace("+86", "");
        if (p.isEmpty()) {
            problems.add(new FieldProblem("phone", forFamily ? "请填写您本人的电话" : "请填写您的电话"));
        } else if (!PhoneNumbers.isValid(p)) {
            problems.add(new FieldProblem("phone", "电话号码格式不正确：应为11位手机号或带区号的固定电话"));
        }
        if (!problems.isEmpty()) {
            throw new BusinessException("VALIDATION", problems.get(0).message(), problems);
        }
        List<SignInEntryView> lines = store.signIns(s.recordId());
        String digits = p.replace("-", "");
        for (SignInEntryView e : lines) {
            boolean samePhone = e.phone() != null && e.phone().replace("-", "").equals(digits);
            if (samePhone && (forFamily ? e.proxy() && e.name().equals(n) : !e.proxy())) {
                return new SignInResult(e.name(), true);
            }
        }
        hitRate(key);
        long entry = store.insertSignIn(s.recordId(), n, p, null, SignInEntryView.QR, forFamily);
        records.recompute(s.recordId());
        ServiceRecordView r = store.find(s.recordId()).orElseThrow();
        events.publishEvent(new AuditEvent(
                "扫码签到",
                "SIGN_IN_QR_ENTRY",
                "SERVICE_RECORD",
                String.valueOf(s.recordId()),
                r.orgPath(),
                "SUCCESS",
                "签到 #" + entry + (forFamily ? "（代家人签到）" : "")));
        return new SignInResult(n, false);
    }

    // ------------------------------------------------------------------ rate limit (per network, per hour)

    private OffsetDateTime window() {
        long now = ChinaTime.now().getEpochSecond();
        return OffsetDateTime.ofInstant(
                java.time.Instant.ofEpochSecond(now - Math.floorMod(now, 3600L)), ChinaTime.ZONE);
    }

    private int hits(String bucket, OffsetDateTime window) {
        return jdbc.sql("SELECT hits FROM sign_in_rate_counter WHERE bucket = ? AND window_start = ?")
                .params(bucket, window)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    private BusinessException limited() {
        return new BusinessException("RATE_LIMITED", "提交太频繁：同一网络每小时最多签到 " + ipPerHour + " 人次，请稍后再试或请现场社工代为登记");
    }

    private void checkRate(String ip) {
        if (hits("ip-h:" + ip, window()) >= ipPerHour) {
            throw limited();
        }
    }

    private void hitRate(String ip) {
        String bucket = "ip-h:" + ip;
        OffsetDateTime w = window();
        jdbc.sql(
                        "INSERT INTO sign_in_rate_counter (bucket, window_start, hits) VALUES (?, ?, 0) ON CONFLICT DO NOTHING")
                .params(bucket, w)
                .update();
        jdbc.sql("UPDATE sign_in_rate_counter SET hits = hits + 1 WHERE bucket = ? AND window_start = ?")
                .params(bucket, w)
                .update();
        if (hits(bucket, w) > ipPerHour) {
            throw limited();
        }
    }
}
