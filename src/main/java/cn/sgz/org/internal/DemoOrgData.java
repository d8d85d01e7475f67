package cn.sgz.org.internal;

import cn.sgz.org.CertificateLevel;
import cn.sgz.org.OrgUnitType;
import cn.sgz.org.Role;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo org tree, agency, staff and one account per role, loaded on first start of a demo system
 * (never in the prod profile). Later modules' demo loaders run after this one and act as these users.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "sgz.demo.enabled", havingValue = "true")
class DemoOrgData implements ApplicationRunner {

    static final String PASSWORD = "sgz-demo-2026!";
    private static final Logger log = LoggerFactory.getLogger(DemoOrgData.class);

    private final OrgUnitRepository units;
    private final AgencyRepository agencies;
    private final StaffRepository staff;
    private final UserAccountRepository users;
    private final PasswordEncoder encoder;

    DemoOrgData(
            OrgUnitRepository units,
            AgencyRepository agencies,
            StaffRepository staff,
            UserAccountRepository users,
            PasswordEncoder encoder) {
        this.units = units;
        this.agencies = agencies;
        this.staff = staff;
        this.users = users;
        this.encoder = encoder;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (units.count() > 0 || users.count() > 0) {
            return;
        }
        OrgUnit city = unit(null, OrgUnitType.CITY_BUREAU, "包头市民政局", "150200", null, null, "包头市昆都仑区");
        OrgUnit county = unit(city, OrgUnitType.COUNTY_BUREAU, "九原区民政局", "150207", null, null, "包头市九原区");
        OrgUnit general =
                unit(county, OrgUnitType.GENERAL_STATION, "九原区社会工作服务总站", "150207-00", 40.6005, 109.9680, "九原区建华南路");
        OrgUnit s1 = unit(general, OrgUnitType.STATION, "沙河街道社工站", "150207-01", 40.6010, 109.9702, "沙河街道办事处一楼");
        OrgUnit s2 = unit(general, OrgUnitType.STATION, "萨如拉街道社工站", "150207-02", 40.6350, 109.9260, "萨如拉街道党群服务中心");
        OrgUnit s3 = unit(general, OrgUnitType.STATION, "赛罕街道社工站", "150207-03", 40.6128, 109.9925, "赛罕街道便民服务中心");
        unit(s1, OrgUnitType.ROOM, "新光一村社区社工室", null, 40.6032, 109.9655, null);
        unit(s1, OrgUnitType.ROOM, "滨河社区社工室", null, 40.5948, 109.9781, null);
        unit(s2, OrgUnitType.ROOM, "萨如拉社区社工室", null, 40.6371, 109.9233, null);
        unit(s2, OrgUnitType.ROOM, "富康社区社工室", null, 40.6322, 109.9301, null);
        unit(s3, OrgUnitType.ROOM, "赛罕社区社工室", null, 40.6140, 109.9890, null);
        unit(s3, OrgUnitType.ROOM, "阿嘎如泰苏木社工室", null, 40.6204, 110.0102, null);

        Agency agency = agencies.save(new Agency("包头市九原区启航社会工作服务中心", "52150207MJY1234567", "王丽娜", "13904720001"));
        for (OrgUnit s : List.of(s1, s2, s3)) {
            agencies.linkStation(agency.getId(), s.getId());
        }

        staff(s1, agency, "李晓燕", "女", "13904720101", "站长", CertificateLevel.INTERMEDIATE, "S2019150200123", 2019);
        staff(s1, agency, "张伟", "男", "13904720102", "驻站社工", CertificateLevel.ASSISTANT, "A2022150200456", 2022);
        staff(s1, agency, "赵敏", "女", "13904720103", "驻站社工", CertificateLevel.NONE, null, 0);
        staff(s2, agency, "刘洋", "男", "13904720201", "站长", CertificateLevel.ASSISTANT, "A2021150200789", 2021);
        staff(s2, agency, "陈静", "女", "13904720202", "驻站社工", CertificateLevel.NONE, null, 0);
        staff(s3, agency, "孙丽", "女", "13904720301", "站长", CertificateLevel.NONE, null, 0);
        staff(s3, agency, "周强", "男", "13904720302", "驻站社工", CertificateLevel.ASSISTANT, "A2023150200321", 2023);

        user("demo_city", "包头市民政局 王科长", Role.CITY_OFFICER, city, null);
        user("demo_bureau", "九原区民政局 刘主任", Role.BUREAU_OFFICER, county, null);
        user("demo_evaluator", "第三方评估 周评估", Role.EVALUATOR, county, null);
        user("demo_agency", "启航社工 王丽娜", Role.AGENCY_MANAGER, null, agency);
        user("demo_head", "沙河站 李晓燕", Role.STATION_HEAD, s1, agency);
        user("demo_worker", "沙河站 张伟", Role.SOCIAL_WORKER, s1, agency);
        user("demo_worker2", "萨如拉站 陈静", Role.SOCIAL_WORKER, s2, agency);
        log.info("已载入演示数据：组织架构、承接机构、驻站人员和演示账号（密码 {}）", PASSWORD);
    }

    private OrgUnit unit(
            OrgUnit parent, OrgUnitType type, String name, String code, Double lat, Double lon, String address) {
        OrgUnit unit = units.save(new OrgUnit(parent, type, name, code));
        unit.assignPath(parent == null ? null : parent.getPath());
        unit.locate(lat, lon, address);
        return units.saveAndFlush(unit);
    }

    private void staff(
            OrgUnit station,
            Agency agency,
            String name,
            String gender,
            String phone,
            String position,
            CertificateLevel level,
            String certNumber,
            int certYear) {
        Staff s = new Staff(station.getId(), agency.getId());
        s.update(
                name, gender, phone, position, level, certNumber, certYear == 0 ? null : LocalDate.of(certYear, 6, 20));
        staff.save(s);
    }

    private void user(String username, String displayName, Role role, OrgUnit unit, Agency agency) {
        UserAccount account = new UserAccount(username, encoder.encode(PASSWORD));
        account.assign(
                displayName, role, unit == null ? null : unit.getId(), agency == null ? null : agency.getId(), null);
        users.save(account);
    }
}
