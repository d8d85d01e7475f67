package cn.sgz.recipient.internal;

import cn.sgz.recipient.AssistanceSubtype;
import cn.sgz.recipient.ChildSubtype;
import cn.sgz.recipient.DisabilityGrade;
import cn.sgz.recipient.DisabilityType;
import cn.sgz.recipient.ElderlyFlag;
import cn.sgz.recipient.RecipientCategory;
import cn.sgz.recipient.SubsidyStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Synthetic but realistic people for demo data, tests and benchmarks: common Han surnames and
 * era-typical given names (plus Mongolian names, as in 包头), valid ID numbers (area code, birth date,
 * sequence with gender parity, GB 11643 check character), mobile numbers, addresses in given villages.
 * Deterministic for a seed. None of these people exist.
 */
public final class SyntheticPeople {

    private static final String SURNAMES =
            "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁" + "魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文";
    private static final String OLD_MALE = "德福贵富国建明志文海山林生华忠金宝庆玉成有才树春发祥荣";
    private static final String OLD_FEMALE = "秀英兰桂芳珍凤玉华梅淑翠琴荣霞云素花娥莲香春月";
    private static final String MID_MALE = "伟强军勇磊涛斌杰鹏辉刚峰波东俊亮超健平飞";
    private static final String MID_FEMALE = "丽敏静燕娟艳玲红霞婷雪慧琳颖倩萍洁晶";
    private static final String YOUNG_MALE = "浩宇轩泽睿博皓辰铭晨子一航昊然俊熙";
    private static final String YOUNG_FEMALE = "涵欣怡诗雨萱妍可琪梓思佳悦瑶彤语桐";
    private static final String[] MONGOLIAN_MALE = {"巴特尔", "额尔敦", "那仁", "宝音", "苏和", "朝鲁", "孟和", "阿拉坦"};
    private static final String[] MONGOLIAN_FEMALE = {"乌云其其格", "其木格", "斯琴", "格日勒", "图雅", "苏日娜", "萨仁", "娜仁花"};
    private static final String[] AREAS = {
        "150207", "150207", "150207", "150207", "150203", "150204", "150202", "150221", "150222", "152601"
    };
    private static final String[] MOBILE_PREFIX = {
        "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "156", "158", "159",
        "177", "180", "183", "186", "187", "188", "189", "199"
    };
    private static final String[] OTHER_GROUPS = {"困难退役军人", "下岗职工", "外来务工人员", "留守妇女", "社区矫正对象"};

    private final Random random;
    private final LocalDate today;

    public SyntheticPeople(long seed, LocalDate today) {
        this.random = new Random(seed);
        this.today = today;
    }

    /** One person as a district list would carry them. */
    public record Person(
            String name,
            String gender,
            LocalDate birthDate,
            String idNumber,
            String phone,
            String address,
            String village,
            Set<RecipientCategory> categories,
            AssistanceSubtype assistance,
            Set<ElderlyFlag> elderlyFlags,
            Set<ChildSubtype> childSubtypes,
            DisabilityType disabilityType,
            DisabilityGrade disabilityGrade,
            SubsidyStatus subsidy,
            String otherGroup,
            String guardianName,
            String guardianRelation,
            String guardianPhone) {

        /** The 类别 cell of a district list, e.g. "困难老人、空巢、独居、低保". */
        public String categoryText() {
            List<String> parts = new ArrayList<>();
            if (categories.contains(RecipientCategory.ELDERLY)) {
                parts.add("困难老人");
                elderlyFlags.forEach(f -> parts.add(f.label()));
            }
            if (categories.contains(RecipientCategory.CHILD)) {
                childSubtypes.forEach(c -> parts.add(c.label()));
            }
            if (categories.contains(RecipientCategory.SOCIAL_ASSISTANCE)) {
                parts.add(assistance == null ? "社会救助" : assistance.label());
            }
            if (categories.contains(RecipientCategory.DISABLED)) {
                parts.add("残疾人");
            }
            if (categories.contains(RecipientCategory.OTHER)) {
                parts.add(otherGroup);
            }
            return String.join("、", parts);
        }
    }

    /** A person of the given category, living in one of the villages. */
    public Person person(RecipientCategory category, List<String> villages) {
        String village = villages.isEmpty() ? null : villages.get(random.nextInt(villages.size()));
        return switch (category) {
            case ELDERLY -> elderly(village);
            case CHILD -> child(village);
            case DISABLED -> disabled(village);
            case SOCIAL_ASSISTANCE -> assisted(village);
            case OTHER -> other(village);
        };
    }

    /** A person of a category drawn with realistic weights. */
    public Person anyPerson(List<String> villages) {
        int r = random.nextInt(100);
        RecipientCategory c = r < 35
                ? RecipientCategory.ELDERLY
                : r < 55
                        ? RecipientCategory.SOCIAL_ASSISTANCE
                        : r < 75
                                ? RecipientCategory.DISABLED
                                : r < 93 ? RecipientCategory.CHILD : RecipientCategory.OTHER;
        return person(c, villages);
    }

    private Person elderly(String village) {
        int age = 60 + (int) Math.abs(random.nextGaussian() * 12) % 38;
        boolean male = random.nextBoolean();
        LocalDate birth = birth(age);
        Set<ElderlyFlag> flags = EnumSet.noneOf(ElderlyFlag.class);
        if (age >= 80) {
            flags.add(ElderlyFlag.ADVANCED_AGE);
        }
        ElderlyFlag[] pool = {
            ElderlyFlag.EMPTY_NEST,
            ElderlyFlag.LIVING_ALONE,
            ElderlyFlag.LEFT_BEHIND,
            ElderlyFlag.DISABLED_CARE,
            ElderlyFlag.TEKUN,
            ElderlyFlag.SEVERE_DISABILITY,
            ElderlyFlag.FAMILY_PLANNING_SPECIAL
        };
        int n = 1 + random.nextInt(2);
        for (int i = 0; i < n; i++) {
            flags.add(pool[Math.min(pool.length - 1, (int) Math.abs(random.nextGaussian() * 2.2))]);
        }
        Set<RecipientCategory> cats = EnumSet.of(RecipientCategory.ELDERLY);
        AssistanceSubtype assistance = null;
        if (flags.contains(ElderlyFlag.TEKUN)) {
            cats.add(RecipientCategory.SOCIAL_ASSISTANCE);
            assistance = AssistanceSubtype.TEKUN;
        } else if (random.nextInt(4) == 0) {
            cats.add(RecipientCategory.SOCIAL_ASSISTANCE);
            assistance = AssistanceSubtype.DIBAO;
        }
        DisabilityType dt = null;
        DisabilityGrade dg = null;
        SubsidyStatus ss = null;
        if (flags.contains(ElderlyFlag.SEVERE_DISABILITY)) {
            cats.add(RecipientCategory.DISABLED);
            dt = random.nextBoolean() ? DisabilityType.PHYSICAL : DisabilityType.VISUAL;
            dg = random.nextBoolean() ? DisabilityGrade.GRADE_1 : DisabilityGrade.GRADE_2;
            ss = SubsidyStatus.RECEIVING;
        }
        return new Person(
                name(male, age),
                male ? "男" : "女",
                birth,
                idNumber(birth, male),
                phone(85),
                address(village),
                village,
                cats,
                assistance,
                flags,
                EnumSet.noneOf(ChildSubtype.class),
                dt,
                dg,
                ss,
                null,
                null,
                null,
                null);
    }

    private Person child(String village) {
        int age = 3 + random.nextInt(15);
        boolean male = random.nextBoolean();
        LocalDate birth = birth(age);
        ChildSubtype sub = switch (random.nextInt(5)) {
            case 0, 1 -> ChildSubtype.LEFT_BEHIND;
            case 2, 3 -> ChildSubtype.DIFFICULT;
            default -> ChildSubtype.MIGRANT;
        };
        Set<ChildSubtype> subs = EnumSet.of(sub);
        String surname = surname();
        boolean grandparent = sub == ChildSubtype.LEFT_BEHIND || random.nextInt(3) == 0;
        String relation = grandparent ? (random.nextBoolean() ? "祖母" : "祖父") : (random.nextBoolean() ? "母亲" : "父亲");
        boolean guardianMale = relation.equals("祖父") || relation.equals("父亲");
        String guardian = relation.startsWith("祖") || relation.equals("父亲")
                ? surname + given(guardianMale, grandparent ? 65 : 38)
                : surname() + given(false, 38);
        return new Person(
                surname + given(male, age),
                male ? "男" : "女",
                birth,
                idNumber(birth, male),
                null,
                address(village),
                village,
                EnumSet.of(RecipientCategory.CHILD),
                null,
                EnumSet.noneOf(ElderlyFlag.class),
                subs,
                null,
                null,
                null,
                null,
                guardian,
                relation,
                mobile());
    }

    private Person disabled(String village) {
        int age = 18 + random.nextInt(62);
        boolean male = random.nextInt(10) < 6;
        LocalDate birth = birth(age);
        DisabilityType type = DisabilityType.values()[random.nextInt(DisabilityType.values().length)];
        DisabilityGrade grade = DisabilityGrade.values()[random.nextInt(4)];
        SubsidyStatus subsidy = switch (random.nextInt(6)) {
            case 0 -> SubsidyStatus.ELIGIBLE_NOT_RECEIVING;
            case 1 -> SubsidyStatus.APPLYING;
            case 2 -> SubsidyStatus.NOT_ELIGIBLE;
            default -> SubsidyStatus.RECEIVING;
        };
        Set<RecipientCategory> cats = EnumSet.of(RecipientCategory.DISABLED);
        AssistanceSubtype assistance = null;
        if (random.nextInt(3) == 0) {
            cats.add(RecipientCategory.SOCIAL_ASSISTANCE);
            assistance = AssistanceSubtype.DIBAO;
        }
        return new Person(
                name(male, age),
                male ? "男" : "女",
                birth,
                idNumber(birth, male),
                phone(90),
                address(village),
                village,
                cats,
                assistance,
                EnumSet.noneOf(ElderlyFlag.class),
                EnumSet.noneOf(ChildSubtype.class),
                type,
                grade,
                subsidy,
                null,
                null,
                null,
                null);
    }

    private Person assisted(String village) {
        int age = 25 + random.nextInt(40);
        boolean male = random.nextBoolean();
        LocalDate birth = birth(age);
        AssistanceSubtype sub = switch (random.nextInt(10)) {
            case 0, 1, 2, 3, 4 -> AssistanceSubtype.DIBAO;
            case 5, 6 -> AssistanceSubtype.LOW_INCOME;
            case 7 -> AssistanceSubtype.TEKUN;
            default -> AssistanceSubtype.TEMPORARY;
        };
        return new Person(
                name(male, age),
                male ? "男" : "女",
                birth,
                idNumber(birth, male),
                phone(95),
                address(village),
                village,
                EnumSet.of(RecipientCategory.SOCIAL_ASSISTANCE),
                sub,
                EnumSet.noneOf(ElderlyFlag.class),
                EnumSet.noneOf(ChildSubtype.class),
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private Person other(String village) {
        int age = 22 + random.nextInt(38);
        String group = OTHER_GROUPS[random.nextInt(OTHER_GROUPS.length)];
        boolean male = !group.equals("留守妇女") && random.nextBoolean();
        LocalDate birth = birth(age);
        return new Person(
                name(male, age),
                male ? "男" : "女",
                birth,
                idNumber(birth, male),
                phone(95),
                address(village),
                village,
                EnumSet.of(RecipientCategory.OTHER),
                null,
                EnumSet.noneOf(ElderlyFlag.class),
                EnumSet.noneOf(ChildSubtype.class),
                null,
                null,
                null,
                group,
                null,
                null,
                null);
    }

    public String name(boolean male, int age) {
        if (random.nextInt(12) == 0) {
            String[] pool = male ? MONGOLIAN_MALE : MONGOLIAN_FEMALE;
            return pool[random.nextInt(pool.length)];
        }
        return surname() + given(male, age);
    }

    private String surname() {
        // Skewed toward the most common surnames, as in real rosters.
        int i = (int) Math.min(SURNAMES.length() - 1, Math.abs(random.nextGaussian() * 30));
        return String.valueOf(SURNAMES.charAt(i));
    }

    private String given(boolean male, int age) {
        String pool = age >= 55
                ? (male ? OLD_MALE : OLD_FEMALE)
                : age >= 20 ? (male ? MID_MALE : MID_FEMALE) : (male ? YOUNG_MALE : YOUNG_FEMALE);
        String first = String.valueOf(pool.charAt(random.nextInt(pool.length())));
        if (random.nextInt(10) < 3) {
            return first;
        }
        return first + pool.charAt(random.nextInt(pool.length()));
    }

    private LocalDate birth(int age) {
        return today.minusYears(age).minusDays(1 + random.nextInt(360));
    }

    /** A valid 18-character ID number for the birth date and gender. */
    public String idNumber(LocalDate birth, boolean male) {
        String area = AREAS[random.nextInt(AREAS.length)];
        int seq = random.nextInt(100) * 10 + (male ? 1 + 2 * random.nextInt(5) : 2 * random.nextInt(5));
        String first17 = area
                + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
                + String.format("%03d", seq);
        return first17 + IdNumbers.checkChar(first17);
    }

    public String mobile() {
        return MOBILE_PREFIX[random.nextInt(MOBILE_PREFIX.length)] + String.format("%08d", random.nextInt(100_000_000));
    }

    private String phone(int percentWithPhone) {
        int r = random.nextInt(100);
        if (r >= percentWithPhone) {
            return null;
        }
        return r < 8 ? "0472-" + (2000000 + random.nextInt(8000000)) : mobile();
    }

    private String address(String village) {
        String v = village == null ? "" : village.replace("社工室", "");
        if (v.endsWith("苏木")) {
            return "九原区" + v + (1 + random.nextInt(9)) + "嘎查" + (1 + random.nextInt(6)) + "组";
        }
        return "九原区" + v + (1 + random.nextInt(30)) + "栋" + (1 + random.nextInt(6)) + "单元"
                + (101 + random.nextInt(6) * 100 + random.nextInt(4)) + "号";
    }

    /** Distinct people (no two with the same ID number), e.g. for a 50,000-row list. */
    public List<Person> distinctPeople(int count, List<String> villages) {
        Set<String> seen = new LinkedHashSet<>();
        List<Person> people = new ArrayList<>(count);
        while (people.size() < count) {
            Person p = anyPerson(villages);
            if (seen.add(p.idNumber())) {
                people.add(p);
            }
        }
        return people;
    }
}
