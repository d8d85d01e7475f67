package cn.sgz.activity.internal;

import cn.sgz.activity.RecordForm;
import cn.sgz.activity.ServiceRecordService;
import cn.sgz.activity.ServiceRecordView;
import cn.sgz.org.DemoUsers;
import cn.sgz.org.OrgDirectory;
import cn.sgz.org.OrgUnitType;
import cn.sgz.org.OrgUnitView;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.vocabulary.ServiceKind;
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
 * 扫码签到 demo: today's 冬季防火安全知识讲座 at demo_worker's station, with the QR sign-in open and two residents
 * (one signing for her husband) already on the sheet; the worker's own hand-entered line next to them.
 */
@Component
@Order(16)
@ConditionalOnProperty(name = "sgz.demo.enabled", havingValue = "true")
class DemoSignInQr implements ApplicationRunner {

    static final String TITLE = "冬季防火安全知识讲座";
    private static final Logger log = LoggerFactory.getLogger(DemoSignInQr.class);

    private final JdbcClient jdbc;
    private final ServiceRecordService records;
    private final SignInQrService qr;
    private final OrgDirectory directory;
    private final DemoUsers demoUsers;

    DemoSignInQr(
            JdbcClient jdbc,
            ServiceRecordService records,
            SignInQrService qr,
            OrgDirectory directory,
            DemoUsers demoUsers) {
        this.jdbc = jdbc;
        this.records = records;
        this.qr = qr;
        this.directory = directory;
        this.demoUsers = demoUsers;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM sign_in_qr_session")
                                .query(Long.class)
                                .single()
                        > 0
                || jdbc.sql("SELECT COUNT(*) FROM service_record")
                                .query(Long.class)
                                .single()
                        == 0) {
            return;
        }
        String token = demoUsers.callAs("demo_worker", () -> {
            List<OrgUnitView> stations = directory.visibleUnits(OrgUnitType.STATION);
            if (stations.isEmpty()) {
                return null;
            }
            ServiceRecordView r = records.create(new RecordForm(
                    stations.get(0).id(),
                    null,
                    ServiceKind.COMMUNITY_SERVICE,
                    null,
                    TITLE,
                    ChinaTime.today(),
                    "09:30",
                    "11:00",
                    "社区党群服务中心二楼活动室",
                    true,
                    false,
                    "张伟、赵敏",
                    3,
                    "消防站讲解冬季取暖用电、燃气安全和火场逃生，现场演示灭火器使用。",
                    "",
                    List.of(),
                    null,
                    "讲座不发放物品",
                    null,
                    null));
            records.addSignIn(r.id(), "周凤英", "13904726618", null);
            return qr.open(r.id()).token();
        });
        if (token == null) {
            return;
        }
        qr.signIn(token, "马桂芳", "13704721325", false, "demo");
        qr.signIn(token, "马德顺", "13704721325", true, "demo");
        log.info("已载入扫码签到演示：今天的“{}”，签到码 /s/{}，2 位居民已扫码签到", TITLE, token);
    }
}
