package cn.sgz.feedback.internal;

import cn.sgz.feedback.ComplaintService;
import cn.sgz.feedback.ComplaintView;
import cn.sgz.feedback.FeedbackKind;
import cn.sgz.feedback.internal.PublicDirectory.County;
import cn.sgz.feedback.internal.PublicDirectory.PublicStation;
import cn.sgz.org.DemoUsers;
import cn.sgz.shared.ChinaTime;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo residents' voice for 九原区: the bureau's hotline and deadline, seven cases in every state (one
 * complaint past its reply deadline, one the agency is asked to explain, a closed complaint with its
 * follow-up, suggestions, a question, and a praise note for 张伟), and 30 anonymous questionnaire answers
 * for 沙河 and 萨如拉. Every demo case has query code {@value #QUERY_CODE}. Runs once, on an empty table.
 */
@Component
@Order(60)
@ConditionalOnProperty(name = "sgz.demo.enabled", havingValue = "true")
class DemoFeedbackData implements ApplicationRunner {

    static final String QUERY_CODE = "20262026";
    private static final Logger log = LoggerFactory.getLogger(DemoFeedbackData.class);

    private final JdbcClient jdbc;
    private final DemoUsers demoUsers;
    private final PublicDirectory directory;
    private final PublicFeedbackService publicSide;
    private final FeedbackSettings settings;
    private final ComplaintService complaints;
    private final TransactionTemplate tx;

    DemoFeedbackData(
            JdbcClient jdbc,
            DemoUsers demoUsers,
            PublicDirectory directory,
            PublicFeedbackService publicSide,
            FeedbackSettings settings,
            ComplaintService complaints,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.demoUsers = demoUsers;
        this.directory = directory;
        this.publicSide = publicSide;
        this.settings = settings;
        this.complaints = complaints;
        this.tx = new TransactionTemplate(transactions);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM feedback_case").query(Long.class).single() > 0) {
            return;
        }
        Optional<County> county = directory.counties().stream()
                .filter(c -> c.name().equals("九原区民政局"))
                .findFirst();
        if (county.isEmpty()) {
            return;
        }
        PublicStation shahe = station(county.get(), "沙河街道社工站");
        PublicStation sarula = station(county.get(), "萨如拉街道社工站");
        PublicStation saihan = station(county.get(), "赛罕街道社工站");
        if (shahe == null || sarula == null || saihan == null) {
            return;
        }
        demoUsers.runAs(
                "demo_bureau",
                () -> settings.save(
                        county.get().id(),
                        "0472-7150000",
                        5,
                        String.join("\n", FeedbackSettings.DEFAULT_QUESTIONS),
                        null));

        LocalDate today = ChinaTime.today();
        submit(
                shahe,
                FeedbackKind.COMPLAINT,
                workingDaysAgo(today, 9),
                1,
                "上个月约好每周二来给我母亲理发，已经两次没来了，打电话也没人接。老人腿脚不便，希望社工站给个说法。",
                "助老服务",
                null,
                "13804721234");
        long explain = submit(
                sarula,
                FeedbackKind.COMPLAINT,
                workingDaysAgo(today, 2),
                2,
                "社区活动室说好周末开放给孩子写作业，连续两个周末都锁着门，门口也没有贴通知。",
                "儿童四点半课堂",
                null,
                "13904725678");
        long closed = submit(
                shahe,
                FeedbackKind.COMPLAINT,
                workingDaysAgo(today, 16),
                3,
                "重阳节活动通知只在微信群里发，我们不用微信的老人不知道，错过了体检。",
                "重阳节敬老活动",
                null,
                "13704729876");
        long suggestion = submit(
                shahe,
                FeedbackKind.SUGGESTION,
                workingDaysAgo(today, 4),
                4,
                "建议在社工站门口装一个扶手，下雨天台阶很滑，老人进出不安全。",
                null,
                null,
                null);
        submit(
                saihan,
                FeedbackKind.SUGGESTION,
                workingDaysAgo(today, 1),
                5,
                "希望增加周末的亲子活动，上班的家长平时没时间参加。",
                "亲子活动",
                null,
                null);
        long praise = submit(
                shahe,
                FeedbackKind.PRAISE,
                workingDaysAgo(today, 7),
                6,
                "张伟社工每周都来看我父亲，帮着申请了高龄津贴，还教会老人用手机视频，全家都很感谢！",
                "入户探访",
                "张伟",
                "13604723344");
        long inquiry = submit(
                sarula,
                FeedbackKind.INQUIRY,
                workingDaysAgo(today, 3),
                7,
                "请问残疾人两项补贴在社工站能代办吗？需要带哪些材料？",
                "残疾人补贴",
                null,
                null);

        demoUsers.runAs("demo_bureau", () -> {
            ComplaintView e = complaints.assign(explain, "民政局社会工作科 李科长", "请核实活动室开放情况", version(explain));
            complaints.requestExplanation(explain, "请说明萨如拉街道社区活动室周末未按约定开放的原因及整改措施。", e.version());

            ComplaintView c = complaints.assign(closed, "民政局社会工作科 李科长", null, version(closed));
            c = complaints.reply(
                    closed, "经核实，沙河街道社工站已改为微信群、社区公告栏和电话三种方式通知活动，" + "并为您预约了下周二的补充体检，届时社工会电话提醒。感谢您的监督！", c.version());
            c = complaints.followUp(closed, 5, "电话回访，群众表示满意，已参加补充体检", c.version());
            complaints.close(closed, "已整改：活动通知增加公告栏和电话通知", c.version());

            complaints.reply(suggestion, "感谢建议！已安排沙河街道社工站联系社区，本月内在门口台阶加装扶手和防滑条。", version(suggestion));
            ComplaintView p = complaints.reply(praise, "感谢您的表扬，已转达张伟社工本人及承接机构，并在全区社工站通报表扬。", version(praise));
            complaints.close(praise, "表扬已转达", p.version());
            complaints.reply(inquiry, "可以代办。请携带残疾人证、身份证、户口本和银行卡到萨如拉街道社工站，社工协助您网上申请。", version(inquiry));
        });

        Random random = new Random(60_15);
        surveys(shahe, 15, new int[] {5, 5, 5, 4, 4, 4, 3}, random, today);
        surveys(sarula, 15, new int[] {5, 4, 4, 4, 3, 3, 2}, random, today);
        log.info("演示群众反馈：7 件反馈（1 件逾期）、30 份满意度问卷；演示查询码 {}", QUERY_CODE);
    }

    private static PublicStation station(County county, String name) {
        return county.stations().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    private long version(long id) {
        return jdbc.sql("SELECT version FROM feedback_case WHERE id = ?")
                .param(id)
                .query(Long.class)
                .single();
    }

    private static LocalDate workingDaysAgo(LocalDate today, int days) {
        LocalDate d = today;
        int left = days;
        while (left > 0) {
            d = d.minusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return d;
    }

    private long submit(
            PublicStation station,
            FeedbackKind kind,
            LocalDate on,
            int n,
            String content,
            String service,
            String worker,
            String phone) {
        OffsetDateTime at = on.atTime(9 + n, 15).atZone(ChinaTime.ZONE).toOffsetDateTime();
        String receipt = "FK" + on.toString().replace("-", "") + "-DEMO" + n;
        LocalDate due = WorkingDays.after(on, settings.of(station.bureauId()).replyWorkingDays());
        Long agency = directory.agencyOf(station.id()).orElse(null);
        return tx.execute(s -> publicSide.store(
                new CaseRows.NewCase(
                        receipt,
                        publicSide.queryHash(receipt, QUERY_CODE),
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
                        at,
                        due),
                List.of()));
    }

    private void surveys(PublicStation station, int count, int[] pool, Random random, LocalDate today) {
        List<String> questions = settings.of(station.bureauId()).questions();
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < count; i++) {
                List<Integer> scores = questions.stream()
                        .map(q -> pool[random.nextInt(pool.length)])
                        .toList();
                OffsetDateTime at = today.minusDays(3 + random.nextInt(60))
                        .atTime(10 + random.nextInt(8), 5)
                        .atZone(ChinaTime.ZONE)
                        .toOffsetDateTime();
                publicSide.storeSurvey(station, null, questions, scores, i % 5 == 0 ? "社工很耐心，希望活动再多一些。" : null, at);
            }
        });
    }
}
