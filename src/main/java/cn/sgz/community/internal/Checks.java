package cn.sgz.community.internal;

import cn.sgz.shared.BusinessException;
import cn.sgz.shared.BusinessException.FieldProblem;
import cn.sgz.shared.ChinaTime;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Collects every problem of a form, each message naming the field in Chinese, then throws them together. */
public final class Checks {

    private final List<FieldProblem> problems = new ArrayList<>();

    /** Trimmed text, or null when blank; a problem when required and blank or when longer than max. */
    public String text(String value, String field, String label, int max, boolean required) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            if (required) {
                add(field, label + "：请填写" + label);
            }
            return null;
        }
        if (v.length() > max) {
            add(field, label + "：不能超过" + max + "个字");
        }
        return v;
    }

    public <T> T required(T value, String field, String label) {
        if (value == null) {
            add(field, label + "：请选择或填写" + label);
        }
        return value;
    }

    /** A date not in the future and not absurdly old. */
    public LocalDate pastDate(LocalDate value, String field, String label, boolean required) {
        if (value == null) {
            if (required) {
                add(field, label + "：请填写" + label);
            }
            return null;
        }
        LocalDate today = ChinaTime.today();
        if (value.isAfter(today)) {
            add(field, label + "：不能晚于今天");
        } else if (value.isBefore(LocalDate.of(1950, 1, 1))) {
            add(field, label + "：日期过早，请核对");
        }
        return value;
    }

    /** Hours between 0.5 and max, in steps of half an hour at most one decimal. */
    public BigDecimal hours(BigDecimal value, String field, String label, int max) {
        if (value == null) {
            add(field, label + "：请填写时长（小时）");
            return null;
        }
        if (value.compareTo(new BigDecimal("0.5")) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            add(field, label + "：时长应在 0.5～" + max + " 小时之间");
        } else if (value.stripTrailingZeros().scale() > 1) {
            add(field, label + "：时长最多保留一位小数");
        }
        return value;
    }

    public void add(String field, String message) {
        problems.add(new FieldProblem(field, message));
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new BusinessException("INVALID_INPUT", problems.get(0).message(), problems);
        }
    }
}
