package cn.sgz.catalog;

import java.util.List;

/**
 * 分项任务 / 服务内容.
 *
 * @param no the 序号 as printed in the source (may be blank)
 * @param group for OPTIONAL items, the code of the {@link SelectionGroup} they are chosen from
 * @param content the 任务内容 / 服务内容 text, verbatim
 * @param population the 服务对象 text, verbatim, when the source names one
 * @param note the 备注 text, verbatim
 * @param subtask in a four-level catalog (重点任务 → 分项任务 → 服务内容 → 服务标准), the 分项任务 this 服务内容 belongs to,
 *                verbatim; null in a three-level catalog, where the item itself is the 分项任务
 */
public record CatalogItem(
        Long id,
        String code,
        String no,
        String name,
        ItemCategory category,
        String group,
        String content,
        String population,
        String note,
        List<Indicator> indicators,
        String subtask) {

    /** An item of a three-level catalog (no 分项任务 above it). */
    public CatalogItem(
            Long id,
            String code,
            String no,
            String name,
            ItemCategory category,
            String group,
            String content,
            String population,
            String note,
            List<Indicator> indicators) {
        this(id, code, no, name, category, group, content, population, note, indicators, null);
    }

    public CatalogItem {
        subtask = subtask == null || subtask.isBlank() ? null : subtask.strip();
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }

    /**
     * The item as boards and exports name it: in a four-level catalog “分项任务 › 服务内容”, so the 分项任务 level is
     * never lost; in a three-level one just its name.
     */
    public String label() {
        return subtask == null ? name : subtask + " › " + name;
    }

    public CatalogItem withoutIds() {
        return new CatalogItem(
                null,
                code,
                no,
                name,
                category,
                group,
                content,
                population,
                note,
                indicators.stream().map(Indicator::withoutId).toList(),
                subtask);
    }
}
