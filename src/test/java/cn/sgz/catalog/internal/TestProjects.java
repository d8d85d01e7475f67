package cn.sgz.catalog.internal;

import cn.sgz.catalog.Project;
import cn.sgz.catalog.ProjectQueries;
import cn.sgz.org.DemoUsers;
import java.time.LocalDate;
import org.springframework.context.ApplicationContext;

/** Creates projects for tests that need periods nobody else touches: a copy of the demo project. */
public final class TestProjects {

    private TestProjects() {}

    /** A copy of the demo project (same bureau, agency, catalog, tier, stations and items) from {@code start}. */
    public static Project copyOfDemo(ApplicationContext ctx, String name, LocalDate start) {
        ProjectService service = ctx.getBean(ProjectService.class);
        ProjectQueries queries = ctx.getBean(ProjectQueries.class);
        return ctx.getBean(DemoUsers.class).callAs("demo_bureau", () -> {
            Project demo = queries.visible().stream()
                    .filter(p -> p.name().equals(DemoCatalogData.PROJECT_NAME))
                    .findFirst()
                    .orElseThrow();
            var e = demo.evidencePolicy();
            return service.create(new ProjectService.ProjectForm(
                    name,
                    demo.bureauId(),
                    demo.agencyId(),
                    demo.catalogId(),
                    demo.tier(),
                    start,
                    start.plusYears(1).minusDays(1),
                    demo.stationIds(),
                    demo.optionalItemIds(),
                    e.photoRequired(),
                    e.maxDistanceMeters(),
                    e.captureGraceDays(),
                    e.minGroupAttendees(),
                    e.signInRequiredIndoor(),
                    e.receiptsRequired()));
        });
    }
}
