package cn.sgz.reporting.internal;

import cn.sgz.catalog.Project;
import cn.sgz.org.DemoUsers;
import cn.sgz.reporting.BulletinService;
import cn.sgz.reporting.NarrativeForm;
import cn.sgz.reporting.ReportContent;
import cn.sgz.reporting.ReportKind;
import cn.sgz.reporting.ReportService;
import cn.sgz.reporting.ReportView;
import cn.sgz.shared.ChinaTime;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo reports of the demo project: the reports of every period that ended so far are submitted,
 * reviewed and received for 沙河 (through the services, as demo_head → demo_agency → demo_bureau) and
 * 萨如拉 (written as its station head would, then reviewed and received through the services; the demo
 * has no head account there), while 赛罕 has not reported (overdue once the due day has passed). The
 * bureau publishes the bulletin of the current quarter. Runs once, on an empty report table, last.
 */
@Component
@Order(60)
@ConditionalOnProperty(name = "sgz.demo.enabled", havingValue = "true")
class DemoReportingData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoReportingData.class);

    private static final String[][] TEXT = {
        {
            "本月完成入户需求评估和困难群众回访，按清单开展政策宣传和社区活动，服务记录均上传现场照片。",
            "困难老人回访做到每月全覆盖；社区慈善救助基金共募资金超过1万元。",
            "部分室内活动签到表缺少电话，已提醒补录；个别入户评估缺照片未计入。",
            "下月重点做好冬季困难群众走访慰问，开展1次儿童关爱小组活动。"
        },
        {"本月开展困难群众回访、政策宣传和志愿服务活动，完成需求调查。", "“邻里互助”慈善项目完成一次推介，居民参与积极。", "慈善救助单次金额偏低，共募资金不足1万元。", "下月联系爱心商户扩大共募，完善救助台账。"}
    };

    private final JdbcClient jdbc;
    private final DemoUsers demoUsers;
    private final ReportService reports;
    private final BulletinService bulletins;
    private final ReportStore store;
    private final ContentBuilder builder;
    private final JsonMapper json;

    DemoReportingData(
            JdbcClient jdbc,
            DemoUsers demoUsers,
            ReportService reports,
            BulletinService bulletins,
            ReportStore store,
            ContentBuilder builder,
            JsonMapper json) {
        this.jdbc = jdbc;
        this.demoUsers = demoUsers;
        this.reports = reports;
        this.bulletins = bulletins;
        this.store = store;
        this.builder = builder;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM periodic_report").query(Long.class).single() > 0) {
            return;
        }
        Project project = demoUsers.callAs(
                "demo_bureau",
                () -> reports.visibleProjects().stream()
                        .filter(p -> p.name().startsWith("九原区民政领域社会工作服务项目"))
                        .findFirst()
                        .orElse(null));
        if (project == null || project.stationIds().size() < 3) {
            log.info("未找到演示项目，跳过演示报告");
            return;
        }
        long s1 = project.stationIds().get(0);
        long s2 = project.stationIds().get(1);
        LocalDate today = ChinaTime.today();
        int n = 0;
        for (ReportKind kind : ReportKind.values()) {
            int dueDay = store.schedule(project.id()).get(kind).dueDay();
            for (ReportPeriods.Period period : ReportPeriods.of(project.startDate(), project.endDate(), kind, dueDay)) {
                if (!period.end().isBefore(today)) {
                    continue;
                }
                ReportView a = demoUsers.callAs("demo_head", () -> {
                    ReportView v = reports.start(project.id(), s1, kind, period.start());
                    v = reports.saveNarrative(v.id(), narrative(0), v.version());
                    return reports.submit(v.id(), v.version());
                });
                Long b = demoUsers.callAs("demo_agency", () -> writtenBySecondStation(project, s2, period));
                if (a == null || b == null) {
                    log.info("演示账号缺失，跳过演示报告");
                    return;
                }
                for (long id : List.of(a.id(), b)) {
                    ReportView reviewed = demoUsers.callAs(
                            "demo_agency",
                            () -> reports.review(id, reports.get(id).report().version()));
                    demoUsers.callAs("demo_bureau", () -> reports.receive(id, reviewed.version()));
                }
                n++;
            }
        }
        demoUsers.runAs("demo_bureau", () -> bulletins.publish(project.id(), null));
        log.info("已载入演示报告：{} 期报告（沙河、萨如拉已接收，赛罕未报送）及本季度通报", n);
    }

    /** 萨如拉's report as its station head would write it (the demo has no head account there). */
    private Long writtenBySecondStation(Project project, long station, ReportPeriods.Period period) {
        String path = jdbc.sql("SELECT path FROM org_unit WHERE id = ?")
                .param(station)
                .query(String.class)
                .single();
        long id = store.insert(project.id(), station, path, period, "萨如拉站站长（演示）");
        store.saveNarrative(id, 0, narrative(1));
        ReportContent content = builder.build(project.id(), station, period.start(), period.end());
        store.submit(id, 1, "萨如拉站站长（演示）", json.writeValueAsString(content));
        return id;
    }

    private static NarrativeForm narrative(int i) {
        return new NarrativeForm(TEXT[i][0], TEXT[i][1], TEXT[i][2], TEXT[i][3]);
    }
}
