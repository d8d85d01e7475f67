package cn.sgz.shared;

import cn.sgz.shared.BusinessException.FieldProblem;
import java.math.BigDecimal;
import java.util.List;

/** Amounts of money as the ledgers keep them: yuan, more than zero, to the fen, NUMERIC(14,2). */
public final class Money {

    public static final BigDecimal MAX = new BigDecimal("999999999999.99");

    private Money() {}

    /** Adds a problem naming the field (e.g. "共募金额", "支出金额") when the amount is missing or not a valid sum. */
    public static void check(String field, String label, BigDecimal amount, List<FieldProblem> problems) {
        String message = problem(label, amount);
        if (message != null) {
            problems.add(new FieldProblem(field, message));
        }
    }

    /** Like {@link #check} for an optional amount (a budget): null is fine. */
    public static void checkOptional(String field, String label, BigDecimal amount, List<FieldProblem> problems) {
        if (amount != null) {
            check(field, label, amount, problems);
        }
    }

    private static String problem(String label, BigDecimal amount) {
        if (amount == null) {
            return label + "：请填写金额（元）";
        }
        if (amount.signum() <= 0) {
            return label + "：金额必须大于0元";
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            return label + "：金额最多保留两位小数（精确到分）";
        }
        if (amount.compareTo(MAX) > 0) {
            return label + "：金额不能超过 999999999999.99 元";
        }
        return null;
    }

    /** Reads an amount typed on a page; blank is null, text that is not a number is a field error. */
    public static BigDecimal parse(String field, String label, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip()
                .replace(",", "")
                .replace("，", "")
                .replace("元", "")
                .replace("¥", "")
                .strip();
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw BusinessException.field(field, label + "：请填写数字金额，如 1000 或 1000.50");
        }
    }

    /** The stored form of a checked amount: scale 2. */
    public static BigDecimal normalize(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    /** 1,234.50 for pages. */
    public static String format(BigDecimal amount) {
        return amount == null ? "" : String.format("%,.2f", amount);
    }
}
