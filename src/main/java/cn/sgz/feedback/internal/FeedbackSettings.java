package cn.sgz.feedback.internal;

import cn.sgz.org.Role;
import cn.sgz.org.ScopeService;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.ConflictException;
import cn.sgz.shared.ForbiddenException;
import cn.sgz.shared.NotFoundException;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A county bureau's settings for residents' feedback: the hotline printed on posters, how many working
 * days it has to reply, and its questionnaire (five-point items). Defaults apply until it saves its own.
 */
@Component
class FeedbackSettings {

    static final int DEFAULT_REPLY_DAYS = 5;
    static final List<String> DEFAULT_QUESTIONS =
            List.of("您对社工站服务态度的满意程度", "您对社工站服务及时性的满意程度", "您对社工站服务效果的满意程度", "您对社工站服务场所和环境的满意程度", "您对社工站服务的总体满意程度");

    private final JdbcClient jdbc;
    private final ScopeService scopes;
    private final ApplicationEventPublisher events;

    FeedbackSettings(JdbcClient jdbc, ScopeService scopes, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.events = events;
    }

    record Settings(long bureauId, String hotline, int replyWorkingDays, List<String> questions, long version) {

        public String questionsText() {
            return String.join("\n", questions);
        }
    }

    Settings of(long bureauId) {
        return jdbc.sql("SELECT * FROM feedback_settings WHERE bureau_id = ?")
                .param(bureauId)
                .query((rs, i) -> new Settings(
                        bureauId,
                        rs.getString("hotline"),
                        rs.getInt("reply_working_days"),
                        parse(rs.getString("survey_questions")),
                        rs.getLong("version")))
                .optional()
                .orElse(new Settings(bureauId, null, DEFAULT_REPLY_DAYS, DEFAULT_QUESTIONS, -1));
    }

    private static List<String> parse(String text) {
        return Arrays.stream(text.split("\n"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** Saves a bureau's settings: only a bureau officer of that bureau (or the administrator). */
    @Transactional
    Settings save(long bureauId, String hotline, Integer replyDays, String questionsText, Long expectedVersion) {
        Role role = scopes.currentUser().role();
        String path = scopes.requireVisibleUnit(bureauId, "区县民政局");
        if (role != Role.BUREAU_OFFICER && role != Role.ADMIN) {
            throw new ForbiddenException("只有区县民政局可以修改意见反馈设置");
        }
        if (hotline != null && hotline.strip().length() > 40) {
            throw BusinessException.field("hotline", "监督电话：不超过40个字符");
        }
        if (replyDays == null || replyDays < 1 || replyDays > 30) {
            throw BusinessException.field("replyWorkingDays", "答复时限：请填写 1 到 30 个工作日");
        }
        List<String> questions = parse(questionsText == null ? "" : questionsText);
        if (questions.isEmpty() || questions.size() > 10) {
            throw BusinessException.field("questions", "满意度问题：每行一个问题，1 到 10 个");
        }
        if (questions.stream().anyMatch(q -> q.length() > 100)) {
            throw BusinessException.field("questions", "满意度问题：每个问题不超过100个字");
        }
        Settings current = of(bureauId);
        long expected = expectedVersion == null ? current.version() : expectedVersion;
        if (expected != current.version()) {
            throw new ConflictException("设置已被他人修改，请刷新后重试");
        }
        String user = scopes.currentUser().username();
        String h = hotline == null || hotline.isBlank() ? null : hotline.strip();
        if (current.version() < 0) {
            jdbc.sql("INSERT INTO feedback_settings (bureau_id, hotline, reply_working_days, survey_questions, "
                            + "updated_by, updated_at, version) VALUES (?,?,?,?,?,?,0)")
                    .params(bureauId, h, replyDays, String.join("\n", questions), user, ChinaTime.offsetNow())
                    .update();
        } else {
            int n = jdbc.sql(
                            "UPDATE feedback_settings SET hotline = ?, reply_working_days = ?, survey_questions = ?, "
                                    + "updated_by = ?, updated_at = ?, version = version + 1 WHERE bureau_id = ? AND version = ?")
                    .params(h, replyDays, String.join("\n", questions), user, ChinaTime.offsetNow(), bureauId, expected)
                    .update();
            if (n == 0) {
                throw new ConflictException("设置已被他人修改，请刷新后重试");
            }
        }
        events.publishEvent(AuditEvent.success(
                "FEEDBACK_SETTINGS",
                "ORG_UNIT",
                bureauId,
                path,
                "意见反馈设置：答复时限 " + replyDays + " 个工作日，问卷 " + questions.size() + " 题"));
        return of(bureauId);
    }

    void requireExists(long bureauId) {
        if (scopes.pathOf(bureauId).isEmpty()) {
            throw new NotFoundException("区县民政局");
        }
    }
}
