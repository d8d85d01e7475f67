package cn.sgz.community.internal;

import cn.sgz.community.internal.AchievementService.AchievementForm;
import cn.sgz.org.DemoUsers;
import cn.sgz.org.OrgDirectory;
import cn.sgz.org.OrgUnitType;
import cn.sgz.org.OrgUnitView;
import cn.sgz.shared.ChinaTime;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Demo 建设成果 of 沙河: a service brand and the neighbouring station it helped build. Once, on an empty table. */
@Component
@Order(57)
@ConditionalOnProperty(name = "sgz.demo.enabled", havingValue = "true")
class DemoAchievements implements ApplicationRunner {

    private final DemoUsers demoUsers;
    private final OrgDirectory directory;
    private final AchievementService achievements;
    private final JdbcClient jdbc;

    DemoAchievements(DemoUsers demoUsers, OrgDirectory directory, AchievementService achievements, JdbcClient jdbc) {
        this.demoUsers = demoUsers;
        this.directory = directory;
        this.achievements = achievements;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM community_achievement")
                        .query(Long.class)
                        .single()
                > 0) {
            return;
        }
        demoUsers.runAs("demo_worker", () -> {
            List<OrgUnitView> stations = directory.visibleUnits(OrgUnitType.STATION);
            if (stations.isEmpty()) {
                return;
            }
            long station = stations.get(0).id();
            LocalDate today = ChinaTime.today();
            achievements.create(new AchievementForm(
                    station,
                    AchievementKind.SERVICE_BRAND,
                    "“沙河暖心”困难老人关爱服务",
                    today.minusDays(40),
                    "以独居、空巢老人每月探访和邻里守望为核心，已形成服务流程和宣传册。"));
            achievements.create(new AchievementForm(
                    station,
                    AchievementKind.ASSISTED_STATION,
                    "赛罕街道社工站",
                    today.minusDays(20),
                    "协助建立人员管理、财务管理、志愿者管理等制度，规范服务流程和档案管理。"));
        });
    }
}
