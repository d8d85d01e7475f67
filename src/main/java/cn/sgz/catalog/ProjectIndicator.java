package cn.sgz.catalog;

import java.math.BigDecimal;

/**
 * One indicator a project must meet at each of its stations: a MANDATORY item's, or a chosen OPTIONAL
 * item's, with the target of the project's tier (null for CHECKLIST and count-less DOCUMENT).
 */
public record ProjectIndicator(CatalogTask task, CatalogItem item, Indicator indicator, BigDecimal target) {}
