package cn.sgz.finance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.finance.internal.SpendingRules;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The spending rules of seed 001 with the default settings, table-driven: each rule fires at its threshold
 * and not just below it, only in the categories it applies to, and names the rule's text and why.
 */
class SpendingRulesTest {

    @ParameterizedTest(name = "{0} {1} 元 × {2}「{3}」目的地「{4}」出区县={5} → {6}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # category | amount  | qty | purpose                         | destination | outside | fires
            办公       | 1000.00 | 1   | 购买打印机                      | -           | false   | FIXED_ASSET
            办公       | 999.99  | 1   | 购买打印机                      | -           | false   | -
            活动经费   | 2000.00 | 2   | 购买音箱两台                    | -           | false   | FIXED_ASSET
            活动经费   | 1999.98 | 2   | 购买音箱两台                    | -           | false   | -
            活动经费   | 5000.00 | 10  | 购买帐篷十顶                    | -           | false   | -
            人员经费   | 4000.00 | 1   | 驻站社工岗位补贴                | -           | false   | -
            宣传       | 1200.00 | 1   | 展架                            | -           | false   | FIXED_ASSET
            活动经费   | 300.00  | 10  | 慰问老人购买大米                | -           | false   | GRAIN_OIL
            活动经费   | 300.00  | 10  | 慰问老人购买食用油              | -           | false   | GRAIN_OIL
            办公       | 80.00   | 1   | 员工福利米面油                  | -           | false   | GRAIN_OIL
            活动经费   | 300.00  | 10  | 慰问老人购买水果、牛奶          | -           | false   | -
            交通       | 300.00  | 1   | 赴呼和浩特交流学习自驾加油      | 呼和浩特市  | true    | FUEL_OUTSIDE
            交通       | 300.00  | 1   | 入户走访车辆加油                | 沙河街道    | false   | -
            交通       | 300.00  | 1   | 赴呼和浩特交流学习火车票        | 呼和浩特市  | true    | -
            活动经费   | 300.00  | 1   | 活动用车燃油费                  | 呼和浩特市  | true    | -
            交通       | 300.00  | 1   | 柴油                            | 赤峰市      | true    | FUEL_OUTSIDE
            """)
    void eachRuleFiresAtItsThresholdAndOnlyThere(
            String category,
            String amount,
            int quantity,
            String purpose,
            String destination,
            boolean outside,
            String expected) {
        List<SpendingRules.Flag> flags = SpendingRules.check(
                SpendingRules.defaults(),
                new SpendingRules.Facts(category, new BigDecimal(amount), quantity, purpose, destination, outside));
        if (expected == null) {
            assertThat(flags).isEmpty();
        } else {
            assertThat(flags).extracting(SpendingRules.Flag::code).containsExactly(expected);
            String text = flags.get(0).text();
            switch (expected) {
                case SpendingRules.FIXED_ASSET ->
                    assertThat(text).startsWith(SpendingRules.FIXED_ASSET_TEXT).contains("单价");
                case SpendingRules.GRAIN_OIL -> assertThat(text).startsWith(SpendingRules.GRAIN_OIL_TEXT);
                default -> assertThat(text).startsWith(SpendingRules.FUEL_TEXT).contains(destination);
            }
        }
    }

    @ParameterizedTest(name = "threshold {0}: unit price {1} fires={2}")
    @CsvSource({"500.00, 499.99, false", "500.00, 500.00, true", "1500.00, 1000.00, false", "1500.00, 1500.01, true"})
    void aBureauMovesTheFixedAssetThreshold(String threshold, String unitPrice, boolean fires) {
        SpendingRules.Settings d = SpendingRules.defaults();
        SpendingRules.Settings s = new SpendingRules.Settings(
                d.categories(),
                true,
                List.of(),
                new BigDecimal(threshold),
                false,
                d.grainOilCategories(),
                d.grainOilWords(),
                false,
                d.fuelCategories(),
                d.fuelWords(),
                80,
                true,
                0);
        var flags = SpendingRules.check(
                s, new SpendingRules.Facts("人员经费", new BigDecimal(unitPrice), 1, "购买大米", null, false));
        assertThat(flags.isEmpty()).isEqualTo(!fires);
    }

    @ParameterizedTest(name = "{0} off → nothing fires")
    @CsvSource({"FIXED_ASSET", "GRAIN_OIL", "FUEL_OUTSIDE"})
    void aRuleTurnedOffDoesNotFire(String rule) {
        SpendingRules.Settings d = SpendingRules.defaults();
        SpendingRules.Settings s = new SpendingRules.Settings(
                d.categories(),
                !rule.equals("FIXED_ASSET"),
                d.fixedAssetCategories(),
                d.fixedAssetThreshold(),
                !rule.equals("GRAIN_OIL"),
                d.grainOilCategories(),
                d.grainOilWords(),
                !rule.equals("FUEL_OUTSIDE"),
                d.fuelCategories(),
                d.fuelWords(),
                80,
                true,
                0);
        var facts = switch (rule) {
            case "FIXED_ASSET" -> new SpendingRules.Facts("办公", new BigDecimal("3000"), 1, "购买电脑", null, false);
            case "GRAIN_OIL" -> new SpendingRules.Facts("活动经费", new BigDecimal("100"), 1, "购买大米", null, false);
            default -> new SpendingRules.Facts("交通", new BigDecimal("100"), 1, "加油", "北京", true);
        };
        assertThat(SpendingRules.check(d, facts))
                .extracting(SpendingRules.Flag::code)
                .containsExactly(rule);
        assertThat(SpendingRules.check(s, facts)).isEmpty();
    }
}
