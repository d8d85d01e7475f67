package cn.sgz.activity.internal;

import cn.sgz.activity.RecordForm;
import cn.sgz.activity.ServiceRecordService;
import cn.sgz.activity.ServiceRecordView;
import cn.sgz.evidence.DeviceCapture;
import cn.sgz.evidence.PhotoPurpose;
import cn.sgz.evidence.PhotoSource;
import cn.sgz.org.DemoUsers;
import cn.sgz.org.OrgDirectory;
import cn.sgz.org.OrgUnitType;
import cn.sgz.org.OrgUnitView;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.vocabulary.PublicityChannel;
import cn.sgz.shared.vocabulary.ServiceKind;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo service records for stations 1 and 2 over recent months, written through the real services
 * as the demo workers (so scope, evidence checks and qualification all apply): photos from the
 * watermark camera with time and position near the station, sign-in sheets, receipts, one copied
 * photo and one indoor activity without a sign-in sheet, so a demo user sees both counts and
 * exclusions with reasons. Runs only on an empty record table, after the org demo data.
 */
@Component
@Order(15)
@ConditionalOnProperty(name = "sgz.demo.enabled", havingValue = "true")
class DemoActivityData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoActivityData.class);

    private final RecordStore store;
    private final ServiceRecordService records;
    private final OrgDirectory directory;
    private final DemoUsers demoUsers;
    private final cn.sgz.catalog.ProjectQueries projects;

    DemoActivityData(
            RecordStore store,
            ServiceRecordService records,
            OrgDirectory directory,
            DemoUsers demoUsers,
            cn.sgz.catalog.ProjectQueries projects) {
        this.projects = projects;
        this.store = store;
        this.records = records;
        this.directory = directory;
        this.demoUsers = demoUsers;
    }

    /**
     * One demo service. {@code why}: the reason the worker gave for relaxing a rule (outdoors: no sign-in sheet; a
     * 物质帮扶 without goods: no receipts); {@code served}: the people named (each signs a receipt when goods are
     * handed out).
     */
    private record Plan(
            ServiceKind kind,
            String title,
            String place,
            boolean indoor,
            boolean goods,
            int people,
            String content,
            String why,
            List<String> served) {

        Plan(ServiceKind kind, String title, String place, boolean indoor, boolean goods, int people, String content) {
            this(kind, title, place, indoor, goods, people, content, null, List.of());
        }
    }

    private static final List<String> RELIEF_FAMILIES = List.of("王桂兰", "马凤英", "刘玉珍", "高秀云", "韩春梅", "赵德福", "孙丽华", "郭淑珍");

    private static final List<Plan> PLANS = List.of(
            new Plan(
                    ServiceKind.FOLLOW_UP_VISIT,
                    "走访低保户，了解近期生活情况",
                    "居民家中",
                    false,
                    false,
                    1,
                    "入户回访，了解老人身体和用药情况，协助申请临时救助。"),
            new Plan(ServiceKind.HOME_ASSESSMENT, "困难老人入户需求评估", "居民家中", false, false, 1, "填写入户调查记录表，评估居住环境、健康状况和照护需求。"),
            new Plan(
                    ServiceKind.POLICY_SERVICE,
                    "社会救助政策宣传进社区",
                    "社区广场",
                    false,
                    false,
                    35,
                    "发放宣传折页，现场解答低保、特困供养政策咨询。",
                    "广场摆点宣传，居民随来随走，无法逐一签到",
                    List.of()),
            new Plan(ServiceKind.COMMUNITY_SERVICE, "“邻里守望”主题活动", "社区活动室", true, false, 18, "组织居民开展邻里互助交流，建立互助小组。"),
            new Plan(ServiceKind.RESOURCE_LINK, "链接爱心企业助学资源", "社工站", false, false, 3, "对接爱心企业，为困境儿童争取助学金。"),
            new Plan(ServiceKind.CARE_SERVICE, "留守儿童暑期关爱", "社区儿童之家", false, false, 12, "开展作业辅导和安全教育。"),
            new Plan(ServiceKind.CHARITY_RELIEF, "困难家庭慰问品发放", "社区服务站", false, true, 8, "向困难家庭发放米面油以外的生活用品。"),
            new Plan(ServiceKind.TRAINING, "志愿者服务技能培训", "社工站会议室", true, false, 20, "培训志愿者入户探访礼仪与安全注意事项。"),
            new Plan(ServiceKind.CONSULTATION_MEETING, "小区停车难议事协商会", "社区议事厅", true, false, 15, "组织居民代表、物业协商停车位划分方案。"),
            new Plan(ServiceKind.FOLLOW_UP_PHONE, "电话回访独居老人", "社工站", false, false, 1, "电话了解老人近况，提醒按时服药。"),
            new Plan(
                    ServiceKind.VOLUNTEER_ACTIVITY,
                    "环境清洁志愿服务",
                    "小区公共区域",
                    false,
                    false,
                    16,
                    "组织志愿者清理楼道杂物。",
                    "志愿者分散在各楼栋清理，未集中签到",
                    List.of()),
            new Plan(ServiceKind.NEEDS_SURVEY, "困难群众需求信息摸排", "居民家中", false, false, 6, "逐户摸排困难群众需求，录入需求清单。"),
            new Plan(ServiceKind.CHARITY_PROMOTION, "社区慈善项目推介会", "社区活动室", true, false, 25, "推介社区慈善救助基金项目，动员居民参与。"),
            new Plan(ServiceKind.SUPERVISION, "个案督导", "社工站", true, false, 4, "督导老师就两个困难个案的服务计划进行指导。"),
            new Plan(ServiceKind.FOLLOW_UP_VISIT, "走访残疾人家庭", "居民家中", false, false, 1, "核实两项补贴发放情况，了解康复需求。"),
            // 物质帮扶 hands out goods by its nature: a receipt per person (station 2 lacks one: the record does not count)
            new Plan(
                    ServiceKind.MATERIAL_AID,
                    "困难家庭冬季御寒物资发放",
                    "社区服务站",
                    false,
                    true,
                    3,
                    "为3户困难家庭发放棉被、棉衣等御寒物资。",
                    null,
                    List.of("刘玉珍", "高秀云", "韩春梅")),
            // a 物质帮扶 visit that handed out nothing: the worker says why, the bureau sees it
            new Plan(
                    ServiceKind.MATERIAL_AID,
                    "协助困难家庭申请临时救助物资",
                    "居民家中",
                    false,
                    false,
                    1,
                    "入户核实困难情况，协助填写临时救助申请，物资待街道审批后发放。",
                    "本次为协助申请临时救助，物资由街道审批后统一发放，未当场发放物品",
                    List.of("赵德福")),
            new Plan(
                    ServiceKind.PUBLICITY,
                    "公众号发布：社工站冬季走访慰问工作动态",
                    "微信公众号",
                    false,
                    false,
                    0,
                    "在街道微信公众号发布社工站冬季走访慰问工作动态及服务内容。",
                    null,
                    List.of()));

    @Override
    public void run(ApplicationArguments args) {
        if (store.count() > 0) {
            return;
        }
        long started = System.currentTimeMillis();
        int made = 0;
        byte[][] sharedPhoto = {null};
        String[] workers = {"demo_worker", "demo_worker2"};
        for (int s = 0; s < workers.length; s++) {
            int station = s;
            Integer n = demoUsers.callAs(workers[s], () -> loadStation(station, workers[station], sharedPhoto));
            if (n == null) {
                return;
            }
            made += n;
        }
        made += overlapTies();
        log.info(
                "已载入演示服务记录 {} 条（含照片、签到表、领取单据、一处重复照片和一场缺签到表的室内活动），用时 {} ms", made, System.currentTimeMillis() - started);
    }

    /** The records of one demo station, written as its worker; station 2's first photo copies station 1's. */
    private int loadStation(int s, String worker, byte[][] sharedPhoto) {
        List<OrgUnitView> stations = directory.visibleUnits(OrgUnitType.STATION);
        if (stations.isEmpty()) {
            return 0;
        }
        OrgUnitView station = stations.get(0);
        long seed = SEEDS[s];
        LocalDate today = ChinaTime.today();
        Random random = new Random(seed);
        int made = 0;
        List<Long> volunteerIds = new java.util.ArrayList<>();
        for (int i = 0; i < PLANS.size(); i++) {
            Plan p = PLANS.get(i);
            LocalDate date = today.minusDays(3 + i * 6L + s);
            ServiceRecordView r = records.create(new RecordForm(
                    station.id(),
                    null,
                    p.kind(),
                    null,
                    p.title(),
                    date,
                    "09:30",
                    "11:00",
                    p.place(),
                    p.indoor(),
                    p.goods(),
                    worker.equals("demo_worker") ? "张伟、赵敏" : "陈静",
                    p.people(),
                    p.content(),
                    "服务对象反馈良好。",
                    !p.served().isEmpty()
                            ? p.served().stream()
                                    .map(n -> new RecordForm.ParticipantInput(null, n))
                                    .toList()
                            : p.people() == 1
                                    ? List.of(new RecordForm.ParticipantInput(null, s == 0 ? "王桂兰" : "李秀英"))
                                    : List.of(),
                    p.indoor() ? null : p.why(),
                    p.goods() ? null : p.why(),
                    p.kind() == ServiceKind.PUBLICITY ? PublicityChannel.WECHAT : null,
                    p.kind() == ServiceKind.PUBLICITY
                            ? "https://mp.weixin.qq.com/s/sgz-demo-" + (s + 1) + "-winter-visits"
                            : null));
            made++;
            volunteerIds.add(p.kind() == ServiceKind.VOLUNTEER_ACTIVITY ? r.id() : null);
            boolean skipSignIn = s == 0 && p.kind() == ServiceKind.TRAINING;
            if (p.kind() != ServiceKind.FOLLOW_UP_PHONE) {
                byte[] jpeg;
                if (s == 1 && i == 0 && sharedPhoto[0] != null) {
                    jpeg = sharedPhoto[0]; // the copied photo: station 2 reuses station 1's picture
                } else {
                    jpeg = DemoPhotos.jpeg(DemoPhotos.scene(seed + i * 13L, seed + i, 0, 640, 480), 0.85f);
                }
                if (s == 0 && i == 0) {
                    sharedPhoto[0] = jpeg;
                }
                double lat = station.latitude() + (random.nextDouble() - 0.5) * 0.01;
                double lon = station.longitude() + (random.nextDouble() - 0.5) * 0.01;
                OffsetDateTime taken = ChinaTime.notAfterNow(
                        date.atTime(9, 40 + random.nextInt(60) % 20).atOffset(ZoneOffset.ofHours(8)));
                records.addPhoto(
                        r.id(),
                        p.kind() == ServiceKind.PUBLICITY ? PhotoPurpose.SCREENSHOT : PhotoPurpose.SCENE,
                        PhotoSource.CAMERA,
                        "demo-" + s + "-" + i,
                        null,
                        jpeg.length,
                        new ByteArrayInputStream(jpeg),
                        new DeviceCapture(taken, lat, lon, 10.0));
            }
            if (p.indoor() && p.kind().gathering() && !skipSignIn) {
                String[] names = {"刘淑芬", "王建国", "张秀英", "李志强", "赵玉兰", "孙海燕"};
                for (int k = 0; k < Math.min(names.length, 3 + random.nextInt(4)); k++) {
                    records.addSignIn(r.id(), names[k], "1390472" + (1000 + random.nextInt(9000)), null);
                }
            }
            if (p.goods() && p.served().isEmpty() && s == 0) {
                // the relief of 8 families: one receipt each
                for (String family : RELIEF_FAMILIES.subList(0, p.people())) {
                    records.addReceipt(r.id(), family, "生活用品礼包", "1份", null, null);
                }
            }
            if (p.goods() && !p.served().isEmpty()) {
                // station 2 has not yet entered the last family's receipt: its record does not count
                List<String> signed =
                        s == 0 ? p.served() : p.served().subList(0, p.served().size() - 1);
                for (String person : signed) {
                    records.addReceipt(r.id(), person, "棉被、棉衣", "各1件", null, null);
                }
            }
        }
        made += platformEntries(
                s,
                station,
                volunteerIds.stream().filter(java.util.Objects::nonNull).toList());
        return made;
    }

    /**
     * 已录入全国平台 (九原 O10.4: volunteer activities entered in 全国志愿服务信息系统): a second volunteer activity this
     * month, and the worker's marks — station 1 entered both, station 2 only this month's, so its earlier activity
     * shows “未录入全国平台” in the drill-down and that month falls short.
     */
    private int platformEntries(int s, OrgUnitView station, List<Long> earlier) {
        LocalDate date = ChinaTime.today().minusDays(4 + s);
        ServiceRecordView r = records.create(new RecordForm(
                station.id(),
                null,
                ServiceKind.VOLUNTEER_ACTIVITY,
                null,
                "“我帮你”助老志愿服务：为独居老人打扫卫生",
                date,
                "14:00",
                "16:00",
                "居民家中",
                false,
                false,
                s == 0 ? "张伟、赵敏" : "陈静",
                6,
                "组织社区志愿者为独居老人打扫卫生、更换灯泡，并陪同聊天。",
                "老人表示感谢。",
                List.of(),
                "入户服务，志愿者分组进入各户，未集中签到",
                null,
                null,
                null));
        byte[] jpeg = DemoPhotos.jpeg(DemoPhotos.scene(9300 + s, 9400 + s, 0, 640, 480), 0.85f);
        records.addPhoto(
                r.id(),
                PhotoPurpose.SCENE,
                PhotoSource.CAMERA,
                "demo-volunteer-" + s,
                null,
                jpeg.length,
                new ByteArrayInputStream(jpeg),
                new DeviceCapture(
                        ChinaTime.notAfterNow(date.atTime(14, 30).atOffset(ZoneOffset.ofHours(8))),
                        station.latitude() + 0.002,
                        station.longitude() - 0.001,
                        10.0));
        records.markPlatformEntry(
                r.id(),
                true,
                date.plusDays(1),
                "ZYFW-2026-" + (3100 + s),
                records.get(r.id()).version());
        if (s == 0) {
            for (long id : earlier) {
                ServiceRecordView e = records.get(id);
                records.markPlatformEntry(
                        id, true, e.serviceDate().plusDays(2), "ZYFW-2026-" + (2000 + id), e.version());
            }
        }
        return 1;
    }

    private static final long[] SEEDS = {7001, 8001};

    /** The catalog demo's second project, overlapping the first at the demo stations since last month. */
    static final String OVERLAP_PROJECT = "九原区困境儿童关爱保护服务项目（专项）";

    /**
     * Records of the overlapping project: two the worker chose to count for it, and one recorded without a choice
     * (so it went to the earliest-started project) that the bureau then moved to it — the demo's project ties.
     */
    private int overlapTies() {
        Long[] ids = new Long[3];
        Long project = demoUsers.callAs("demo_worker", () -> {
            cn.sgz.catalog.Project overlap = projects.visible().stream()
                    .filter(p -> p.name().equals(OVERLAP_PROJECT))
                    .findFirst()
                    .orElse(null);
            List<OrgUnitView> stations = directory.visibleUnits(OrgUnitType.STATION);
            if (overlap == null || stations.isEmpty()) {
                return null;
            }
            OrgUnitView station = stations.get(0);
            LocalDate today = ChinaTime.today();
            String[][] plans = {{"儿童之家周末课业辅导（专项）", "CHOSEN"}, {"困境儿童家庭走访（专项）", "CHOSEN"}, {"困境儿童心理疏导（专项）", "AUTO"}};
            for (int i = 0; i < plans.length; i++) {
                LocalDate date = today.minusDays(2 + i * 3L);
                ServiceRecordView r = records.create(new RecordForm(
                        station.id(),
                        plans[i][1].equals("CHOSEN") ? overlap.id() : null,
                        ServiceKind.CARE_SERVICE,
                        cn.sgz.shared.vocabulary.ServiceField.CHILDREN,
                        plans[i][0],
                        date,
                        "14:00",
                        "16:00",
                        "社区儿童之家",
                        false,
                        false,
                        "张伟",
                        1,
                        "为困境儿童提供课业辅导与陪伴。",
                        "儿童情绪稳定。",
                        List.of(new RecordForm.ParticipantInput(null, "小明"))));
                byte[] jpeg = DemoPhotos.jpeg(DemoPhotos.scene(9100 + i, 9200 + i, 0, 640, 480), 0.85f);
                records.addPhoto(
                        r.id(),
                        PhotoPurpose.SCENE,
                        PhotoSource.CAMERA,
                        "demo-overlap-" + i,
                        null,
                        jpeg.length,
                        new ByteArrayInputStream(jpeg),
                        new DeviceCapture(
                                ChinaTime.notAfterNow(date.atTime(14, 20).atOffset(ZoneOffset.ofHours(8))),
                                station.latitude() + 0.001,
                                station.longitude() + 0.001,
                                10.0));
                ids[i] = r.id();
            }
            return overlap.id();
        });
        if (project == null) {
            return 0;
        }
        demoUsers.runAs("demo_bureau", () -> records.moveProject(ids[2], project, "该次心理疏导由儿童关爱专项经费开展，计入专项项目"));
        return 3;
    }
}
