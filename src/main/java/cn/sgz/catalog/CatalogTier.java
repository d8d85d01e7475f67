package cn.sgz.catalog;

/** A funding tier with its own target column, e.g. TIER_10W "10万指标值"; single-column catalogs have one. */
public record CatalogTier(String code, String label) {}
