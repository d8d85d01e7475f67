package cn.sgz.finance.internal;

import cn.sgz.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The spending rules of seed 001 ("购买服务项目经费，不得购置固定资产；不得购置米面油；燃油费只能用于本地开展实际工作需要，
 * 不得用于异地往返"), as a bureau configures them. Pure functions: an expense's facts in, the rules it breaks
 * out, each with the rule's text and why it fired.
 */
public final class SpendingRules {

    public static final String FIXED_ASSET = "FIXED_ASSET";
    public static final String GRAIN_OIL = "GRAIN_OIL";
    public static final String FUEL_OUTSIDE = "FUEL_OUTSIDE";

    public static final String FIXED_ASSET_TEXT = "购买服务项目经费，不得购置固定资产";
    public static final String GRAIN_OIL_TEXT = "购买服务项目经费，不得购置米面油";
    public static final String FUEL_TEXT = "燃油费只能用于本地开展实际工作需要，不得用于异地往返";

    public static final List<String> DEFAULT_CATEGORIES = List.of("人员经费", "活动经费", "督导培训", "宣传", "交通", "办公", "管理费");

    private SpendingRules() {}

    /**
     * A bureau's configuration. An empty category set means "every category". {@code stored} is false for
     * the defaults of a bureau that has not saved its own settings yet.
     */
    public record Settings(
            List<String> categories,
            boolean fixedAssetEnabled,
            List<String> fixedAssetCategories,
            BigDecimal fixedAssetThreshold,
            boolean grainOilEnabled,
            List<String> grainOilCategories,
            List<String> grainOilWords,
            boolean fuelEnabled,
            List<String> fuelCategories,
            List<String> fuelWords,
            int warnPercent,
            boolean stored,
            long version) {

        public Settings {
            categories = List.copyOf(categories);
            fixedAssetCategories = List.copyOf(fixedAssetCategories);
            grainOilCategories = List.copyOf(grainOilCategories);
            grainOilWords = List.copyOf(grainOilWords);
            fuelCategories = List.copyOf(fuelCategories);
            fuelWords = List.copyOf(fuelWords);
        }

        /** The rules as a reader sees them, one sentence each (only the rules that are on). */
        public List<String> describe() {
            List<String> out = new ArrayList<>();
            if (fixedAssetEnabled) {
                out.add(FIXED_ASSET_TEXT + "：" + scope(fixedAssetCategories) + "单价达到 "
                        + Money.format(fixedAssetThreshold) + " 元视为固定资产");
            }
            if (grainOilEnabled) {
                out.add(GRAIN_OIL_TEXT + "：" + scope(grainOilCategories) + "用途含「" + String.join("、", grainOilWords)
                        + "」之一");
            }
            if (fuelEnabled) {
                out.add(FUEL_TEXT + "：" + scope(fuelCategories) + "用途含「" + String.join("、", fuelWords)
                        + "」之一且行程目的地在本区县以外");
            }
            return out;
        }

        private static String scope(List<String> categories) {
            return categories.isEmpty() ? "任何类别" : "「" + String.join("、", categories) + "」类支出";
        }
    }

    public static Settings defaults() {
        return new Settings(
                DEFAULT_CATEGORIES,
                true,
                List.of("活动经费", "督导培训", "宣传", "办公"),
                new BigDecimal("1000.00"),
                true,
                List.of(),
                List.of("米面油", "大米", "面粉", "挂面", "食用油", "粮油", "花生油", "豆油", "菜籽油"),
                true,
                List.of("交通"),
                List.of("燃油", "油费", "加油", "汽油", "柴油"),
                80,
                false,
                0);
    }

    /** What the rules look at in an expense. {@code quantity} ≥ 1: the unit price is amount ÷ quantity. */
    public record Facts(
            String category,
            BigDecimal amount,
            int quantity,
            String purpose,
            String tripDestination,
            boolean outsideCounty) {}

    /** A broken rule: its code, and the rule's text with why it fired. */
    public record Flag(String code, String text) {}

    public static List<Flag> check(Settings s, Facts f) {
        List<Flag> flags = new ArrayList<>();
        String purpose = f.purpose() == null ? "" : f.purpose();
        if (s.fixedAssetEnabled() && applies(s.fixedAssetCategories(), f.category()) && f.amount() != null) {
            BigDecimal unit = unitPrice(f.amount(), f.quantity());
            if (unit.compareTo(s.fixedAssetThreshold()) >= 0) {
                flags.add(new Flag(
                        FIXED_ASSET,
                        FIXED_ASSET_TEXT + "（单价 " + Money.format(unit) + " 元，达到固定资产标准 "
                                + Money.format(s.fixedAssetThreshold()) + " 元）"));
            }
        }
        if (s.grainOilEnabled() && applies(s.grainOilCategories(), f.category())) {
            String word = firstWord(s.grainOilWords(), purpose);
            if (word != null) {
                flags.add(new Flag(GRAIN_OIL, GRAIN_OIL_TEXT + "（用途含「" + word + "」）"));
            }
        }
        if (s.fuelEnabled() && f.outsideCounty() && applies(s.fuelCategories(), f.category())) {
            String word = firstWord(s.fuelWords(), purpose);
            if (word != null) {
                String where =
                        f.tripDestination() == null || f.tripDestination().isBlank()
                                ? "本区县以外"
                                : "本区县以外的「" + f.tripDestination().strip() + "」";
                flags.add(new Flag(FUEL_OUTSIDE, FUEL_TEXT + "（用途含「" + word + "」，行程目的地为" + where + "）"));
            }
        }
        return flags;
    }

    public static BigDecimal unitPrice(BigDecimal amount, int quantity) {
        return amount.divide(BigDecimal.valueOf(Math.max(1, quantity)), 2, RoundingMode.HALF_UP);
    }

    private static boolean applies(List<String> categories, String category) {
        return categories.isEmpty() || categories.contains(category);
    }

    private static String firstWord(List<String> words, String text) {
        for (String w : words) {
            if (!w.isBlank() && text.contains(w)) {
                return w;
            }
        }
        return null;
    }

    /** Splits a list typed on a page: one item per line, or separated by 、 , ， ; ；. Blank items are dropped. */
    public static List<String> split(String text) {
        if (text == null) {
            return List.of();
        }
        Set<String> items = new LinkedHashSet<>();
        Arrays.stream(text.split("[\\n\\r,，、;；]+"))
                .map(String::strip)
                .filter(x -> !x.isEmpty())
                .forEach(items::add);
        return List.copyOf(items);
    }

    static String join(List<String> items) {
        return String.join("\n", items);
    }
}
