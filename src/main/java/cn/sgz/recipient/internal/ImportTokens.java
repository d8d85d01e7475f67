package cn.sgz.recipient.internal;

import cn.sgz.recipient.AssistanceSubtype;
import cn.sgz.recipient.ChildSubtype;
import cn.sgz.recipient.DisabilityGrade;
import cn.sgz.recipient.DisabilityType;
import cn.sgz.recipient.ElderlyFlag;
import cn.sgz.recipient.RecipientCategory;
import cn.sgz.recipient.RiskLevel;
import cn.sgz.recipient.SubsidyStatus;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the words district lists use in their 类别/标识/残疾/补贴 cells. */
final class ImportTokens {

    static final String CATEGORY_HELP = "可填：低保、低收入、特困、临时救助、困难老人（留守老人、高龄、空巢、独居、失能、重残、计划生育特殊家庭）、"
            + "困境儿童、留守儿童、流动儿童、残疾人、其他困境群体（如困难退役军人、下岗职工、外来务工人员、留守妇女、社区矫正对象、流浪乞讨人员）";
    private static final List<String> OTHER_GROUPS = List.of(
            "流浪乞讨人员", "流浪乞讨", "困难退役军人", "退役军人", "下岗职工", "外来务工人员", "外来务工", "留守妇女", "社区矫正对象", "社区矫正", "其他", "其他困境群体",
            "其他困境人群");
    private static final Pattern SPLIT = Pattern.compile("[、,，;；/|\\s]+");
    private static final Pattern DATE = Pattern.compile("(\\d{4})\\D{0,2}?(\\d{1,2})\\D{0,2}?(\\d{1,2})日?");

    private ImportTokens() {}

    /** Categories, subtypes and flags gathered from the cells of one row. */
    static final class Categories {
        final Set<RecipientCategory> categories = EnumSet.noneOf(RecipientCategory.class);
        final Set<ElderlyFlag> elderly = EnumSet.noneOf(ElderlyFlag.class);
        final Set<ChildSubtype> child = EnumSet.noneOf(ChildSubtype.class);
        AssistanceSubtype assistance;
        String other;
    }

    /** Adds what the text names; returns the words it could not understand (empty when all known). */
    static List<String> parseCategories(String text, Integer age, Categories into) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        java.util.ArrayList<String> unknown = new java.util.ArrayList<>();
        // "@SOCIAL_ASSISTANCE、特困；@ELDERLY、空巢": the words after a labelled category belong to that category only
        // (特困 of a 60-year-old under 社会救助对象 is not also 困难老人（特困）), up to the next ；
        for (String group : text.strip().isEmpty()
                ? new String[0]
                : unfoldLabels(text.strip()).split("[;；]")) {
            RecipientCategory context = null;
            for (String raw : SPLIT.split(group)) {
                if (raw.startsWith("@")) { // a category named by its own label, as the ledger export writes it
                    context = RecipientCategory.valueOf(raw.substring(1));
                    into.categories.add(context);
                    continue;
                }
                String t =
                        raw.replace("（", "").replace("）", "").replace("(", "").replace(")", "");
                if (t.isEmpty()) {
                    continue;
                }
                if (context != null && own(context, t, into)) {
                    continue;
                }
                Integer contextAge =
                        context == null || context == RecipientCategory.ELDERLY || context == RecipientCategory.CHILD
                                ? age
                                : null;
                if (!one(t, contextAge, into)) {
                    unknown.add(raw);
                }
            }
        }
        return unknown;
    }

    /** A word that is one of the labelled category's own subtypes or flags (as the ledger export writes them). */
    private static boolean own(RecipientCategory context, String t, Categories c) {
        switch (context) {
            case SOCIAL_ASSISTANCE -> {
                for (AssistanceSubtype s : AssistanceSubtype.values()) {
                    if (s.label().equals(t)) {
                        assistance(c, s);
                        return true;
                    }
                }
            }
            case ELDERLY -> {
                for (ElderlyFlag f : ElderlyFlag.values()) {
                    if (f.label().equals(t)) {
                        elderly(c, f);
                        return true;
                    }
                }
            }
            case CHILD -> {
                for (ChildSubtype s : ChildSubtype.values()) {
                    if (s.label().equals(t)) {
                        child(c, s);
                        return true;
                    }
                }
            }
            default -> {}
        }
        return false;
    }

    private static final Pattern LABELLED = Pattern.compile("([^、,，;；/|\\s（(]+)[（(]([^）)]*)[）)]");

    /**
     * The ledger export writes "困难老人（空巢、独居）；困境儿童（留守儿童）": a category's label with its flags in
     * brackets. Unfolded to "@ELDERLY、空巢、独居；@CHILD、留守儿童" so that the export re-imports as it was (困境儿童 is
     * both the category and one of its subtypes: before brackets it names the category only).
     */
    static String unfoldLabels(String text) {
        java.util.regex.Matcher m = LABELLED.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String head = m.group(1);
            String category = java.util.Arrays.stream(RecipientCategory.values())
                    .filter(k -> k.label().equals(head))
                    .map(k -> "@" + k.name())
                    .findFirst()
                    .orElse(head);
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(category + "、" + m.group(2)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static boolean one(String t, Integer age, Categories c) {
        boolean old = age != null && age >= 60;
        boolean young = age != null && age < 18;
        switch (t) {
            case "低保", "低保户", "低保对象", "最低生活保障", "城市低保", "农村低保" -> assistance(c, AssistanceSubtype.DIBAO);
            case "低收入", "低收入家庭", "低收入人口", "低边", "低保边缘", "低保边缘户" -> assistance(c, AssistanceSubtype.LOW_INCOME);
            case "特困",
                    "特困人员",
                    "特困供养",
                    "特困供养人员",
                    "五保",
                    "五保户",
                    "分散供养特困人员",
                    "集中供养特困人员",
                    "分散供养",
                    "集中供养",
                    "分散特困",
                    "集中特困" -> {
                assistance(c, AssistanceSubtype.TEKUN);
                if (old) {
                    elderly(c, ElderlyFlag.TEKUN);
                }
            }
            case "临时救助", "临时救助对象" -> assistance(c, AssistanceSubtype.TEMPORARY);
            case "社会救助", "社会救助对象", "救助对象" -> c.categories.add(RecipientCategory.SOCIAL_ASSISTANCE);
            case "困难老人", "特殊困难老人", "特殊困难老年人", "困难老年人", "老人", "老年人" -> c.categories.add(RecipientCategory.ELDERLY);
            case "留守老人", "农村留守老人", "留守老年人" -> elderly(c, ElderlyFlag.LEFT_BEHIND);
            case "高龄", "高龄老人", "80岁以上高龄", "80岁以上", "80周岁以上", "八十岁以上", "80岁以上老人", "高龄80岁以上", "80岁以上高龄老人" ->
                elderly(c, ElderlyFlag.ADVANCED_AGE);
            case "孤寡老人", "孤寡", "孤老" -> elderly(c, ElderlyFlag.LIVING_ALONE);
            case "低保老人", "低保老年人" -> {
                assistance(c, AssistanceSubtype.DIBAO);
                c.categories.add(RecipientCategory.ELDERLY);
            }
            case "空巢", "空巢老人" -> elderly(c, ElderlyFlag.EMPTY_NEST);
            case "特困老人" -> {
                elderly(c, ElderlyFlag.TEKUN);
                assistance(c, AssistanceSubtype.TEKUN);
            }
            case "独居", "独居老人" -> elderly(c, ElderlyFlag.LIVING_ALONE);
            case "失能", "失能老人", "半失能", "失能半失能", "失能半失能老人" -> elderly(c, ElderlyFlag.DISABLED_CARE);
            case "重残老人" -> elderly(c, ElderlyFlag.SEVERE_DISABILITY);
            case "计划生育特殊家庭", "计生特殊家庭", "计划生育特殊困难家庭", "失独", "失独家庭", "失独老人" ->
                elderly(c, ElderlyFlag.FAMILY_PLANNING_SPECIAL);
            case "困境儿童" -> child(c, ChildSubtype.DIFFICULT);
            case "留守儿童" -> child(c, ChildSubtype.LEFT_BEHIND);
            case "流动儿童" -> child(c, ChildSubtype.MIGRANT);
            case "儿童" -> c.categories.add(RecipientCategory.CHILD);
            case "残疾人", "残疾", "残疾人员", "持证残疾人" -> c.categories.add(RecipientCategory.DISABLED);
            case "重残", "重度残疾", "重度残疾人" -> {
                c.categories.add(RecipientCategory.DISABLED);
                if (old) {
                    elderly(c, ElderlyFlag.SEVERE_DISABILITY);
                }
            }
            case "留守" -> {
                if (old) {
                    elderly(c, ElderlyFlag.LEFT_BEHIND);
                } else if (young) {
                    child(c, ChildSubtype.LEFT_BEHIND);
                } else {
                    return false;
                }
            }
            default -> {
                if (OTHER_GROUPS.contains(t)) {
                    c.categories.add(RecipientCategory.OTHER);
                    if (!t.startsWith("其他")) {
                        c.other = t;
                    }
                    return true;
                }
                return false;
            }
        }
        return true;
    }

    private static void assistance(Categories c, AssistanceSubtype s) {
        c.categories.add(RecipientCategory.SOCIAL_ASSISTANCE);
        if (c.assistance == null) {
            c.assistance = s;
        }
    }

    private static void elderly(Categories c, ElderlyFlag f) {
        c.categories.add(RecipientCategory.ELDERLY);
        c.elderly.add(f);
    }

    private static void child(Categories c, ChildSubtype s) {
        c.categories.add(RecipientCategory.CHILD);
        c.child.add(s);
    }

    static DisabilityType disabilityType(String t) {
        String s = t.strip();
        for (DisabilityType d : DisabilityType.values()) {
            String core = d.label().replace("残疾", "");
            if (s.equals(d.label()) || s.equals(core) || s.equals(core + "残") || s.equalsIgnoreCase(d.name())) {
                return d;
            }
        }
        return null;
    }

    static DisabilityGrade disabilityGrade(String t) {
        String s = t.strip().replace("级", "").replace("等", "");
        return switch (s) {
            case "一", "1", "壹", "I" -> DisabilityGrade.GRADE_1;
            case "二", "2", "贰", "II" -> DisabilityGrade.GRADE_2;
            case "三", "3", "叁", "III" -> DisabilityGrade.GRADE_3;
            case "四", "4", "肆", "IV" -> DisabilityGrade.GRADE_4;
            default -> null;
        };
    }

    static SubsidyStatus subsidy(String t) {
        return switch (t.strip()) {
            case "已享受", "享受", "是", "有", "已发放", "两项均享受", "已领取" -> SubsidyStatus.RECEIVING;
            case "申请中", "正在申请", "已申请" -> SubsidyStatus.APPLYING;
            case "符合条件未享受", "未享受", "未申请" -> SubsidyStatus.ELIGIBLE_NOT_RECEIVING;
            case "不符合条件", "不符合", "否", "无" -> SubsidyStatus.NOT_ELIGIBLE;
            default -> null;
        };
    }

    static RiskLevel risk(String t) {
        return switch (t.strip().replace("风险", "")) {
            case "高", "高级", "红", "HIGH" -> RiskLevel.HIGH;
            case "中", "中等", "黄", "MEDIUM" -> RiskLevel.MEDIUM;
            case "低", "低级", "绿", "无", "LOW" -> RiskLevel.LOW;
            default -> null;
        };
    }

    /** yyyy-MM-dd, yyyy/M/d, yyyy.M.d, yyyyMMdd, yyyy年M月d日; null when not a date. */
    static LocalDate date(String t) {
        String s = t.strip();
        if (s.matches("\\d{8}")) {
            s = s.substring(0, 4) + "-" + s.substring(4, 6) + "-" + s.substring(6);
        }
        Matcher m = DATE.matcher(s);
        if (!m.matches()) {
            return null;
        }
        try {
            return LocalDate.of(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
