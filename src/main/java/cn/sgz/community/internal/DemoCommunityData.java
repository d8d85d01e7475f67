package cn.sgz.community.internal;

import cn.sgz.activity.ServiceRecordService;
import cn.sgz.community.internal.CommunityOrgService.MemberForm;
import cn.sgz.community.internal.CommunityOrgService.OrgForm;
import cn.sgz.evidence.DeviceCapture;
import cn.sgz.evidence.PhotoPurpose;
import cn.sgz.evidence.PhotoSource;
import cn.sgz.org.CertificateLevel;
import cn.sgz.org.DemoUsers;
import cn.sgz.org.OrgDirectory;
import cn.sgz.org.OrgUnitType;
import cn.sgz.org.OrgUnitView;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.vocabulary.ServiceKind;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo community data for 沙河 (demo_worker) and 萨如拉 (demo_worker2), written through the services as the
 * demo workers: organisations with backbone members and a backbone training, monthly guidance, a volunteer
 * team with 30+ volunteers (a few not registered), two volunteer activities a month since the demo project
 * began with photos (so they count) and hours, one activity still without a photo, a worker training, a
 * supervision, exam entries, and rules on the wall with photos — with one or two required papers missing.
 */
@Component
@Order(55)
@ConditionalOnProperty(name = "sgz.demo.enabled", havingValue = "true")
class DemoCommunityData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCommunityData.class);

    /** Papers each demo station keeps; the names are those of the catalogs (exact names count). */
    static final List<String> DOCUMENTS = List.of(
            "人员管理制度",
            "财务管理制度",
            "志愿者管理制度",
            "服务场所使用管理制度",
            "文书档案管理制度",
            "人员保密制度",
            "人员培训制度",
            "社工站组织架构图",
            "所培育社区社会组织情况",
            "帮助建立制度的相关文件",
            "社区社会组织骨干人才名单",
            "组织社区活动成效相关佐证材料",
            "社区服务计划书",
            "季度需求报告");
    /** Left out at 沙河 so the board shows what is missing (相关媒体志愿服务宣传展示稿件 is missing at both). */
    static final List<String> MISSING_AT_FIRST = List.of("组织社区活动成效相关佐证材料", "人员保密制度");

    private static final String[] SURNAMES = {
        "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁",
        "谢", "宋", "唐", "韩", "冯", "于", "董", "萧"
    };
    private static final String[] GIVEN = {
        "秀英", "桂兰", "建国", "志强", "玉兰", "海燕", "春梅", "国庆", "丽娟", "文博", "淑珍", "德胜", "晓东", "雅琴", "俊杰", "红霞", "永刚", "美玲",
        "宏伟", "思远", "凤英", "立新", "雪梅", "振华", "慧敏", "建军", "晓燕", "金花", "子涵", "明辉", "佳怡", "长青", "宝山", "素琴"
    };

    private final DemoUsers demoUsers;
    private final OrgDirectory directory;
    private final CommunityOrgService orgs;
    private final VolunteerService volunteers;
    private final TrainingService trainings;
    private final StaffDevelopmentService development;
    private final StationDocumentService documents;
    private final ServiceRecordService records;
    private final RecordBridge bridge;
    private final JdbcClient jdbc;

    DemoCommunityData(
            DemoUsers demoUsers,
            OrgDirectory directory,
            CommunityOrgService orgs,
            VolunteerService volunteers,
            TrainingService trainings,
            StaffDevelopmentService development,
            StationDocumentService documents,
            ServiceRecordService records,
            RecordBridge bridge,
            JdbcClient jdbc) {
        this.demoUsers = demoUsers;
        this.directory = directory;
        this.orgs = orgs;
        this.volunteers = volunteers;
        this.trainings = trainings;
        this.development = development;
        this.documents = documents;
        this.records = records;
        this.bridge = bridge;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM community_org").query(Long.class).single() > 0) {
            return;
        }
        long started = System.currentTimeMillis();
        boolean first = demoUsers.runAs("demo_worker", () -> station(0));
        boolean second = demoUsers.runAs("demo_worker2", () -> station(1));
        if (first || second) {
            log.info("已载入演示社区社会组织、志愿者、培训督导与制度资料，用时 {} ms", System.currentTimeMillis() - started);
        }
    }

    private void station(int s) {
        List<OrgUnitView> stations = directory.visibleUnits(OrgUnitType.STATION);
        if (stations.isEmpty()) {
            return;
        }
        OrgUnitView station = stations.get(0);
        Demo d = new Demo(station, s, new Random(55_000L + s));
        d.organisations();
        d.volunteers();
        d.staffDevelopment();
        d.documents();
    }

    /** One station's demo data; photos are taken "with the watermark camera" near the station on the service date. */
    private final class Demo {
        final OrgUnitView station;
        final int s;
        final Random random;
        final LocalDate today = ChinaTime.today();
        final LocalDate projectStart = today.minusMonths(2).withDayOfMonth(1);
        final String worker;
        long photoSeed;

        Demo(OrgUnitView station, int s, Random random) {
            this.station = station;
            this.s = s;
            this.random = random;
            this.worker = s == 0 ? "张伟、赵敏" : "陈静";
            this.photoSeed = 90_000L + s * 10_000L;
        }

        String name() {
            return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
        }

        String phone() {
            return "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000));
        }

        /** A date in the given month of the project (0 = the first month), never after today. */
        LocalDate day(int month, int dayOfMonth) {
            LocalDate d = projectStart.plusMonths(month).withDayOfMonth(dayOfMonth);
            return d.isAfter(today) ? today : d;
        }

        RecordInput record(String title, LocalDate date, String place, boolean indoor, int people, String content) {
            // held outdoors, the worker says why there is no sign-in sheet (the bureau sees the reason)
            return new RecordInput(
                    null,
                    title,
                    date,
                    "09:00",
                    "11:30",
                    place,
                    indoor,
                    worker,
                    people,
                    content,
                    "活动顺利开展，参与居民反馈良好。",
                    indoor ? null : "在" + place + "开展，人员流动，未设签到表；志愿者和参加人员见现场照片");
        }

        void photo(long recordId, LocalDate date) {
            byte[] jpeg = DemoPictures.scene(photoSeed++);
            double lat = station.latitude() + (random.nextDouble() - 0.5) * 0.004;
            double lon = station.longitude() + (random.nextDouble() - 0.5) * 0.004;
            records.addPhoto(
                    recordId,
                    PhotoPurpose.SCENE,
                    PhotoSource.CAMERA,
                    "demo-community-" + s + "-" + recordId,
                    null,
                    jpeg.length,
                    new ByteArrayInputStream(jpeg),
                    new DeviceCapture(
                            ChinaTime.notAfterNow(
                                    date.atTime(10, random.nextInt(50)).atOffset(ZoneOffset.ofHours(8))),
                            lat,
                            lon,
                            8.0));
        }

        void organisations() {
            String prefix = s == 0 ? "沙河街道" : "萨如拉街道";
            var first = orgs.create(new OrgForm(
                    station.id(),
                    prefix + "邻里守望互助会",
                    CommunityOrgType.MUTUAL_AID,
                    today.minusMonths(14),
                    FilingStatus.FILED,
                    today.minusMonths(12),
                    26,
                    name(),
                    "由社区热心居民组成，开展独居老人探访、邻里互助、矛盾调解。已建立会员管理、活动管理和财务公开制度。",
                    null));
            var second = orgs.create(new OrgForm(
                    station.id(),
                    prefix + "红石榴文体队",
                    CommunityOrgType.CULTURE_SPORTS,
                    projectStart.plusDays(9).isAfter(today) ? today : projectStart.plusDays(9),
                    FilingStatus.UNFILED,
                    null,
                    18,
                    name(),
                    "组织广场舞、合唱和民族团结文艺演出，丰富居民文化生活。",
                    null));
            List<Long> backbone = new ArrayList<>();
            String[] roles = {"会长", "副会长", "秘书长", "骨干", "骨干"};
            for (int i = 0; i < 5; i++) {
                backbone.add(orgs.addMember(
                                first.id(),
                                new MemberForm(name(), phone(), roles[i], true, today.minusMonths(13), null))
                        .id());
            }
            for (int i = 0; i < 3; i++) {
                orgs.addMember(
                        second.id(),
                        new MemberForm(name(), phone(), i == 0 ? "队长" : "骨干", true, second.foundedOn(), null));
            }
            orgs.addMember(first.id(), new MemberForm(name(), null, "会员", false, today.minusMonths(6), null));
            // backbone training (indoor, signed in through the attendance list)
            var training = trainings.create(new TrainingService.TrainingForm(
                    station.id(),
                    TrainingAudience.BACKBONE,
                    first.id(),
                    "社区社会组织骨干能力提升培训",
                    "包头市社会工作协会 刘老师",
                    "1. 社区社会组织的规范管理；2. 活动策划与组织；3. 志愿服务与居民动员。",
                    new BigDecimal("3"),
                    null,
                    record("社区社会组织骨干能力提升培训", day(0, 12), "社工站会议室", true, 5, "讲授组织章程与财务公开、活动策划书撰写，分组演练活动组织流程。")));
            for (Long m : backbone) {
                trainings.addAttendee(training.id(), new TrainingService.AttendeeForm(m, null, null, true));
            }
            photo(training.record().recordId(), training.record().serviceDate());
            // monthly guidance (O07: 每月指导社区社会组织服务不少于 1 次) and activities of the organisations
            for (int m = 0; m < 3; m++) {
                RecordRef g = orgs.addActivity(
                        m % 2 == 0 ? first.id() : second.id(),
                        ServiceKind.ORG_GUIDANCE,
                        record(
                                "指导" + (m % 2 == 0 ? "邻里守望互助会" : "红石榴文体队") + "制定月度活动计划",
                                day(m, 6),
                                "社区党群服务中心",
                                false,
                                6,
                                "协助梳理服务需求，制定活动计划，规范活动记录。"));
                photo(g.recordId(), g.serviceDate());
            }
            RecordRef a1 = orgs.addActivity(
                    first.id(),
                    ServiceKind.ORG_ACTIVITY,
                    record("邻里守望·独居老人探访日", day(1, 15), "小区楼栋", false, 12, "互助会会员分组探访辖区独居老人，检查用电用气安全。"));
            photo(a1.recordId(), a1.serviceDate());
            RecordRef a2 = orgs.addActivity(
                    second.id(),
                    ServiceKind.ORG_ACTIVITY,
                    record("“民族团结一家亲”广场文艺演出", day(2, 3), "社区文化广场", false, 80, "文体队表演合唱、舞蹈，居民现场参与互动。"));
            photo(a2.recordId(), a2.serviceDate());
            documents.create(new StationDocumentService.DocumentForm(station.id(), first.id(), "互助会章程", null));
            uploadDocument(documents.ofOrg(first.id()).get(0).id());
        }

        void volunteers() {
            var team = volunteers.createTeam(new VolunteerService.TeamForm(
                    station.id(),
                    (s == 0 ? "沙河" : "萨如拉") + "“我帮你”志愿服务队",
                    today.minusMonths(10),
                    name(),
                    "助老助残、环境保护、政策宣传"));
            var elder = volunteers.createTeam(
                    new VolunteerService.TeamForm(station.id(), "银龄互助志愿队", today.minusMonths(4), name(), "低龄老人帮扶高龄老人"));
            String[] skills = {"理发", "医护", "法律咨询", "电器维修", "文艺", "心理疏导", "摄影", null, null, "书法"};
            List<Long> ids = new ArrayList<>();
            int count = 32 + s * 2;
            for (int i = 0; i < count; i++) {
                boolean registered = i % 8 != 5; // four or so not yet registered in the national system
                String no = registered
                        ? "15" + String.format("%02d", 20 + s) + String.format("%08d", 1_000_000 + i * 7919 + s)
                        : null;
                var v = volunteers.create(new VolunteerService.VolunteerForm(
                        station.id(),
                        name(),
                        i % 3 == 0 ? "男" : "女",
                        phone(),
                        no,
                        skills[i % skills.length],
                        i % 4 == 3 ? elder.id() : team.id(),
                        today.minusMonths(3 + i % 9).minusDays(i),
                        null));
                ids.add(v.id());
            }
            String[][] plans = {
                {"“我帮你”清洁家园志愿服务", "小区公共区域", "清理楼道堆放杂物和绿地垃圾。"},
                {"助老理发志愿服务", "社区日间照料中心门前", "为高龄老人免费理发、测血压。"},
                {"防诈骗政策宣传志愿服务", "社区广场", "发放防诈骗宣传折页，现场解答居民咨询。"},
                {"关爱独居老人送温暖", "独居老人家中", "陪伴聊天、打扫卫生、检查用电安全。"},
                {"垃圾分类引导志愿服务", "小区垃圾投放点", "在投放点引导居民正确分类投放。"},
                {"爱心义诊志愿服务", "社区卫生服务站门前", "联合医护志愿者开展义诊。"}
            };
            int p = 0;
            for (int m = 0; m < 3; m++) {
                for (int day : new int[] {8, 21}) {
                    String[] plan = plans[p++ % plans.length];
                    var a = volunteers.createActivity(
                            station.id(),
                            record(plan[0], day(m, day), plan[1], false, 20 + random.nextInt(30), plan[2]));
                    long recordId = a.record().recordId();
                    photo(recordId, a.record().serviceDate());
                    for (int k = 0, n = 6 + random.nextInt(5); k < n; k++) {
                        long v = ids.get((p * 5 + k * 3) % ids.size());
                        try {
                            volunteers.logHours(
                                    recordId,
                                    new VolunteerService.HoursForm(
                                            v,
                                            BigDecimal.valueOf(2 + random.nextInt(5) * 0.5),
                                            k == 0 ? "活动组织" : "现场服务"));
                        } catch (cn.sgz.shared.BusinessException e) {
                            // a volunteer who joined after this date, or already listed: skip as a person would
                        }
                    }
                }
            }
            // logged but without a photo yet: the hours show as 待核验 until the record counts
            var pending = volunteers.createActivity(
                    station.id(), record("社区敬老院慰问演出", today, "社区敬老院", false, 30, "志愿者为老人表演节目。"));
            volunteers.logHours(
                    pending.record().recordId(),
                    new VolunteerService.HoursForm(ids.get(0), new BigDecimal("2"), "节目表演"));
        }

        void staffDevelopment() {
            List<Long> trainees = new ArrayList<>();
            String[] places = s == 0
                    ? new String[] {"沙河社区", "新光一村", "新光二村", "万达社区", "麻池社区"}
                    : new String[] {"萨如拉社区", "团结社区", "和平社区", "白音席勒社区", "兴胜社区"};
            for (int i = 0; i < 5; i++) {
                trainees.add(trainings
                        .createTrainee(new TrainingService.TraineeForm(
                                station.id(), name(), phone(), places[i], i == 0 ? "社区书记" : "网格员"))
                        .id());
            }
            for (int t = 0; t < 2; t++) {
                var w = trainings.create(new TrainingService.TrainingForm(
                        station.id(),
                        TrainingAudience.WORKER,
                        null,
                        t == 0 ? "社会工作理论与个案工作方法" : "小组工作实务与督导",
                        "内蒙古科技大学社会工作系 王教授",
                        "理论教学与实操训练相结合。",
                        new BigDecimal(t == 0 ? "16" : "12"),
                        null,
                        record(
                                t == 0 ? "社区工作者社会工作专业培训（一）" : "社区工作者社会工作专业培训（二）",
                                day(t, 19),
                                "社工站会议室",
                                true,
                                5,
                                "专题讲授与案例研讨。")));
                for (Long id : trainees) {
                    trainings.addAttendee(w.id(), new TrainingService.AttendeeForm(null, id, null, true));
                }
                photo(w.record().recordId(), w.record().serviceDate());
            }
            var sup = development.createSupervision(new StaffDevelopmentService.SupervisionForm(
                    station.id(),
                    "刘慧",
                    "包头市社会工作协会",
                    "个案服务计划制定与风险评估",
                    "低保户王某家庭个案；独居老人李某个案",
                    "个案目标应具体可测量，补充家庭支持网络评估，每月回访一次。",
                    null,
                    record("专业督导：个案服务计划与风险评估", day(1, 25), "社工站会议室", true, 3, "督导老师逐案点评。")));
            long recordId = sup.record().recordId();
            for (String n : new String[] {"张伟", "赵敏", "刘慧"}) {
                bridge.addSignIn(recordId, n, phone());
            }
            photo(recordId, sup.record().serviceDate());
            int year = today.getYear();
            development.addExamEntry(new StaffDevelopmentService.ExamEntryForm(
                    station.id(),
                    null,
                    name(),
                    year - 1,
                    CertificateLevel.ASSISTANT,
                    ExamResult.PASSED,
                    "参加区民政局组织的考前辅导"));
            development.addExamEntry(new StaffDevelopmentService.ExamEntryForm(
                    station.id(), null, name(), year - 1, CertificateLevel.ASSISTANT, ExamResult.FAILED, null));
            for (int i = 0; i < 3; i++) {
                development.addExamEntry(new StaffDevelopmentService.ExamEntryForm(
                        station.id(),
                        null,
                        name(),
                        year,
                        i == 2 ? CertificateLevel.INTERMEDIATE : CertificateLevel.ASSISTANT,
                        i < 2 ? ExamResult.PASSED : ExamResult.PENDING,
                        "站内每周一次考前辅导，共 8 次"));
            }
        }

        void documents() {
            for (String name : DOCUMENTS) {
                // the quarterly needs report is for one quarter (the demo contract's first), not for every quarter
                boolean quarterly = name.equals("季度需求报告");
                LocalDate quarter = today.minusMonths(2).withDayOfMonth(1);
                var doc = documents.create(new StationDocumentService.DocumentForm(
                        station.id(),
                        null,
                        name,
                        name.endsWith("制度") ? "已上墙，张贴于社工站服务大厅" : null,
                        quarterly ? quarter : null,
                        quarterly ? quarter.plusMonths(3).minusDays(1) : null,
                        null));
                if (s == 0 && MISSING_AT_FIRST.contains(name)) {
                    continue; // entry made, photo still to come: the board shows it missing
                }
                uploadDocument(doc.id());
            }
        }

        void uploadDocument(long id) {
            byte[] jpeg = DemoPictures.document(photoSeed++);
            documents.addPhoto(
                    id,
                    PhotoSource.GALLERY,
                    "demo-community-doc-" + s + "-" + id,
                    "制度.jpg",
                    jpeg.length,
                    new ByteArrayInputStream(jpeg),
                    null);
        }
    }
}
