package cn.sgz.catalog;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a catalog file holds (YAML or Excel): everything but the version bookkeeping. Import and
 * export are inverse: {@code parse(export(c)).equals(c.withoutIds())}.
 *
 * @param code stable key of the catalog across its versions
 * @param notes 注明 and other catalog-wide text, verbatim
 */
public record CatalogContent(
        String code,
        String name,
        String region,
        Integer year,
        String source,
        String notes,
        List<CatalogTier> tiers,
        List<SelectionGroup> groups,
        List<CatalogTask> tasks) {

    public CatalogContent {
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
        groups = groups == null ? List.of() : List.copyOf(groups);
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }

    public CatalogContent withoutIds() {
        return new CatalogContent(
                code,
                name,
                region,
                year,
                source,
                notes,
                tiers,
                groups,
                tasks.stream().map(CatalogTask::withoutIds).toList());
    }

    public Stream<CatalogItem> items() {
        return tasks.stream().flatMap(t -> t.items().stream());
    }

    public Stream<Indicator> indicators() {
        return items().flatMap(i -> i.indicators().stream());
    }

    public Optional<CatalogItem> item(String code) {
        return items().filter(i -> i.code().equals(code)).findFirst();
    }

    public Optional<Indicator> indicator(String code) {
        return indicators().filter(i -> i.code().equals(code)).findFirst();
    }
}
