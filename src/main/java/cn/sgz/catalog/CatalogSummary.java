package cn.sgz.catalog;

/** One line of the catalog list. */
public record CatalogSummary(
        long id,
        String code,
        String name,
        String region,
        Integer year,
        int version,
        CatalogStatus status,
        Long parentId,
        boolean builtin,
        int items,
        int indicators,
        long projects,
        boolean latest) {}
