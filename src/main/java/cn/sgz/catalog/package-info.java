/**
 * 服务清单与购买服务项目: versioned catalogs (tasks → items → indicators with rule kinds, parameters
 * and targets per funding tier, verbatim seed texts), their YAML and Excel formats, the built-in
 * catalogs, and projects (bureau, agency, stations, period, tier, chosen optional items, evidence
 * policy). The indicator engine reads them through {@link cn.sgz.catalog.CatalogQueries} and
 * {@link cn.sgz.catalog.ProjectQueries}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"evidence", "org", "shared"},
        displayName = "服务清单与项目")
package cn.sgz.catalog;
