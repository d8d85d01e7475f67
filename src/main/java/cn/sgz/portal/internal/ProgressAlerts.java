package cn.sgz.portal.internal;

import cn.sgz.catalog.Project;
import cn.sgz.progress.ComplianceService;
import cn.sgz.progress.ComplianceSnapshot;
import cn.sgz.progress.IndicatorResult;
import cn.sgz.progress.IndicatorStatus;
import cn.sgz.progress.StationCompliance;
import cn.sgz.shared.ChinaTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The home page's "needs attention" list: indicators at risk or missed, in the user's stations. */
@Component
class ProgressAlerts {

    static final int LIMIT = 12;

    private final ComplianceService compliance;
    private final cn.sgz.catalog.ProjectQueries projects;
    private final cn.sgz.catalog.CatalogQueries catalogs;

    /** Lines already made, under everything they were made from (see {@link #current()}); least recently used go. */
    private final Map<List<Object>, Made> made = new LinkedHashMap<>(64, 0.75f, true);

    private static final int MADE_LIMIT = 64;

    private record Made(List<AlertLine> shown, int alertCount) {}

    /** A reference compared by identity: the parsed figures and catalogs are shared, immutable, replaced on change. */
    private record Same(Object ref) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Same s && s.ref == ref;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(ref);
        }
    }

    ProgressAlerts(
            ComplianceService compliance,
            cn.sgz.catalog.ProjectQueries projects,
            cn.sgz.catalog.CatalogQueries catalogs) {
        this.compliance = compliance;
        this.projects = projects;
        this.catalogs = catalogs;
    }

    /**
     * One alert: which project, station and indicator, and where it stands. {@code domain} names the catalog's
     * 重点任务 and 服务内容 the indicator belongs to ("养老服务 · 个案服务"), so the line says which work is behind.
     */
    record Alert(long projectId, long stationId, String stationName, String domain, IndicatorResult indicator) {}

    /** One place to act from an alert line: a station's (or an indicator's) name, its indicator page and the note. */
    record Target(String label, String href, String note) {}

    /**
     * One line of the list. A lone alert is one target whose {@code heading} is "站 · 重点任务 · 服务内容 · 指标";
     * repeated alerts are grouped: the same indicator at several stations ({@code heading} "重点任务 · 服务内容 · 指标",
     * {@code count} "3 个站", one target per station) or, at one station, several indicators of one 服务内容
     * ({@code heading} "站 · 重点任务 · 服务内容", {@code count} "2 项指标", one target per indicator).
     */
    record AlertLine(IndicatorStatus status, String heading, String count, List<Target> targets) {

        public boolean single() {
            return targets.size() == 1;
        }
    }

    /** The lines shown, how many alerts they stand for, and the stored figures they come from (whose age the page prints). */
    record Alerts(List<AlertLine> shown, int alertCount, ComplianceSnapshot snapshot) {}

    /**
     * Read from the stored compliance snapshot of the running projects (one read for all of them), filtered to the
     * user's stations: no project is recomputed on a page load unless its facts changed since.
     *
     * <p>The lines are made again only when what they are made of changed: a city officer's snapshot holds 1,800
     * stations' figures, and sorting and grouping tens of thousands of alerts was most of that home page's CPU
     * (issue #23). They are kept under today's date, the running projects (as values), each project's catalog and each
     * station's figures (by identity: the snapshot store shares one parsed, immutable list per stored version and
     * parses a changed row into a new one; a catalog's new revision is a new object) and each station's name. So kept
     * lines are exactly what making them now would give, and the figures' age is the snapshot's, read on every load.
     */
    Alerts current() {
        LocalDate today = ChinaTime.today();
        List<Project> running = compliance.visibleProjects().stream()
                .filter(p -> !today.isBefore(p.startDate())
                        && !today.isAfter(p.endDate().plusMonths(1)))
                .toList();
        ComplianceSnapshot snapshot = compliance.snapshotOf(running);
        List<Object> key =
                new ArrayList<>(2 + 2 * running.size() + 4 * snapshot.stations().size());
        key.add(today);
        for (Project p : running) {
            key.add(p);
            key.add(new Same(catalogs.find(p.catalogId()).orElse(null)));
        }
        for (StationCompliance sc : snapshot.stations()) {
            key.add(sc.projectId());
            key.add(sc.stationId());
            key.add(sc.stationName());
            key.add(new Same(sc.indicators()));
        }
        Made lines;
        synchronized (made) {
            lines = made.get(key);
        }
        if (lines == null) {
            lines = make(running, snapshot);
            synchronized (made) {
                made.put(key, lines);
                if (made.size() > MADE_LIMIT) {
                    made.remove(made.keySet().iterator().next());
                }
            }
        }
        return new Alerts(lines.shown(), lines.alertCount(), snapshot);
    }

    private Made make(List<Project> running, ComplianceSnapshot snapshot) {
        List<Alert> alerts = new ArrayList<>();
        // the task and content names of an indicator, read only for projects that have an alert
        java.util.Map<Long, java.util.Map<Long, String>> domainsByProject = new java.util.HashMap<>();
        java.util.Map<Long, Project> byId = new java.util.HashMap<>();
        running.forEach(p -> byId.put(p.id(), p));
        for (StationCompliance sc : snapshot.stations()) {
            for (IndicatorResult r : sc.indicators()) {
                if (r.status() == IndicatorStatus.AT_RISK || r.status() == IndicatorStatus.MISSED) {
                    String domain = domainsByProject
                            .computeIfAbsent(sc.projectId(), id -> domains(byId.get(id)))
                            .get(r.indicatorId());
                    alerts.add(new Alert(sc.projectId(), sc.stationId(), sc.stationName(), domain, r));
                }
            }
        }
        List<AlertLine> lines = group(alerts);
        return new Made(List.copyOf(lines.size() > LIMIT ? lines.subList(0, LIMIT) : lines), alerts.size());
    }

    /**
     * Groups repeated alerts into lines: first one line per indicator (of a project, in one status) listing its
     * stations; the indicators left alone at one station are then gathered per station and 服务内容. Missed lines
     * come first (already lost), then at-risk ones; within each, by station and domain, as the alerts came.
     */
    static List<AlertLine> group(List<Alert> alerts) {
        List<Alert> sorted = new ArrayList<>(alerts);
        sorted.sort(Comparator.comparing((Alert a) -> rank(a.indicator().status()))
                .thenComparing(Alert::stationName)
                .thenComparing(a -> a.domain() == null ? "" : a.domain())
                .thenComparing(
                        a -> a.indicator().code() == null ? "" : a.indicator().code()));
        // same indicator (same status, same 重点任务 · 服务内容 · name, whichever project or catalog row it comes from)
        // at several stations
        Map<List<Object>, List<Alert>> byIndicator = new LinkedHashMap<>();
        for (Alert a : sorted) {
            byIndicator
                    .computeIfAbsent(
                            List.of(
                                    a.indicator().status(),
                                    domainOf(a) + a.indicator().name()),
                            k -> new ArrayList<>())
                    .add(a);
        }
        // what is left at one station: its indicators of one 服务内容 together, in the order of the sorted alerts
        Map<List<Object>, List<Alert>> byStationDomain = new LinkedHashMap<>();
        Map<List<Object>, List<Alert>> lines = new LinkedHashMap<>();
        for (List<Alert> group : byIndicator.values()) {
            Alert first = group.get(0);
            boolean oneStation = group.stream().allMatch(a -> a.stationId() == first.stationId());
            if (!oneStation || first.domain() == null) {
                lines.put(
                        List.of(
                                "i",
                                first.indicator().status(),
                                domainOf(first) + first.indicator().name()),
                        group);
            } else {
                List<Object> key = List.of("s", first.indicator().status(), first.stationId(), first.domain());
                List<Alert> same = byStationDomain.get(key);
                if (same == null) {
                    same = new ArrayList<>();
                    byStationDomain.put(key, same);
                    lines.put(key, same);
                }
                same.addAll(group);
            }
        }
        List<AlertLine> result = new ArrayList<>();
        for (Map.Entry<List<Object>, List<Alert>> e : lines.entrySet()) {
            List<Alert> group = e.getValue();
            Alert first = group.get(0);
            IndicatorStatus status = first.indicator().status();
            if (group.size() == 1) {
                result.add(new AlertLine(
                        status,
                        first.stationName() + " · " + domainOf(first)
                                + first.indicator().name(),
                        null,
                        List.of(target(first, first.stationName()))));
            } else if ("i".equals(e.getKey().get(0))) {
                long stations = group.stream().map(Alert::stationId).distinct().count();
                result.add(new AlertLine(
                        status,
                        domainOf(first) + first.indicator().name(),
                        stations + " 个站",
                        targets(group, Alert::stationName)));
            } else {
                result.add(new AlertLine(
                        status,
                        first.stationName() + " · " + first.domain(),
                        group.size() + " 项指标",
                        targets(group, a -> a.indicator().name())));
            }
        }
        result.sort(Comparator.comparing((AlertLine l) -> rank(l.status())));
        return result;
    }

    private static String domainOf(Alert a) {
        return a.domain() == null ? "" : a.domain() + " · ";
    }

    /** One target per alert, labelled; a label that would repeat (two projects, or two rows of one name) gets its code. */
    private static List<Target> targets(List<Alert> group, java.util.function.Function<Alert, String> label) {
        Map<String, Long> counts = new java.util.HashMap<>();
        group.forEach(a -> counts.merge(label.apply(a), 1L, Long::sum));
        return group.stream()
                .map(a -> {
                    String l = label.apply(a);
                    return target(
                            a,
                            counts.get(l) > 1 && a.indicator().code() != null
                                    ? l + "（" + a.indicator().code() + "）"
                                    : l);
                })
                .toList();
    }

    private static int rank(IndicatorStatus status) {
        return status == IndicatorStatus.MISSED ? 0 : 1;
    }

    private static Target target(Alert a, String label) {
        return new Target(
                label,
                "/progress/projects/" + a.projectId() + "/stations/" + a.stationId() + "/indicators/"
                        + a.indicator().indicatorId(),
                a.indicator().note());
    }

    private java.util.Map<Long, String> domains(Project p) {
        java.util.Map<Long, String> domains = new java.util.HashMap<>();
        if (p == null) {
            return domains;
        }
        for (cn.sgz.catalog.ProjectIndicator pi : projects.indicators(p)) {
            domains.put(
                    pi.indicator().id(), pi.task().name() + " · " + pi.item().name());
        }
        return domains;
    }
}
