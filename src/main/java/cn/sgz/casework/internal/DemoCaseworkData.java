package cn.sgz.casework.internal;

import cn.sgz.activity.RecipientPicker.RecipientOption;
import cn.sgz.activity.ServiceRecordService;
import cn.sgz.casework.internal.CaseworkInputs.NewCase;
import cn.sgz.casework.internal.CaseworkInputs.NewGroup;
import cn.sgz.casework.internal.CaseworkInputs.NewSession;
import cn.sgz.casework.internal.CaseworkInputs.PhotoFile;
import cn.sgz.evidence.DeviceCapture;
import cn.sgz.evidence.PhotoPurpose;
import cn.sgz.evidence.PhotoSource;
import cn.sgz.org.DemoUsers;
import cn.sgz.org.OrgUnitView;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.vocabulary.LedgerDomain;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo casework for 沙河 (demo_worker) and 萨如拉 (demo_worker2), written through the real services as
 * those users: a closed case with its full file (approved by demo_head, confirmed exemplary by
 * demo_bureau), a case awaiting closure approval, a stalled case, a fresh one, a group of five sessions
 * one of which had too few people, a community service, and at 萨如拉 a case and a group of five
 * counting sessions. Session photos are distinct, taken on the day near the station, so they count.
 */
@Component
@Order(50)
@ConditionalOnProperty(name = "sgz.demo.enabled", havingValue = "true")
class DemoCaseworkData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCaseworkData.class);
    private static final String[] PEOPLE = {
        "刘淑芬 13904721101",
        "王建国 13904721102",
        "张秀英 13904721103",
        "李志强 13904721104",
        "赵玉兰 13904721105",
        "孙海燕 13904721106",
        "马凤英 13904721107",
        "高桂芝 13904721108"
    };

    private final CaseStore caseRows;
    private final CaseService cases;
    private final CaseDecisions decisions;
    private final GroupService groups;
    private final ExemplaryService exemplary;
    private final ServiceRecordService records;
    private final CaseworkAccess access;
    private final DemoUsers demo;
    private long photoSeed = 50_000;

    DemoCaseworkData(
            CaseStore caseRows,
            CaseService cases,
            CaseDecisions decisions,
            GroupService groups,
            ExemplaryService exemplary,
            ServiceRecordService records,
            CaseworkAccess access,
            DemoUsers demo) {
        this.caseRows = caseRows;
        this.cases = cases;
        this.decisions = decisions;
        this.groups = groups;
        this.exemplary = exemplary;
        this.records = records;
        this.access = access;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (caseRows.count() > 0) {
            return;
        }
        long started = System.currentTimeMillis();
        LocalDate today = ChinaTime.today();
        List<Long> closed = new ArrayList<>();
        List<Long> evaluatedGroups = new ArrayList<>();
        boolean done = demo.runAs("demo_worker", () -> {
            OrgUnitView station = station();
            List<RecipientOption> people = station == null ? List.of() : records.searchRecipients(station.id(), "");
            if (people.size() < 4) {
                return;
            }
            long a = fullCase(
                    station, people.get(0), LedgerDomain.ELDERLY, "王奶奶居家安全与情绪支持个案", today.minusDays(56), 5, true);
            closed.add(a);
            fullCase(
                    station,
                    people.get(1),
                    LedgerDomain.SOCIAL_ASSISTANCE,
                    "低保户就业能力提升个案",
                    today.minusDays(50),
                    5,
                    true);
            fullCase(station, people.get(2), LedgerDomain.CHILD, "留守儿童学业支持个案", today.minusDays(60), 1, false);
            CaseView fresh = cases.create(new NewCase(
                    station.id(),
                    people.get(3).id(),
                    LedgerDomain.DISABLED,
                    "残疾人两项补贴申请个案",
                    intake(today.minusDays(5), "申请两项补贴遇到材料困难")));
            cases.saveForm(fresh.id(), FormType.ASSESSMENT, assessment(today.minusDays(3)));
            evaluatedGroups.add(group(station, "“银龄互助”老年人互助小组", LedgerDomain.ELDERLY, today.minusDays(49), 3, true));
            community(station, today.minusDays(40));
            plannedGroup(station, today);
        });
        if (!done || closed.isEmpty()) {
            log.info("演示账号或台账人员缺失，跳过演示个案与小组");
            return;
        }
        // the station head closes the first case; the second stays waiting for her
        demo.runAs("demo_head", () -> decisions.approveClosure(closed.get(0), "服务目标已达成，同意结案。"));
        demo.runAs("demo_worker", () -> {
            exemplary.propose(
                    "CASE", closed.get(0), "王奶奶独居且有跌倒史，社工通过居家安全改造、链接助餐服务和" + "邻里互助，帮助其恢复独立生活信心，情绪评分由 12 分降至 5 分。");
            exemplary.propose("GROUP", evaluatedGroups.get(0), "小组通过五节活动建立起老年人互助网络，组员之间形成" + "结对探访机制，活动结束后仍自发每周聚会。");
        });
        demo.runAs(
                "demo_bureau",
                () -> exemplary.list(null).stream()
                        .filter(e -> "CASE".equals(e.ownerType()) && e.ownerId() == closed.get(0))
                        .map(ExemplaryView::id)
                        .findFirst()
                        .ifPresent(exemplary::confirm));
        demo.runAs("demo_worker2", () -> {
            OrgUnitView station = station();
            List<RecipientOption> people = station == null ? List.of() : records.searchRecipients(station.id(), "");
            if (people.isEmpty()) {
                return;
            }
            fullCase(
                    station,
                    people.get(0),
                    LedgerDomain.SOCIAL_ASSISTANCE,
                    "特困人员社会融入个案",
                    today.minusDays(45),
                    5,
                    false);
            group(station, "困难家庭亲子沟通小组", LedgerDomain.SOCIAL_ASSISTANCE, today.minusDays(42), 0, false);
        });
        log.info("已载入演示个案、小组、社区服务与成功案例，用时 {} ms", System.currentTimeMillis() - started);
    }

    private OrgUnitView station() {
        List<OrgUnitView> stations = access.stations();
        return stations.isEmpty() ? null : stations.get(0);
    }

    /** A case through assessment, agreement, plan and N weekly sessions; with close=true evaluated and submitted. */
    private long fullCase(
            OrgUnitView station,
            RecipientOption client,
            LedgerDomain domain,
            String title,
            LocalDate opened,
            int sessions,
            boolean close) {
        CaseView c =
                cases.create(new NewCase(station.id(), client.id(), domain, title, intake(opened, "独居，近期生活出现困难，情绪低落")));
        cases.saveForm(c.id(), FormType.ASSESSMENT, assessment(opened.plusDays(1)));
        cases.saveForm(
                c.id(),
                FormType.AGREEMENT,
                map(
                        "signDate",
                        opened.plusDays(2),
                        "signer",
                        client.name(),
                        "signerRelation",
                        "本人",
                        "services",
                        "每周上门服务一次，共 5 次：情绪支持、资源链接、能力提升。",
                        "period",
                        "约两个月",
                        "duties",
                        "双方按约定参与服务。",
                        "confidentiality",
                        "社工对案主信息保密，法定情形除外。"));
        byte[] page = DemoImages.jpeg(photoSeed++);
        cases.addAgreementSignature(
                c.id(), new PhotoFile("协议签字页.jpg", page.length, new ByteArrayInputStream(page)), false);
        cases.saveForm(
                c.id(),
                FormType.PLAN,
                map(
                        "planDate",
                        opened.plusDays(3),
                        "overallGoal",
                        "改善案主生活状况，增强其应对困难的能力。",
                        "goals",
                        "1. 稳定情绪\n2. 链接至少两项社会资源\n3. 建立邻里支持",
                        "strategy",
                        "优势视角与社会支持网络理论",
                        "measures",
                        "第1—2次：建立关系、情绪支持；第3—4次：链接资源；第5次：巩固成效、结案准备。",
                        "plannedSessions",
                        "5",
                        "evaluationMethod",
                        "前后测对比与案主自评"));
        for (int i = 0; i < sessions; i++) {
            LocalDate date = opened.plusDays(7L * (i + 1));
            SessionView s = cases.addSession(
                    c.id(),
                    new NewSession(
                            date,
                            "09:30",
                            "10:30",
                            "案主家中",
                            null,
                            map(
                                    "sessionGoal",
                                    "第" + (i + 1) + "次服务目标：" + (i < 2 ? "建立信任、疏导情绪" : "链接资源、巩固改变"),
                                    "process",
                                    "社工上门探访，与案主交谈，了解近况并共同讨论下一步安排。",
                                    "outcome",
                                    "案主情绪较上次平稳，愿意尝试新的安排。",
                                    "nextPlan",
                                    "按计划开展下一次服务。"),
                            null),
                    null);
            photo(s.recordId(), station, date);
        }
        if (close) {
            LocalDate end = opened.plusDays(7L * sessions + 2);
            cases.saveForm(
                    c.id(),
                    FormType.EVALUATION,
                    map(
                            "evalDate",
                            end,
                            "goalsMet",
                            "三项具体目标均已达成。",
                            "before",
                            "情绪低落，缺少外部支持，生活安排混乱。",
                            "after",
                            "情绪稳定，已获得助餐和邻里探访支持。",
                            "clientFeedback",
                            "案主表示满意。",
                            "method",
                            "前后测对比",
                            "workerSummary",
                            "服务目标达成，可以结案。"));
            cases.saveForm(
                    c.id(),
                    FormType.CLOSURE,
                    map(
                            "closeDate",
                            end.plusDays(1),
                            "reason",
                            "服务目标达成",
                            "summary",
                            "共开展 5 次服务，案主状况明显改善。",
                            "followUp",
                            "结案后一个月电话回访一次。"));
        }
        return c.id();
    }

    /** A group of five unit plans and five sessions; {@code smallSession} (1-based) has only four people. */
    private long group(
            OrgUnitView station,
            String name,
            LedgerDomain domain,
            LocalDate start,
            int smallSession,
            boolean evaluate) {
        GroupView g = groups.create(
                GroupKind.GROUP,
                new NewGroup(
                        station.id(),
                        name,
                        domain,
                        map(
                                "planDate",
                                start,
                                "background",
                                "社区内老年人、困难家庭较多，缺少交流与互助。",
                                "goals",
                                "建立互助网络，提升组员社会参与。",
                                "members",
                                "8 名组员，自愿报名。",
                                "plannedSessions",
                                "5",
                                "schedule",
                                "每周一次，社区活动室。")));
        for (int i = 1; i <= 5; i++) {
            LocalDate date = start.plusDays(7L * i);
            groups.saveForm(
                    GroupKind.GROUP,
                    g.id(),
                    FormType.UNIT_PLAN,
                    i,
                    map(
                            "theme",
                            "第" + i + "节 " + THEMES[i - 1],
                            "goals",
                            "组员相互认识、分享经验",
                            "plannedDate",
                            date,
                            "activities",
                            "暖身游戏、主题分享、总结。"));
            String attendance = String.join("\n", List.of(PEOPLE).subList(0, i == smallSession ? 4 : 6 + i % 3));
            SessionView s = groups.addSession(
                    GroupKind.GROUP,
                    g.id(),
                    new NewSession(
                            date,
                            "14:30",
                            "16:00",
                            "社区活动室",
                            i,
                            map("sessionGoal", THEMES[i - 1], "process", "按单元计划开展活动，组员积极分享。", "outcome", "组员互动良好。"),
                            attendance),
                    null);
            photo(s.recordId(), station, date);
        }
        if (evaluate) {
            groups.saveForm(
                    GroupKind.GROUP,
                    g.id(),
                    FormType.GROUP_EVALUATION,
                    0,
                    map(
                            "evalDate",
                            start.plusDays(37),
                            "goalsMet",
                            "组员建立起结对互助关系。",
                            "memberChanges",
                            "组员孤独感降低，社会参与增加。",
                            "summary",
                            "第3节签到人数不足，需注意动员。"));
        }
        return g.id();
    }

    /**
     * A group just planned: its first session was planned four days ago and not yet recorded, the second is in
     * three days — the "sessions due" lines of the worker's to-do list. No session, so no figure changes.
     */
    private void plannedGroup(OrgUnitView station, LocalDate today) {
        GroupView g = groups.create(
                GroupKind.GROUP,
                new NewGroup(
                        station.id(),
                        "“快乐成长”困境儿童成长小组",
                        LedgerDomain.CHILD,
                        map(
                                "planDate",
                                today.minusDays(12),
                                "background",
                                "辖区留守、困境儿童课余缺少陪伴，自信心不足。",
                                "goals",
                                "提升组员自信与同伴交往能力。",
                                "members",
                                "8 名儿童，由监护人报名。",
                                "plannedSessions",
                                "4",
                                "schedule",
                                "每周六上午，社区儿童之家。")));
        String[] themes = {"我们是一家人", "认识我自己", "我的好朋友", "展望与告别"};
        for (int i = 1; i <= 4; i++) {
            groups.saveForm(
                    GroupKind.GROUP,
                    g.id(),
                    FormType.UNIT_PLAN,
                    i,
                    map(
                            "theme",
                            themes[i - 1],
                            "goals",
                            "组员相互认识、建立小组规范",
                            "plannedDate",
                            today.minusDays(4).plusDays(7L * (i - 1)),
                            "activities",
                            "暖身游戏、主题活动、分享总结。"));
        }
    }

    private static final String[] THEMES = {"相识相知", "分享生活经验", "健康知识互学", "结对互助", "回顾与展望"};

    private void community(OrgUnitView station, LocalDate start) {
        GroupView s = groups.create(
                GroupKind.COMMUNITY,
                new NewGroup(
                        station.id(),
                        "“邻里守望”社区议事与互助活动",
                        LedgerDomain.OTHER,
                        map(
                                "planDate",
                                start,
                                "background",
                                "小区老旧，居民邻里互助意愿强。",
                                "goals",
                                "协助社区“两委”开展针对居民需求的社区服务。",
                                "targets",
                                "小区居民约 30 人",
                                "content",
                                "邻里议事、互助结对。",
                                "schedule",
                                "每月一次，社区活动室。")));
        for (int i = 1; i <= 2; i++) {
            LocalDate date = start.plusDays(14L * i);
            SessionView v = groups.addSession(
                    GroupKind.COMMUNITY,
                    s.id(),
                    new NewSession(
                            date,
                            "09:00",
                            "11:00",
                            "社区活动室",
                            null,
                            map("sessionGoal", "邻里议事", "process", "居民代表围绕楼道整治讨论并形成方案。", "outcome", "形成楼道整治公约。"),
                            String.join("\n", List.of(PEOPLE).subList(0, 8))),
                    null);
            photo(v.recordId(), station, date);
        }
        groups.saveForm(
                GroupKind.COMMUNITY,
                s.id(),
                FormType.COMMUNITY_EVALUATION,
                0,
                map(
                        "evalDate",
                        start.plusDays(30),
                        "goalsMet",
                        "达成。",
                        "participation",
                        "两次共 16 人次参与。",
                        "effects",
                        "楼道环境改善。",
                        "summary",
                        "继续每月开展。"));
    }

    /** A distinct scene photo taken on the day, a few hundred metres from the station, via the watermark camera. */
    private void photo(long recordId, OrgUnitView station, LocalDate date) {
        byte[] jpeg = DemoImages.jpeg(photoSeed++);
        double lat = station.latitude() == null ? 40.6 : station.latitude() + 0.002;
        double lon = station.longitude() == null ? 109.97 : station.longitude() - 0.001;
        records.addPhoto(
                recordId,
                PhotoPurpose.SCENE,
                PhotoSource.CAMERA,
                "cw-demo-" + photoSeed,
                null,
                jpeg.length,
                new ByteArrayInputStream(jpeg),
                new DeviceCapture(
                        ChinaTime.notAfterNow(date.atTime(10, 5).atOffset(ZoneOffset.ofHours(8))), lat, lon, 10.0));
    }

    private static Map<String, String> intake(LocalDate date, String problem) {
        return map(
                "intakeDate",
                date,
                "source",
                "入户评估发现",
                "basicInfo",
                "女，70 岁以上，独居，靠低保和养老金生活。",
                "problem",
                problem,
                "intakeOpinion",
                "符合接案条件，由驻站社工跟进。");
    }

    private static Map<String, String> assessment(LocalDate date) {
        return map(
                "assessDate",
                date,
                "needs",
                "情绪支持、生活照料和社会资源链接需求。",
                "strengths",
                "案主意愿强，邻居愿意帮忙。",
                "riskLevel",
                "中",
                "conclusion",
                "优先处理情绪与照料问题。");
    }

    private static Map<String, String> map(Object... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], String.valueOf(kv[i + 1]));
        }
        return m;
    }
}
