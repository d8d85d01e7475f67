package cn.sgz.feedback.internal;

import cn.sgz.evidence.FileStore;
import cn.sgz.feedback.CaseStatus;
import cn.sgz.feedback.FeedbackKind;
import cn.sgz.feedback.internal.PhotoSanitizer.CleanPhoto;
import cn.sgz.feedback.internal.PublicDirectory.PublicStation;
import cn.sgz.feedback.internal.RateLimiter.Limit;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.NotFoundException;
import cn.sgz.shared.PhoneNumbers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * Everything the public (no account) does: send a case, answer a questionnaire, look a case up. Every
 * check — fields, challenge, rate limits, photos — runs before anything is written; the accepted
 * submission is then written in one transaction (case, photos, counters, used challenge), so a rejected
 * one leaves no trace. Nothing returned here names a person.
 */
@Service
class PublicFeedbackService {

    private final PublicDirectory directory;
    private final FeedbackSettings settings;
    private final Challenges challenges;
    private final RateLimiter limiter;
    private final PhotoSanitizer photos;
    private final CaseRows cases;
    private final FileStore files;
    private final FeedbackSecret secret;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Limit ipHour;
    private final Limit ipDay;
    private final Limit phoneDay;
    private final Limit surveyIpHour;
    private final Limit trackIpHour;

    PublicFeedbackService(
            PublicDirectory directory,
            FeedbackSettings settings,
            Challenges challenges,
            RateLimiter limiter,
            PhotoSanitizer photos,
            CaseRows cases,
            FileStore files,
            FeedbackSecret secret,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            @Value("${sgz.feedback.limit.ip-per-hour:5}") int ipPerHour,
            @Value("${sgz.feedback.limit.ip-per-day:20}") int ipPerDay,
            @Value("${sgz.feedback.limit.phone-per-day:3}") int phonePerDay,
            @Value("${sgz.feedback.limit.survey-ip-per-hour:10}") int surveyPerHour,
            @Value("${sgz.feedback.limit.track-failures-per-hour:10}") int trackPerHour) {
        this.directory = directory;
        this.settings = settings;
        this.challenges = challenges;
        this.limiter = limiter;
        this.photos = photos;
        this.cases = cases;
        this.files = files;
        this.secret = secret;
        this.jdbc = jdbc;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.ipHour =
                new Limit("case-ip-h", 3600, ipPerHour, "提交太频繁：同一网络每小时最多提交 " + ipPerHour + " 次，请一小时后再试；紧急情况请拨打民政局监督电话");
        this.ipDay =
                new Limit("case-ip-d", 86400, ipPerDay, "提交太频繁：同一网络每天最多提交 " + ipPerDay + " 次，请明天再试；紧急情况请拨打民政局监督电话");
        this.phoneDay = new Limit(
                "case-phone-d", 86400, phonePerDay, "同一手机号每天最多提交 " + phonePerDay + " 次，您今天已提交过，请用回执号查询办理进度，或明天再试");
        this.surveyIpHour =
                new Limit("survey-ip-h", 3600, surveyPerHour, "提交太频繁：同一网络每小时最多提交 " + surveyPerHour + " 份问卷，请稍后再试");
        this.trackIpHour = new Limit("track-ip-h", 3600, trackPerHour, "查询失败次数过多，请一小时后再试；如忘记查询码，请拨打民政局监督电话");
    }

    PublicStation station(long stationId) {
        return directory.station(stationId).orElseThrow(() -> new NotFoundException("社工站"));
    }

    FeedbackSettings.Settings settingsOf(PublicStation station) {
        return settings.of(station.bureauId());
    }

    /** What the resident typed on the form. */
    record CaseForm(
            String kind,
            String content,
            String serviceNamed,
            String workerNamed,
            String phone,
            boolean consent,
            String challengeToken,
            String challengeAnswer) {}

    /** What the resident keeps: the receipt number and the query code (shown once, stored only hashed). */
    record Receipt(String receiptNo, String queryCode, FeedbackKind kind, String stationName, LocalDate replyDueOn) {}

    Receipt submit(long stationId, CaseForm form, List<MultipartFile> uploads, String ip) {
        PublicStation station = station(stationId);
        FeedbackKind kind = parseKind(form.kind());
        String content = text(form.content(), "content", "反映的内容", 1000);
        if (content == null || content.length() < 5) {
            throw BusinessException.field("content", "反映的内容：请至少写 5 个字，说明发生了什么");
        }
        String service = text(form.serviceNamed(), "serviceNamed", "涉及的服务", 100);
        String worker = text(form.workerNamed(), "workerNamed", "涉及的工作人员", 50);
        String phone;
        if (kind.phoneRequired() && (form.phone() == null || form.phone().isBlank())) {
            throw BusinessException.field("phone", "联系电话：投诉需要留下电话，方便民政局核实和回复");
        }
        phone = PhoneNumbers.normalizeOptional("phone", form.phone());
        if (phone != null && phone.length() > 20) {
            throw BusinessException.field("phone", "联系电话格式不正确：应为11位手机号或带区号的固定电话");
        }
        if (phone != null && !form.consent()) {
            throw BusinessException.field("consent", "留下电话时，请勾选同意民政局为办理本件使用您的电话号码");
        }
        String nonce = challenges.verify(form.challengeToken(), form.challengeAnswer());
        String ipKey = secret.hash("ip", ip == null ? "?" : ip, 32);
        String phoneKey = phone == null ? null : secret.hash("phone", phone, 32);
        limiter.check(ipHour, ipKey);
        limiter.check(ipDay, ipKey);
        if (phoneKey != null) {
            limiter.check(phoneDay, phoneKey);
        }
        List<CleanPhoto> clean = photos.clean(uploads);

        String receiptNo = newReceiptNo();
        String queryCode = FeedbackSecret.randomDigits(8);
        OffsetDateTime now = ChinaTime.offsetNow();
        LocalDate due = WorkingDays.after(
                now.toLocalDate(), settings.of(station.bureauId()).replyWorkingDays());
        Long agency = directory.agencyOf(station.id()).orElse(null);
        tx.executeWithoutResult(status -> {
            challenges.consume(nonce);
            limiter.hit(ipHour, ipKey);
            limiter.hit(ipDay, ipKey);
            if (phoneKey != null) {
                limiter.hit(phoneDay, phoneKey);
            }
            long id = store(
                    new CaseRows.NewCase(
                            receiptNo,
                            queryHash(receiptNo, queryCode),
                            kind,
                            station.id(),
                            station.path(),
                            station.bureauId(),
                            agency,
                            content,
                            service,
                            worker,
                            phone,
                            phone != null,
                            now,
                            due),
                    clean);
            events.publishEvent(AuditEvent.success(
                    "FEEDBACK_SUBMIT",
                    "FEEDBACK_CASE",
                    id,
                    station.path(),
                    kind.label() + " · 回执号 " + receiptNo + " · 照片 " + clean.size() + " 张"));
        });
        return new Receipt(receiptNo, queryCode, kind, station.name(), due);
    }

    /** Writes a case and its photos (inside the caller's transaction); files are removed again on rollback. */
    long store(CaseRows.NewCase c, List<CleanPhoto> clean) {
        long id = cases.insert(c);
        List<String> written = new ArrayList<>();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        for (String key : written) {
                            try {
                                files.delete(key);
                            } catch (IOException ignored) {
                                // an orphan file holds nothing the database points to
                            }
                        }
                    }
                }
            });
        }
        for (int i = 0; i < clean.size(); i++) {
            CleanPhoto p = clean.get(i);
            String key = "feedback/" + c.submittedAt().getYear() + "/"
                    + String.format("%02d", c.submittedAt().getMonthValue()) + "/" + UUID.randomUUID() + ".jpg";
            try {
                files.put(key, p.jpeg());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            written.add(key);
            cases.insertPhoto(id, i + 1, key, p.jpeg().length, p.width(), p.height(), p.sha256());
        }
        cases.log(id, "群众", "SUBMIT", c.kind().label() + (clean.isEmpty() ? "" : "（附照片 " + clean.size() + " 张）"));
        return id;
    }

    String newReceiptNo() {
        String day = ChinaTime.today().toString().replace("-", "");
        for (int i = 0; i < 20; i++) {
            String no = "FK" + day + "-" + FeedbackSecret.randomLetters(5);
            if (!cases.receiptExists(no)) {
                return no;
            }
        }
        throw new IllegalStateException("no free receipt number");
    }

    String queryHash(String receiptNo, String queryCode) {
        return secret.hash("query", receiptNo + "|" + queryCode, 64);
    }

    private static FeedbackKind parseKind(String kind) {
        try {
            return FeedbackKind.valueOf(kind == null ? "" : kind.strip());
        } catch (IllegalArgumentException e) {
            throw BusinessException.field("kind", "类型：请选择 投诉、建议、表扬 或 咨询");
        }
    }

    private static String text(String value, String field, String label, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw BusinessException.field(field, label + "：不超过 " + max + " 个字（现在 " + v.length() + " 个字）");
        }
        return v;
    }

    // ------------------------------------------------------------------ track

    /** What a resident sees of a case: the status and the bureau's reply, nothing else. */
    record TrackView(
            String receiptNo,
            FeedbackKind kind,
            String stationName,
            CaseStatus status,
            LocalDate submittedOn,
            LocalDate replyDueOn,
            String reply,
            LocalDate repliedOn) {}

    TrackView track(String receiptNo, String queryCode, String ip) {
        String ipKey = secret.hash("ip", ip == null ? "?" : ip, 32);
        limiter.check(trackIpHour, ipKey);
        String no = receiptNo == null ? "" : receiptNo.strip().toUpperCase();
        String code = queryCode == null ? "" : queryCode.strip();
        if (no.isEmpty()) {
            throw BusinessException.field("receiptNo", "回执号：请填写提交时得到的回执号");
        }
        if (code.isEmpty()) {
            throw BusinessException.field("queryCode", "查询码：请填写提交时得到的 8 位查询码");
        }
        var row = no.length() > 20 ? java.util.Optional.<CaseRows.Row>empty() : cases.findByReceipt(no);
        if (row.isEmpty()
                || !java.security.MessageDigest.isEqual(
                        row.get().queryCodeHash().getBytes(),
                        queryHash(no, code).getBytes())) {
            tx.executeWithoutResult(s -> limiter.hit(trackIpHour, ipKey));
            throw new BusinessException("NOT_FOUND", "回执号或查询码不正确，请核对后重新输入");
        }
        CaseRows.Row r = row.get();
        boolean replied = r.status() == CaseStatus.REPLIED
                || r.status() == CaseStatus.FOLLOWED_UP
                || r.status() == CaseStatus.CLOSED;
        events.publishEvent(
                AuditEvent.success("FEEDBACK_TRACK", "FEEDBACK_CASE", r.id(), r.stationPath(), "群众凭查询码查看办理进度"));
        return new TrackView(
                r.receiptNo(),
                r.kind(),
                r.stationName(),
                r.status(),
                r.submittedAt().atZoneSameInstant(ChinaTime.ZONE).toLocalDate(),
                r.replyDueOn(),
                replied ? r.reply() : null,
                replied && r.repliedAt() != null
                        ? r.repliedAt().atZoneSameInstant(ChinaTime.ZONE).toLocalDate()
                        : null);
    }

    // ------------------------------------------------------------------ questionnaire

    /** A link signature for an activity's questionnaire: only a signed link names an activity. */
    String activitySignature(long stationId, long recordId) {
        return secret.hash("activity", stationId + "|" + recordId, 16);
    }

    Long verifiedRecord(long stationId, Long recordId, String sig) {
        if (recordId == null) {
            return null;
        }
        if (sig == null
                || !java.security.MessageDigest.isEqual(
                        activitySignature(stationId, recordId).getBytes(), sig.getBytes())) {
            throw new NotFoundException("活动问卷");
        }
        return recordId;
    }

    void submitSurvey(long stationId, Long recordId, Map<String, String> params, String ip) {
        PublicStation station = station(stationId);
        List<String> questions = settings.of(station.bureauId()).questions();
        List<Integer> scores = new ArrayList<>();
        for (int i = 1; i <= questions.size(); i++) {
            String v = params.get("q" + i);
            if (v == null || v.isBlank()) {
                throw BusinessException.field("q" + i, "第 " + i + " 题“" + questions.get(i - 1) + "”：请选择 1 到 5 分");
            }
            int score;
            try {
                score = Integer.parseInt(v.strip());
            } catch (NumberFormatException e) {
                score = 0;
            }
            if (score < 1 || score > 5) {
                throw BusinessException.field("q" + i, "第 " + i + " 题：只能选择 1 到 5 分");
            }
            scores.add(score);
        }
        String comment = text(params.get("comment"), "comment", "意见和建议", 500);
        String nonce = challenges.verify(params.get("challengeToken"), params.get("challengeAnswer"));
        String ipKey = secret.hash("ip", ip == null ? "?" : ip, 32);
        limiter.check(surveyIpHour, ipKey);
        tx.executeWithoutResult(status -> {
            challenges.consume(nonce);
            limiter.hit(surveyIpHour, ipKey);
            long id = storeSurvey(station, recordId, questions, scores, comment, ChinaTime.offsetNow());
            events.publishEvent(AuditEvent.success(
                    "SURVEY_SUBMIT",
                    "SURVEY_RESPONSE",
                    id,
                    station.path(),
                    "满意度问卷 " + scores.size() + " 题" + (recordId == null ? "" : " · 活动 " + recordId)));
        });
    }

    long storeSurvey(
            PublicStation station,
            Long recordId,
            List<String> questions,
            List<Integer> scores,
            String comment,
            OffsetDateTime at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(
                        "INSERT INTO survey_response (station_id, station_path, record_id, submitted_at, submitted_on, comment) "
                                + "VALUES (?,?,?,?,?,?)")
                .params(
                        station.id(),
                        station.path(),
                        recordId,
                        at,
                        at.atZoneSameInstant(ChinaTime.ZONE).toLocalDate(),
                        comment)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        for (int i = 0; i < scores.size(); i++) {
            jdbc.sql("INSERT INTO survey_answer (response_id, item_no, question, score) VALUES (?,?,?,?)")
                    .params(id, i + 1, questions.get(i), scores.get(i))
                    .update();
        }
        return id;
    }
}
