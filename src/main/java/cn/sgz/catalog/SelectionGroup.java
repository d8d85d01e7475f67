package cn.sgz.catalog;

/**
 * A selection rule over OPTIONAL items: "自选任务共10项，至少选择3项" is min 3 and no max; "任选一项" is
 * min 1 and max 1.
 *
 * @param rule the rule as the source states it, verbatim
 */
public record SelectionGroup(String code, String name, Integer min, Integer max, String rule) {}
