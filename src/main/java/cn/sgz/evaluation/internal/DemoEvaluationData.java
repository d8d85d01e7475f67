package cn.sgz.evaluation.internal;

import cn.sgz.catalog.Project;
import cn.sgz.catalog.ProjectQueries;
import cn.sgz.catalog.RuleKind;
import cn.sgz.org.DemoUsers;
import cn.sgz.shared.ChinaTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A mid-term evaluation in progress on the demo project, done through the services as the demo bureau, the
 * demo evaluator and the demo station head: the built-in rubric, two judged items and one judged CHECKLIST
 * standard at 沙河, a spot check of 10 records with one not verified (so that record no longer counts), two
 * 整改 items (one answered and closed) and a satisfaction sample. Runs once, after every other demo loader.
 */
@Component
@Order(70)
@ConditionalOnProperty(name = "sgz.demo.enabled", havingValue = "true")
class DemoEvaluationData implements ApplicationRunner {

    static final long DEMO_SEED = 20_260_301L;
    static final String FAILED_NOTE = "电话联系签到人员，对方表示当天没有参加该活动，也没有接受过该项服务";
    private static final Logger log = LoggerFactory.getLogger(DemoEvaluationData.class);

    private final DemoUsers users;
    private final JdbcClient jdbc;
    private final RoundService rounds;
    private final RubricService rubrics;
    private final SpotCheckService checks;
    private final RectificationService rectifications;
    private final SatisfactionService satisfaction;
    private final ProjectQueries projects;
    private final ScorePhotoService scorePhotos;

    DemoEvaluationData(
            DemoUsers users,
            JdbcClient jdbc,
            RoundService rounds,
            RubricService rubrics,
            SpotCheckService checks,
            RectificationService rectifications,
            SatisfactionService satisfaction,
            ProjectQueries projects,
            ScorePhotoService scorePhotos) {
        this.scorePhotos = scorePhotos;
        this.users = users;
        this.jdbc = jdbc;
        this.rounds = rounds;
        this.rubrics = rubrics;
        this.checks = checks;
        this.rectifications = rectifications;
        this.satisfaction = satisfaction;
        this.projects = projects;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM eval_round").query(Long.class).single() > 0) {
            return;
        }
        long rubricId = rubrics.ensureBuiltin();
        RoundService.EvalRoundView round = users.callAs("demo_bureau", () -> {
            // the main demo contract, not the overlapping 专项 project the catalog demo also creates
            Project p = projects.visible().stream()
                    .filter(x -> x.name().startsWith("九原区民政领域社会工作服务项目"))
                    .findFirst()
                    .orElse(null);
            if (p == null) {
                return null;
            }
            return rounds.create(new RoundService.EvalRoundForm(
                    p.id(),
                    rubricId,
                    RoundService.Kind.MIDTERM,
                    p.name() + " 中期评估",
                    ChinaTime.today().minusDays(5),
                    ChinaTime.today().plusDays(25),
                    "90,75,60",
                    List.of("demo_evaluator", "demo_bureau")));
        });
        if (round == null) {
            log.info("没有演示项目，跳过演示评估");
            return;
        }
        Project project = users.callAs("demo_bureau", () -> projects.get(round.projectId()));
        long station1 = project.stationIds().get(0);
        users.runAs("demo_evaluator", () -> {
            try {
                evaluate(round, project, station1);
            } catch (RuntimeException e) {
                // demo data must never keep the application from starting
                log.warn("演示评估未能全部载入：{}", e.getMessage(), e);
            }
        });
        log.info("已载入演示评估：{}", round.name());
    }

    private void evaluate(RoundService.EvalRoundView round, Project project, long station1) {
        long id = round.id();
        rounds.score(
                id,
                station1,
                "F1",
                new RoundService.EvalScoreInput("基本规范", null, null, "室外标牌已挂设，但缺少“中国社会工作”标志；室内背景墙名称规范", null));
        byte[] before = DemoSignPhoto.jpeg(id * 31 + 5);
        scorePhotos.add(
                id,
                station1,
                "F1",
                new RectificationService.PhotoFile(
                        "demo-score-sign-" + id, "现场标牌.jpg", before.length, new java.io.ByteArrayInputStream(before)));
        rounds.score(
                id,
                station1,
                "P1",
                new RoundService.EvalScoreInput("2名及以上持证", null, null, "驻站社工 2 名均持助理社会工作师证书，已查验原件", null));
        projects.inScope(project.id()).indicators().stream()
                .filter(pi -> pi.indicator().kind() == RuleKind.CHECKLIST)
                .findFirst()
                .ifPresent(pi ->
                        rounds.judge(id, station1, pi.indicator().id(), true, "走访 3 户服务对象，服务前后变化归档材料完整，服务对象能说出具体改变"));

        SpotCheckService.SpotCheckView check = checks.draw(new SpotCheckService.SpotCheckDrawForm(
                project.id(), id, "中期评估电话抽查", 10, Sampler.Strata.STATION_KIND, null, null, DEMO_SEED));
        // the failed one is a plain service, not a case or group session: a failed session would also break the
        // demo case's "5 sessions" and the casework figures a newcomer is shown
        SpotCheckService.SpotCheckItemView failed = check.items().stream()
                .filter(i -> i.stationId() == station1 && !i.kind().endsWith("_SESSION"))
                .findFirst()
                .or(() -> check.items().stream()
                        .filter(i -> i.stationId() == station1)
                        .findFirst())
                .orElse(check.items().isEmpty() ? null : check.items().get(0));
        int n = 0;
        for (SpotCheckService.SpotCheckItemView it : check.items()) {
            if (failed != null && it.id() == failed.id()) {
                checks.check(
                        it.id(),
                        new SpotCheckService.SpotCheckResultInput(
                                SpotCheckService.Method.PHONE,
                                SpotCheckService.Outcome.NOT_VERIFIED,
                                FAILED_NOTE,
                                it.version()));
            } else if (n++ % 4 == 3) {
                checks.check(
                        it.id(),
                        new SpotCheckService.SpotCheckResultInput(
                                SpotCheckService.Method.PHONE,
                                SpotCheckService.Outcome.UNREACHABLE,
                                "两次拨打无人接听",
                                it.version()));
            } else if (n <= 7) {
                checks.check(
                        it.id(),
                        new SpotCheckService.SpotCheckResultInput(
                                n % 3 == 0 ? SpotCheckService.Method.FIELD : SpotCheckService.Method.PHONE,
                                SpotCheckService.Outcome.VERIFIED,
                                "服务对象确认接受过服务，对服务满意",
                                it.version()));
            }
        }
        if (failed != null) {
            rectifications.raise(new RectificationService.RectificationForm(
                    null,
                    null,
                    null,
                    failed.id(),
                    "抽查未能核实：" + failed.title(),
                    "请说明该次服务的实际开展情况，补充签到表原件照片和参加人员的有效联系方式。",
                    ChinaTime.today().plusDays(14)));
        }
        RectificationService.RectificationView sign = rectifications.raise(new RectificationService.RectificationForm(
                id,
                station1,
                "F1",
                null,
                "室外标牌补加“中国社会工作”标志",
                "按建设导引 1.3，在室外显著位置挂设带“中国社会工作”标志的标牌，并上传整改后照片。",
                ChinaTime.today().plusDays(20)));
        byte[] signPhoto = DemoSignPhoto.jpeg(round.id());
        RectificationService.RectificationView answered = users.callAs(
                "demo_head",
                () -> rectifications.respond(
                        sign.id(),
                        "已重新制作标牌并加上“中国社会工作”标志，整改后照片见附件。",
                        sign.version(),
                        List.of(new RectificationService.PhotoFile(
                                "demo-rectification-sign-" + sign.id(),
                                "整改后标牌.jpg",
                                signPhoto.length,
                                new java.io.ByteArrayInputStream(signPhoto)))));
        if (answered != null) {
            rectifications.review(sign.id(), true, "现场查看标牌已规范", answered.version());
        }
        // six interviews, two per station, with people drawn from each station's counted records
        int[][] answerSets = {
            {5, 5, 4, 5, 5}, {4, 4, 4, 5, 4}, {5, 4, 5, 4, 5}, {4, 3, 4, 4, 4}, {5, 5, 5, 4, 5}, {3, 4, 4, 3, 4}
        };
        int done = 0;
        for (long station : project.stationIds()) {
            for (SatisfactionService.SatisfactionCandidate c : satisfaction.candidates(id, station, 2)) {
                if (done >= answerSets.length) {
                    break;
                }
                int k = done++;
                satisfaction.record(
                        id,
                        new SatisfactionService.SatisfactionInterviewForm(
                                station,
                                k % 2 == 0 ? SatisfactionService.Method.PHONE : SatisfactionService.Method.INTERVIEW,
                                c.name(),
                                c.recordId(),
                                java.util.Arrays.stream(answerSets[k]).boxed().toList(),
                                k == 5 ? "希望活动多安排在周末" : null,
                                ChinaTime.today().minusDays(k % 3)));
            }
        }
    }
}
