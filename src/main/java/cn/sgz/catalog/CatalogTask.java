package cn.sgz.catalog;

import java.util.List;

/** 主要任务 / 重点任务 with its items, in source order. */
public record CatalogTask(Long id, String code, String no, String name, List<CatalogItem> items) {

    public CatalogTask {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public CatalogTask withoutIds() {
        return new CatalogTask(
                null,
                code,
                no,
                name,
                items.stream().map(CatalogItem::withoutIds).toList());
    }
}
