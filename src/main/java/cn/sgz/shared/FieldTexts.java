package cn.sgz.shared;

import cn.sgz.shared.BusinessException.FieldProblem;
import java.util.List;

/** Field checks with messages that name the field, as the forms show them. */
public final class FieldTexts {

    private FieldTexts() {}

    public static void required(String field, String label, String value, int max, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, label + "：请填写" + label));
        } else if (value.strip().length() > max) {
            problems.add(new FieldProblem(field, label + "：不能超过" + max + "个字"));
        }
    }

    public static void optional(String field, String label, String value, int max, List<FieldProblem> problems) {
        if (value != null && value.strip().length() > max) {
            problems.add(new FieldProblem(field, label + "：不能超过" + max + "个字"));
        }
    }

    /** Throws every collected problem at once (the first one as the summary). */
    public static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new BusinessException("INVALID_INPUT", problems.get(0).message(), problems);
        }
    }

    public static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
