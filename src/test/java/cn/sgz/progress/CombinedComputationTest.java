package cn.sgz.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.sgz.SgzTest;
import cn.sgz.catalog.EntityType;
import cn.sgz.catalog.Project;
import cn.sgz.catalog.TestProjects;
import cn.sgz.org.TestLogin;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.NotFoundException;
import cn.sgz.shared.bench.StatementCounting;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Issue #23: a city's projects computed together ({@link ComplianceService#compute(java.util.Collection, LocalDate)},
 * each fact source read once for all of them) give every project exactly the figures of its own computation, and the
 * statements of the combined computation do not grow with the number of projects. The extra projects share the demo
 * project's stations, so a row of one project leaking into another would show.
 */
@SgzTest
class CombinedComputationTest {

    @Autowired
    ComplianceService compliance;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    List<EntityFactSource> entitySources;

    final List<Long> added = new ArrayList<>();

    @BeforeEach
    void asCity() {
        TestLogin.signIn(accounts, "demo_city");
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
        for (long id : added) {
            jdbc.sql("DELETE FROM project_item WHERE project_id = ?").param(id).update();
            jdbc.sql("DELETE FROM project_station WHERE project_id = ?")
                    .param(id)
                    .update();
            jdbc.sql("DELETE FROM project WHERE id = ?").param(id).update();
        }
    }

    long demoProject() {
        return jdbc.sql("SELECT id FROM project WHERE name LIKE ? ORDER BY id")
                .param("九原区民政领域社会工作服务项目%")
                .query(Long.class)
                .list()
                .get(0);
    }

    @Test
    void combinedFiguresEqualEachProjectAloneAndStatementsDoNotGrowWithTheProjects() {
        LocalDate today = ChinaTime.today();
        long demo = demoProject();
        // every visible project (the demo has two, on different dates), then three more like the demo project
        List<Long> before =
                compliance.visibleProjects().stream().map(Project::id).toList();
        List<String> fewer = StatementCounting.statementsOf(() -> compliance.compute(before, today));
        for (int i = 1; i <= 3; i++) {
            added.add(copyOf(demo, "合并计算测试项目" + i));
        }
        List<Long> all = compliance.visibleProjects().stream().map(Project::id).toList();
        assertThat(all).hasSize(before.size() + 3).contains(demo).containsAll(added);

        var together = new java.util.concurrent.atomic.AtomicReference<Map<Long, List<StationCompliance>>>();
        List<String> many = StatementCounting.statementsOf(() -> together.set(compliance.compute(all, today)));
        System.out.printf(
                "combined computation: %d statements for %d projects, %d for %d projects%n",
                fewer.size(), before.size(), many.size(), all.size());

        assertThat(together.get().keySet()).containsExactlyElementsOf(all);
        long met = 0;
        for (long id : all) {
            List<StationCompliance> alone = compliance.compute(id, null, today);
            assertThat(together.get().get(id)).as("project %d", id).isEqualTo(alone);
            met += alone.stream()
                    .mapToLong(s -> s.countByStatus().getOrDefault(IndicatorStatus.MET, 0L))
                    .sum();
        }
        assertThat(met).as("the demo meets some indicators").isPositive();

        assertThat(fewer).as("the hook counts").isNotEmpty();
        assertThat(many.size())
                .as(
                        "statements for %d projects:%n%s%nfor %d:%n%s",
                        all.size(), String.join("\n", many), before.size(), String.join("\n", fewer))
                .isEqualTo(fewer.size());
    }

    @Test
    void aProjectTheUserCannotSeeIsNotFound() {
        assertThatThrownBy(() -> compliance.compute(List.of(demoProject(), -1L), ChinaTime.today()))
                .isInstanceOf(NotFoundException.class);
    }

    /**
     * Entity sources read once for every station answer each station alone as a read of that station does (an
     * organisation or volunteer active through a record at another station must not count here).
     */
    @Test
    void sharedEntityReadsAnswerEachStationAsItsOwnRead() {
        List<Long> stations = jdbc.sql("SELECT id FROM org_unit WHERE type = 'STATION' ORDER BY id")
                .query(Long.class)
                .list();
        LocalDate to = ChinaTime.today();
        LocalDate from = to.minusYears(1);
        int compared = 0;
        for (EntityFactSource source : entitySources) {
            EntityFactSource shared = source.sharedFor(stations);
            for (EntityType type : source.entityTypes()) {
                for (long s : stations) {
                    List<Long> one = List.of(s);
                    assertThat(attempt(() -> shared.count(one, type, from, to)))
                            .as("%s count %s at %d", source.getClass().getSimpleName(), type, s)
                            .isEqualTo(attempt(() -> source.count(one, type, from, to)));
                    if (source.keepsStartDates(type)) {
                        assertThat(shared.countStarted(one, type, from, to))
                                .isEqualTo(source.countStarted(one, type, from, to));
                    }
                    assertThat(attempt(() -> shared.amounts(one, type, from, to)))
                            .as("%s amounts %s at %d", source.getClass().getSimpleName(), type, s)
                            .isEqualTo(attempt(() -> source.amounts(one, type, from, to)));
                    assertThat(shared.share(one, type, "已注册", to)).isEqualTo(source.share(one, type, "已注册", to));
                    compared++;
                }
            }
        }
        assertThat(compared).isPositive();
    }

    /** The answer, or the exception's class when the source does not answer that question. */
    private static Object attempt(java.util.function.Supplier<Object> question) {
        try {
            return question.get();
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }

    private long copyOf(long project, String name) {
        return TestProjects.copyOf(jdbc, project, name);
    }
}
