package cn.sgz.recipient.internal;

import cn.sgz.recipient.AssistanceSubtype;
import cn.sgz.recipient.ChildSubtype;
import cn.sgz.recipient.ElderlyFlag;
import cn.sgz.recipient.RecipientCategory;
import cn.sgz.shared.BusinessException.FieldProblem;
import cn.sgz.shared.PhoneNumbers;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The rules for one recipient, shared by the form, the API and every import row: returns the
 * normalized data or the list of problems, keyed by form field name.
 */
final class RecipientRules {

    private RecipientRules() {}

    record Outcome(RecipientData data, List<FieldProblem> problems) {

        boolean ok() {
            return problems.isEmpty();
        }
    }

    static Outcome check(RecipientForm f, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = f.name() == null ? "" : f.name().strip();
        if (name.isEmpty()) {
            problems.add(new FieldProblem("name", "姓名不能为空"));
        } else if (name.length() > 50) {
            problems.add(new FieldProblem("name", "姓名不能超过50个字"));
        }

        String id = IdNumbers.normalize(f.idNumber());
        String idProblem = IdNumbers.problem(id, today);
        LocalDate birth = null;
        String gender = null;
        if (idProblem != null) {
            problems.add(new FieldProblem("idNumber", idProblem));
        } else {
            birth = IdNumbers.birthDate(id);
            gender = IdNumbers.gender(id);
            String givenGender = normalizeGender(f.gender());
            if (f.gender() != null && !f.gender().isBlank() && givenGender == null) {
                problems.add(new FieldProblem("gender", "性别应填“男”或“女”"));
            } else if (givenGender != null && !givenGender.equals(gender)) {
                problems.add(new FieldProblem("gender", "性别与身份证号不符（身份证号显示为" + gender + "）"));
            }
            if (f.birthDate() != null && !f.birthDate().equals(birth)) {
                problems.add(new FieldProblem("birthDate", "出生日期与身份证号不符（身份证号显示为" + birth + "）"));
            }
        }

        String phone = null;
        if (f.phone() != null && !f.phone().isBlank()) {
            if (PhoneNumbers.isValid(f.phone())) {
                phone = f.phone().replace(" ", "").replace("+86", "");
            } else {
                problems.add(new FieldProblem("phone", "联系电话格式不正确：应为11位手机号或带区号的固定电话"));
            }
        }
        String address = blankToNull(f.address());
        if (address != null && address.length() > 200) {
            problems.add(new FieldProblem("address", "住址不能超过200个字"));
        }
        String note = blankToNull(f.note());
        if (note != null && note.length() > 500) {
            problems.add(new FieldProblem("note", "备注不能超过500个字"));
        }

        // Subtypes and flags imply their category, so a list of 残疾人 need not repeat "残疾人" on every row.
        Set<RecipientCategory> cats = f.categories() == null || f.categories().isEmpty()
                ? EnumSet.noneOf(RecipientCategory.class)
                : EnumSet.copyOf(f.categories());
        if (f.assistanceSubtype() != null) {
            cats.add(RecipientCategory.SOCIAL_ASSISTANCE);
        }
        if (f.elderlyFlags() != null && !f.elderlyFlags().isEmpty()) {
            cats.add(RecipientCategory.ELDERLY);
        }
        if (f.childSubtypes() != null && !f.childSubtypes().isEmpty()) {
            cats.add(RecipientCategory.CHILD);
        }
        if (f.disabilityType() != null || f.disabilityGrade() != null) {
            cats.add(RecipientCategory.DISABLED);
        }
        String otherSubtype = blankToNull(f.otherSubtype());
        if (otherSubtype != null) {
            cats.add(RecipientCategory.OTHER);
            if (otherSubtype.length() > 50) {
                problems.add(new FieldProblem("otherSubtype", "其他困境群体类型不能超过50个字"));
            }
        }
        if (cats.isEmpty()) {
            problems.add(new FieldProblem("categories", "请至少选择一个类别（社会救助、困难老人、困境儿童、残疾人、其他）"));
        }
        if (birth != null) {
            int age = Period.between(birth, today).getYears();
            if (cats.contains(RecipientCategory.ELDERLY) && age < 60) {
                problems.add(new FieldProblem("categories", "困难老人应年满60周岁（按身份证号为" + age + "岁）"));
            }
            if (cats.contains(RecipientCategory.CHILD) && age >= 18) {
                problems.add(new FieldProblem("categories", "困境儿童应未满18周岁（按身份证号为" + age + "岁）"));
            }
            if (f.elderlyFlags() != null && f.elderlyFlags().contains(ElderlyFlag.ADVANCED_AGE) && age < 80) {
                problems.add(new FieldProblem("elderlyFlags", "高龄老人应年满80周岁（按身份证号为" + age + "岁）"));
            }
        }

        List<CategoryRow> rows = new ArrayList<>();
        for (RecipientCategory c : cats) {
            rows.add(
                    switch (c) {
                        case SOCIAL_ASSISTANCE ->
                            new CategoryRow(
                                    c,
                                    f.assistanceSubtype() == null
                                            ? null
                                            : f.assistanceSubtype().name(),
                                    List.of());
                        case ELDERLY -> new CategoryRow(c, null, CategoryRow.names(f.elderlyFlags()));
                        case CHILD -> new CategoryRow(c, null, CategoryRow.names(f.childSubtypes()));
                        case DISABLED -> new CategoryRow(c, null, List.of());
                        case OTHER -> new CategoryRow(c, otherSubtype, List.of());
                    });
        }
        RecipientData data = problems.isEmpty()
                ? new RecipientData(
                        name,
                        gender,
                        birth,
                        id,
                        phone,
                        address,
                        rows,
                        f.disabilityType(),
                        f.disabilityGrade(),
                        f.subsidyStatus(),
                        f.riskLevel(),
                        note)
                : null;
        return new Outcome(data, problems);
    }

    static String normalizeGender(String g) {
        if (g == null || g.isBlank()) {
            return null;
        }
        return switch (g.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "男", "男性", "M", "MALE" -> "男";
            case "女", "女性", "F", "FEMALE" -> "女";
            default -> null;
        };
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Labels of a category row, e.g. "困难老人（空巢、独居）". */
    static String describe(CategoryRow row) {
        List<String> parts = new ArrayList<>();
        switch (row.category()) {
            case SOCIAL_ASSISTANCE -> {
                if (row.subtype() != null) {
                    parts.add(safeLabel(AssistanceSubtype.class, row.subtype()));
                }
            }
            case ELDERLY -> row.flags().forEach(fl -> parts.add(safeLabel(ElderlyFlag.class, fl)));
            case CHILD -> row.flags().forEach(fl -> parts.add(safeLabel(ChildSubtype.class, fl)));
            case OTHER -> {
                if (row.subtype() != null) {
                    parts.add(row.subtype());
                }
            }
            default -> {}
        }
        return row.category().label() + (parts.isEmpty() ? "" : "（" + String.join("、", parts) + "）");
    }

    private static <E extends Enum<E> & cn.sgz.shared.vocabulary.Labelled> String safeLabel(
            Class<E> type, String code) {
        try {
            return Enum.valueOf(type, code).label();
        } catch (IllegalArgumentException e) {
            return code;
        }
    }
}
