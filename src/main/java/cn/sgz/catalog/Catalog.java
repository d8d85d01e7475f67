package cn.sgz.catalog;

import java.time.OffsetDateTime;

/**
 * A stored catalog version. Published versions in use by a project never change: editing one creates
 * the next version ({@code parentId} points to the version it was edited from).
 */
public record Catalog(
        long id,
        int version,
        CatalogStatus status,
        Long parentId,
        boolean builtin,
        OffsetDateTime createdAt,
        String createdBy,
        CatalogContent content) {

    public String code() {
        return content.code();
    }

    public String name() {
        return content.name();
    }
}
