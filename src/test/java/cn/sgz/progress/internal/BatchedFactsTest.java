package cn.sgz.progress.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.SgzTest;
import cn.sgz.catalog.Catalog;
import cn.sgz.catalog.CatalogQueries;
import cn.sgz.catalog.CatalogSummary;
import cn.sgz.catalog.CatalogTier;
import cn.sgz.catalog.Indicator;
import cn.sgz.catalog.IndicatorParams;
import cn.sgz.catalog.RuleKind;
import cn.sgz.progress.CaseworkFactSource;
import cn.sgz.progress.DocumentFactSource;
import cn.sgz.progress.LedgerFactSource;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.vocabulary.LedgerDomain;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The engine asks each source once per computation for everything its indicators need (every population, every
 * case and group domain, every document shape). Each batched answer must equal, shape by shape, what the single
 * call answers on the demo data, for every shape any built-in catalog asks at any tier, and for every domain.
 */
@SgzTest
class BatchedFactsTest {

    @Autowired
    CatalogQueries catalogs;

    @Autowired
    LedgerFactSource ledger;

    @Autowired
    CaseworkFactSource casework;

    @Autowired
    List<DocumentFactSource> documentSources;

    @Autowired
    JdbcClient jdbc;

    List<Long> stations() {
        return jdbc.sql("SELECT id FROM org_unit WHERE type = 'STATION' ORDER BY id")
                .query(Long.class)
                .list();
    }

    long demoProject() {
        return jdbc.sql("SELECT id FROM project WHERE name LIKE '九原区民政领域社会工作服务项目%'")
                .query(Long.class)
                .single();
    }

    /** The params of every indicator of every built-in catalog at every tier. */
    List<IndicatorParams> everyParams(RuleKind... kinds) {
        Set<RuleKind> wanted = Set.of(kinds);
        List<IndicatorParams> out = new ArrayList<>();
        for (CatalogSummary s : catalogs.list()) {
            Catalog c = catalogs.get(s.id());
            for (CatalogTier tier : c.content().tiers()) {
                c.content()
                        .items()
                        .flatMap(i -> i.indicators().stream())
                        .map(i -> i.forTier(tier.code()))
                        .filter(i -> wanted.contains(i.kind()))
                        .map(Indicator::params)
                        .forEach(out::add);
            }
        }
        return out;
    }

    @Test
    void populationsReadAtOnceEqualEachPopulationReadAlone() {
        Set<LedgerFactSource.Population> keys = new LinkedHashSet<>();
        for (IndicatorParams p : everyParams(RuleKind.values())) {
            keys.add(new LedgerFactSource.Population(p.domain(), p.subtype()));
        }
        for (LedgerDomain d : LedgerDomain.values()) {
            keys.add(new LedgerFactSource.Population(d, null));
        }
        keys.add(new LedgerFactSource.Population(null, null));
        keys.add(new LedgerFactSource.Population(LedgerDomain.CHILD, "留守儿童"));
        keys.add(new LedgerFactSource.Population(LedgerDomain.SOCIAL_ASSISTANCE, "低保和特困"));
        LocalDate today = ChinaTime.today();
        Map<LedgerFactSource.Population, Map<Long, Set<Long>>> batched = ledger.populations(stations(), keys, today);
        assertThat(batched.keySet()).containsExactlyInAnyOrderElementsOf(keys);
        long people = 0;
        for (LedgerFactSource.Population k : keys) {
            Map<Long, Set<Long>> alone = ledger.population(stations(), k.domain(), k.subtype(), today);
            assertThat(batched.get(k)).as(k.toString()).isEqualTo(alone);
            people += alone.values().stream().mapToLong(Set::size).sum();
        }
        assertThat(people).as("the demo ledgers are not empty").isPositive();
    }

    @Test
    void casesAndGroupsOfEveryDomainReadAtOnceEqualEachDomainReadAlone() {
        LocalDate to = ChinaTime.today();
        LocalDate from = to.minusYears(2);
        List<LedgerDomain> domains = new ArrayList<>(List.of(LedgerDomain.values()));
        for (CaseworkFactSource source : List.of(casework, casework.forProject(demoProject()))) {
            Map<LedgerDomain, List<CaseworkFactSource.CaseFact>> cases =
                    source.casesByDomain(stations(), domains, from, to);
            Map<LedgerDomain, List<CaseworkFactSource.GroupFact>> groups =
                    source.groupsByDomain(stations(), domains, from, to);
            for (LedgerDomain d : domains) {
                assertThat(cases.get(d)).as("cases " + d).isEqualTo(source.cases(stations(), d, from, to));
                assertThat(groups.get(d)).as("groups " + d).isEqualTo(source.groups(stations(), d, from, to));
            }
            assertThat(cases.get(LedgerDomain.ALL)).isNotEmpty();
            assertThat(groups.get(LedgerDomain.ALL)).isNotEmpty();
        }
    }

    @Test
    void documentsOfEveryShapeReadAtOnceEqualEachShapeReadAlone() {
        Set<DocumentFactSource.Shape> shapes = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        for (IndicatorParams p : everyParams(RuleKind.DOCUMENT)) {
            shapes.add(new DocumentFactSource.Shape(p.documents(), p.domain()));
            names.addAll(p.documents());
        }
        // every name under every domain too, so that the domain filters are all exercised
        for (LedgerDomain d : LedgerDomain.values()) {
            shapes.add(new DocumentFactSource.Shape(List.copyOf(names), d));
        }
        shapes.add(new DocumentFactSource.Shape(List.copyOf(names), null));
        Set<String> found = new HashSet<>();
        for (DocumentFactSource source : documentSources) {
            Map<DocumentFactSource.Shape, DocumentFactSource.Filed> batched = source.filed(stations(), shapes);
            for (DocumentFactSource.Shape s : shapes) {
                Map<Long, Set<String>> alone = source.documents(stations(), s.names(), s.domain());
                List<DocumentFactSource.DatedDocument> dated = source.datedDocuments(stations(), s.names(), s.domain());
                assertThat(batched.get(s).documents())
                        .as(source.getClass().getSimpleName() + " " + s)
                        .isEqualTo(alone);
                if (dated == null) {
                    assertThat(batched.get(s).dated()).isNull();
                } else {
                    assertThat(batched.get(s).dated()).containsExactlyInAnyOrderElementsOf(dated);
                }
                alone.values().forEach(found::addAll);
            }
        }
        assertThat(found).as("the demo has documents of several names").hasSizeGreaterThan(3);
    }
}
