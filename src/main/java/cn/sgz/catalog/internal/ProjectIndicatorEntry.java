package cn.sgz.catalog.internal;

import cn.sgz.catalog.Indicator;
import cn.sgz.catalog.ItemCategory;
import cn.sgz.catalog.ProjectIndicator;
import java.math.BigDecimal;

/**
 * One indicator of a project as the API lists it: its task and item named, not the catalog tree repeated
 * in every entry (the tree is {@code GET /api/v1/catalogs/{id}}). The indicator is resolved for the
 * project's tier (per-tier parameters and 指标值 text). {@code itemSubtask}: the 分项任务 above the item in a
 * four-level catalog (null in a three-level one).
 */
record ProjectIndicatorEntry(
        String taskCode,
        String taskName,
        Long itemId,
        String itemCode,
        String itemName,
        String itemSubtask,
        ItemCategory itemCategory,
        Indicator indicator,
        BigDecimal target) {

    static ProjectIndicatorEntry of(ProjectIndicator pi) {
        return new ProjectIndicatorEntry(
                pi.task().code(),
                pi.task().name(),
                pi.item().id(),
                pi.item().code(),
                pi.item().name(),
                pi.item().subtask(),
                pi.item().category(),
                pi.indicator(),
                pi.target());
    }
}
