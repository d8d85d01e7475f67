package cn.sgz.recipient.internal;

import cn.sgz.org.DemoUsers;
import cn.sgz.org.OrgUnitView;
import cn.sgz.recipient.ChildSubtype;
import cn.sgz.recipient.ElderlyFlag;
import cn.sgz.recipient.FollowUpFrequency;
import cn.sgz.recipient.FollowUpMethod;
import cn.sgz.recipient.NeedCode;
import cn.sgz.recipient.RecipientCategory;
import cn.sgz.recipient.RiskLevel;
import cn.sgz.recipient.internal.RecipientAccess.Placement;
import cn.sgz.recipient.internal.RecipientStore.Placed;
import cn.sgz.shared.ChinaTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo ledgers on first start of a demo system: about fifty synthetic people per station across all
 * categories, guardians for children, home assessments, and a follow-up roster with people done, due
 * and overdue this quarter. Runs after the org demo data, acting as the demo county officer.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "sgz.demo.enabled", havingValue = "true")
class DemoRecipientData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRecipientData.class);

    private final JdbcClient jdbc;
    private final DemoUsers demoUsers;
    private final RecipientAccess access;
    private final RecipientStore store;
    private final HouseholdService household;
    private final AssessmentService assessments;
    private final FollowUpService followUps;

    DemoRecipientData(
            JdbcClient jdbc,
            DemoUsers demoUsers,
            RecipientAccess access,
            RecipientStore store,
            HouseholdService household,
            AssessmentService assessments,
            FollowUpService followUps) {
        this.jdbc = jdbc;
        this.demoUsers = demoUsers;
        this.access = access;
        this.store = store;
        this.household = household;
        this.assessments = assessments;
        this.followUps = followUps;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM recipient").query(Long.class).single() > 0) {
            return;
        }
        demoUsers.runAs("demo_bureau", this::load);
    }

    /** The demo worker of each demo station; stations without one get ledger entries only. */
    private static final java.util.Map<String, String> STATION_WORKERS =
            java.util.Map.of("沙河街道社工站", "demo_worker", "萨如拉街道社工站", "demo_worker2");

    private void load() {
        LocalDate today = ChinaTime.today();
        Set<String> seen = new HashSet<>();
        int total = 0;
        for (OrgUnitView station : access.stations()) {
            Random random = new Random(station.id() * 7919L);
            SyntheticPeople people = new SyntheticPeople(station.id() * 104729L, today);
            List<OrgUnitView> rooms = access.rooms().stream()
                    .filter(r -> r.parentId() != null && r.parentId() == station.id())
                    .toList();
            List<String> villages = rooms.stream().map(OrgUnitView::name).toList();
            int count = 45 + random.nextInt(11);
            List<Placed> placed = new ArrayList<>();
            List<SyntheticPeople.Person> persons = new ArrayList<>();
            while (placed.size() < count) {
                RecipientCategory cat = RecipientCategory.values()[
                        placed.size() % 5 == 4 && random.nextBoolean() ? 4 : placed.size() % 4];
                SyntheticPeople.Person p = people.person(cat, villages);
                if (!seen.add(p.idNumber())) {
                    continue;
                }
                OrgUnitView room = rooms.stream()
                        .filter(r -> r.name().equals(p.village()))
                        .findFirst()
                        .orElse(station);
                RecipientRules.Outcome outcome = RecipientRules.check(form(p, room.id()), today);
                if (!outcome.ok()) {
                    continue;
                }
                placed.add(new Placed(Placement.of(room), outcome.data()));
                persons.add(p);
            }
            store.insertBatch(placed, null, "demo_bureau");
            // Visits are written as the station's own worker, so they also become service records.
            String worker = STATION_WORKERS.get(station.name());
            Runnable visits = () -> visits(placed, persons, today, random);
            if (worker == null || !demoUsers.runAs(worker, visits)) {
                visits.run();
            }
            total += placed.size();
        }
        log.info("已载入演示台账：{}名服务对象、入户评估和跟踪回访台账", total);
    }

    /** Household members, home assessments and the follow-up roster of a station's new people. */
    private void visits(List<Placed> placed, List<SyntheticPeople.Person> persons, LocalDate today, Random random) {
        for (int i = 0; i < placed.size(); i++) {
            long id = placed.get(i).newId()[0];
            SyntheticPeople.Person p = persons.get(i);
            if (p.guardianName() != null) {
                household.insert(id, p.guardianName(), p.guardianRelation(), p.guardianPhone(), true, null, null);
            }
            // every tenth person shares a household with the one before, both on the ledger (the people picker
            // offers household members first)
            if (i % 10 == 1) {
                SyntheticPeople.Person other = persons.get(i - 1);
                household.insert(
                        id,
                        other.name(),
                        "同户家庭成员",
                        other.phone(),
                        false,
                        placed.get(i - 1).newId()[0],
                        null);
            }
            if (i % 5 < 3) {
                assess(id, p, today.minusDays(5 + random.nextInt(150)), random);
            }
            if (i % 4 == 0) {
                roster(id, p, today, random, i);
            }
        }
    }

    private static RecipientForm form(SyntheticPeople.Person p, long unitId) {
        RiskLevel risk = p.elderlyFlags().contains(ElderlyFlag.LIVING_ALONE) ? RiskLevel.MEDIUM : null;
        return new RecipientForm(
                unitId,
                p.name(),
                p.gender(),
                p.birthDate(),
                p.idNumber(),
                p.phone(),
                p.address(),
                p.categories(),
                p.assistance(),
                p.elderlyFlags(),
                p.childSubtypes(),
                p.disabilityType(),
                p.disabilityGrade(),
                p.subsidy(),
                p.otherGroup(),
                risk,
                null);
    }

    private void assess(long id, SyntheticPeople.Person p, LocalDate on, Random random) {
        Set<NeedCode> needs = EnumSet.noneOf(NeedCode.class);
        RiskLevel risk = RiskLevel.LOW;
        String care;
        if (p.categories().contains(RecipientCategory.ELDERLY)) {
            needs.add(NeedCode.DAILY_CARE);
            if (p.elderlyFlags().contains(ElderlyFlag.LIVING_ALONE)
                    || p.elderlyFlags().contains(ElderlyFlag.EMPTY_NEST)) {
                needs.add(NeedCode.PSYCHOLOGICAL);
                needs.add(NeedCode.SAFETY);
            }
            if (p.elderlyFlags().contains(ElderlyFlag.DISABLED_CARE)) {
                needs.add(NeedCode.MEDICAL);
            }
            risk = AssessmentService.suggestedRisk(p.elderlyFlags());
            care = p.elderlyFlags().contains(ElderlyFlag.LIVING_ALONE) ? "独自居住，子女在外地，每月电话联系" : "与老伴同住，子女偶尔探望";
        } else if (p.categories().contains(RecipientCategory.CHILD)) {
            needs.add(NeedCode.EDUCATION);
            needs.add(NeedCode.GUARDIANSHIP);
            if (p.childSubtypes().contains(ChildSubtype.DIFFICULT)) {
                needs.add(NeedCode.ECONOMIC);
                risk = RiskLevel.MEDIUM;
            }
            care = "由" + p.guardianRelation() + "照料";
        } else if (p.categories().contains(RecipientCategory.DISABLED)) {
            needs.add(NeedCode.REHABILITATION);
            if (p.subsidy() == cn.sgz.recipient.SubsidyStatus.ELIGIBLE_NOT_RECEIVING) {
                needs.add(NeedCode.DISABILITY_SUBSIDY);
                risk = RiskLevel.MEDIUM;
            }
            care = "家人照料";
        } else {
            needs.add(random.nextBoolean() ? NeedCode.EMPLOYMENT : NeedCode.POLICY);
            needs.add(NeedCode.ECONOMIC);
            care = "生活基本自理";
        }
        boolean child = p.categories().contains(RecipientCategory.CHILD);
        assessments.record(
                id,
                new AssessmentService.AssessmentForm(
                        on,
                        p.categories().contains(RecipientCategory.SOCIAL_ASSISTANCE)
                                ? "家庭收入主要依靠低保金，月均约1200元"
                                : "有固定收入，支出以医疗为主",
                        random.nextBoolean() ? "自有住房，砖混结构，冬季取暖靠燃煤" : "租住楼房，居住条件一般",
                        random.nextBoolean() ? "有高血压等慢性病，需长期服药" : "身体状况一般",
                        care,
                        needs,
                        null,
                        "与邻里关系较好，社区网格员经常走访",
                        risk,
                        p.categories().contains(RecipientCategory.ELDERLY) ? p.elderlyFlags() : null,
                        child ? p.guardianRelation() + "监护，监护能力一般" : null,
                        child ? "日常生活由监护人照料" : null,
                        child ? (random.nextBoolean() ? "在读，成绩中等" : "在读，课业需辅导") : null,
                        child ? RiskLevel.LOW : null));
    }

    private void roster(long id, SyntheticPeople.Person p, LocalDate today, Random random, int i) {
        FollowUpFrequency.Period quarter = FollowUpFrequency.QUARTERLY.periodOf(today);
        LocalDate start = quarter.start().minusMonths(6);
        followUps.addToRoster(
                id,
                new FollowUpService.RosterForm(
                        FollowUpFrequency.QUARTERLY,
                        p.categories().contains(RecipientCategory.ELDERLY) ? "独居/空巢老人，需定期巡访" : "困难群众，定期跟踪回访",
                        start));
        switch (i % 3) {
            case 0 -> { // followed up this quarter: done
                if (!today.isBefore(quarter.start())) {
                    followUps.record(
                            id,
                            new FollowUpService.FollowUpForm(
                                    FollowUpMethod.VISIT,
                                    quarter.start()
                                            .plusDays(Math.min(
                                                    random.nextInt(20),
                                                    today.toEpochDay()
                                                            - quarter.start().toEpochDay())),
                                    "入户探访，身体状况稳定，生活物资充足",
                                    null));
                }
            }
            case 1 -> // last quarter only: due this quarter
                followUps.record(
                        id,
                        new FollowUpService.FollowUpForm(
                                FollowUpMethod.PHONE,
                                quarter.start().minusDays(20 + random.nextInt(30)),
                                "电话问候，情况良好",
                                null));
            default -> {
                // never followed up since joining two quarters ago: overdue
            }
        }
    }
}
