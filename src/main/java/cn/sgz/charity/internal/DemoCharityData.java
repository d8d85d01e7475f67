package cn.sgz.charity.internal;

import cn.sgz.activity.RecipientPicker.RecipientOption;
import cn.sgz.activity.ServiceRecordService;
import cn.sgz.evidence.DeviceCapture;
import cn.sgz.evidence.PhotoPurpose;
import cn.sgz.evidence.PhotoSource;
import cn.sgz.org.DemoUsers;
import cn.sgz.org.OrgUnitView;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.demo.DemoRoomPictures;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
 * Demo charity ledgers for 沙河 (demo_worker) and 萨如拉 (demo_worker2), written through the services
 * as the station workers: a fund with its partner organisation and agreement photo, co-raised entries
 * (沙河 above 10,000 yuan with one reversed entry, 萨如拉 below), a charity project with a promotion
 * event that counts, and three relief events each with people from the station's ledger, receipts and a
 * distinct photo — one of 萨如拉's below 1,000 yuan, so the per-relief standard shows a shortfall.
 * Runs once, on empty charity tables, after the ledgers, records and the demo project exist.
 */
@Component
@Order(56)
@ConditionalOnProperty(name = "sgz.demo.enabled", havingValue = "true")
class DemoCharityData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCharityData.class);

    private record Plan(
            String worker,
            String workers,
            String fund,
            String partner,
            long[] inflows,
            String[] donors,
            String project,
            long[][] relief,
            long seed) {}

    private static final List<Plan> PLANS = List.of(
            new Plan(
                    "demo_worker",
                    "张伟、赵敏",
                    "沙河街道社区慈善救助基金",
                    "包头市慈善总会",
                    new long[] {6000, 5000, 2500},
                    new String[] {"辖区爱心企业联合捐赠", "“99公益日”社区募捐", "居民小额捐赠"},
                    "情暖沙河·困难家庭微心愿",
                    new long[][] {{600, 600}, {500, 400, 300}, {800, 700}},
                    56_100),
            new Plan(
                    "demo_worker2",
                    "陈静",
                    "萨如拉街道社区服务专项基金",
                    "包头市九原区慈善协会",
                    new long[] {3000, 2800},
                    new String[] {"爱心商户捐赠", "社区慈善义卖"},
                    "萨如拉“邻里互助”慈善项目",
                    new long[][] {{1000, 500}, {400, 350}, {600, 600}},
                    56_200));

    private final JdbcClient jdbc;
    private final DemoUsers demoUsers;
    private final CharityAccess access;
    private final CharityFundService funds;
    private final CharityProjectService projects;
    private final ReliefService reliefs;
    private final ServiceRecordService records;

    DemoCharityData(
            JdbcClient jdbc,
            DemoUsers demoUsers,
            CharityAccess access,
            CharityFundService funds,
            CharityProjectService projects,
            ReliefService reliefs,
            ServiceRecordService records) {
        this.jdbc = jdbc;
        this.demoUsers = demoUsers;
        this.access = access;
        this.funds = funds;
        this.projects = projects;
        this.reliefs = reliefs;
        this.records = records;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM charity_fund").query(Long.class).single() > 0) {
            return;
        }
        long started = System.currentTimeMillis();
        for (Plan plan : PLANS) {
            demoUsers.runAs(plan.worker(), () -> load(plan));
        }
        log.info("已载入演示慈善台账（基金、共募资金含一笔冲正、慈善项目与推介活动、慈善救助），用时 {} ms", System.currentTimeMillis() - started);
    }

    private void load(Plan p) {
        List<OrgUnitView> stations = access.stations();
        if (stations.isEmpty()) {
            return;
        }
        OrgUnitView station = stations.get(0);
        LocalDate today = ChinaTime.today();
        long[] seed = {p.seed()};

        FundView fund = funds.create(new FundForm(
                station.id(),
                p.fund(),
                p.fund().contains("救助") ? FundKind.RELIEF_FUND : FundKind.SERVICE_FUND,
                p.partner(),
                today.minusDays(150),
                "由" + p.partner() + "设立冠名基金，社工站负责需求对接与项目执行，资金共募、共用、共享，收支每季度公示。"));
        byte[] agreement = DemoRoomPictures.jpeg(++seed[0]);
        funds.addPhoto(
                fund.id(),
                "demo-charity-" + seed[0],
                "合作协议签字页.jpg",
                agreement.length,
                new ByteArrayInputStream(agreement));

        long[] ago = {140, 90, 30};
        for (int i = 0; i < p.inflows().length; i++) {
            CoRaisedView e = funds.recordEntry(new CoRaisedForm(
                    fund.id(), today.minusDays(ago[i]), BigDecimal.valueOf(p.inflows()[i]), p.donors()[i], null, null));
            byte[] voucher = DemoRoomPictures.jpeg(++seed[0]);
            funds.addEntryPhoto(
                    e.id(), "demo-charity-" + seed[0], "捐赠票据.jpg", voucher.length, new ByteArrayInputStream(voucher));
        }
        if (p.inflows().length > 2) { // a typing error, corrected the way the ledger allows: reversed, history kept
            CoRaisedView wrong = funds.recordEntry(new CoRaisedForm(
                    fund.id(), today.minusDays(60), new BigDecimal("800"), "辖区爱心企业联合捐赠（补记）", null, null));
            funds.reverse(wrong.id(), "重复登记：该笔已包含在首笔捐赠中");
        }

        CharityProjectView project = projects.create(new CharityProjectForm(
                station.id(),
                fund.id(),
                p.project(),
                "为辖区困难家庭实现生活微心愿，链接慈善资源开展救助。",
                "收集困难群众需求，每季度在社区开展慈善项目推介；由基金出资，为困难家庭发放救助金和生活物资。",
                new BigDecimal("20000"),
                today.minusDays(120),
                today.plusMonths(8),
                null));
        byte[] board = DemoRoomPictures.jpeg(++seed[0]);
        projects.addPhoto(
                project.id(), "demo-charity-" + seed[0], "项目展板.jpg", board.length, new ByteArrayInputStream(board));
        LocalDate promoDay = today.minusDays(20);
        project = projects.addPromotion(
                project.id(),
                new PromotionForm(
                        null,
                        promoDay,
                        "慈善项目推介会：" + p.project(),
                        "社区活动室",
                        true,
                        p.workers(),
                        30,
                        "介绍慈善项目与申请方式，收集居民需求。"));
        long promoRecord = project.promotions().get(0).recordId();
        scenePhoto(station, promoRecord, promoDay, ++seed[0]);
        String[] names = {"刘淑芬", "王建国", "张秀英", "李志强", "赵玉兰", "孙海燕", "周桂芝"};
        for (int k = 0; k < names.length; k++) {
            records.addSignIn(promoRecord, names[k], "1390472" + (3100 + p.seed() % 100 + k * 37), null);
        }

        List<RecipientOption> people = records.searchRecipients(station.id(), "");
        if (people.size() < 3) {
            log.info("{} 台账中人数不足，跳过演示慈善救助", station.name());
            return;
        }
        long[] reliefAgo = {100, 45, 6};
        String[] titles = {"春季困难家庭慈善救助", "困难老人慈善救助金发放", "困境儿童助学慈善救助"};
        int next = 0;
        for (int i = 0; i < p.relief().length; i++) {
            List<ReliefForm.Line> lines = new ArrayList<>();
            for (long amount : p.relief()[i]) {
                RecipientOption person = people.get(next++ % people.size());
                lines.add(new ReliefForm.Line(person.id(), BigDecimal.valueOf(amount), i == 0 ? "米面油一份" : null));
            }
            LocalDate day = today.minusDays(reliefAgo[i]);
            ReliefView r = reliefs.create(new ReliefForm(
                    fund.id(),
                    day,
                    titles[i],
                    "社工站",
                    p.workers(),
                    "经入户需求评估，确定" + lines.size() + "户有迫切需求的困难群众，由" + fund.name() + "出资实施慈善救助，救助金当场发放并签领。",
                    lines));
            scenePhoto(station, r.recordId(), day, ++seed[0]);
            for (ReliefLineView line : r.lines()) {
                reliefs.addReceipt(r.id(), line.id(), null);
            }
        }
    }

    /** A watermark-camera photo taken on the day, near the station, so the record counts. */
    private void scenePhoto(OrgUnitView station, long recordId, LocalDate day, long seed) {
        byte[] jpeg = DemoRoomPictures.jpeg(seed);
        Double lat = station.latitude();
        Double lon = station.longitude();
        records.addPhoto(
                recordId,
                PhotoPurpose.SCENE,
                PhotoSource.CAMERA,
                "demo-charity-" + seed,
                null,
                jpeg.length,
                new ByteArrayInputStream(jpeg),
                new DeviceCapture(
                        ChinaTime.notAfterNow(day.atTime(10, 5).atOffset(ZoneOffset.ofHours(8))),
                        lat == null ? null : lat + 0.0005,
                        lon == null ? null : lon + 0.0005,
                        8.0));
    }
}
