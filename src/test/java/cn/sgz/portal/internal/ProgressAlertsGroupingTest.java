package cn.sgz.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.catalog.RuleKind;
import cn.sgz.catalog.SubPeriod;
import cn.sgz.portal.internal.ProgressAlerts.Alert;
import cn.sgz.portal.internal.ProgressAlerts.AlertLine;
import cn.sgz.portal.internal.ProgressAlerts.Target;
import cn.sgz.progress.IndicatorResult;
import cn.sgz.progress.IndicatorStatus;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Repeated home-page alerts become one line each (issue #16 item 9), missed before at risk. */
class ProgressAlertsGroupingTest {

    private static final String ELDERLY_CASES = "养老服务 · 个案服务";

    private static Alert alert(long station, String stationName, String domain, long indicator, IndicatorStatus s) {
        return alert(1L, station, stationName, domain, indicator, "指标" + indicator, s);
    }

    private static Alert alert(
            long project,
            long station,
            String stationName,
            String domain,
            long indicator,
            String name,
            IndicatorStatus s) {
        IndicatorResult r = new IndicatorResult(
                indicator,
                "I" + indicator,
                name,
                "服务内容",
                "标准",
                RuleKind.ACTIVITY_COUNT,
                SubPeriod.QUARTER,
                BigDecimal.TEN,
                BigDecimal.ONE,
                "次",
                s,
                List.of(),
                "说明" + indicator + "@" + station,
                null,
                null);
        return new Alert(project, station, stationName, domain, r);
    }

    @Test
    void sameIndicatorAtSeveralStationsIsOneLineListingTheStations() {
        List<AlertLine> lines = ProgressAlerts.group(List.of(
                alert(3, "赛罕", ELDERLY_CASES, 7, IndicatorStatus.AT_RISK),
                alert(1, "沙河", ELDERLY_CASES, 7, IndicatorStatus.AT_RISK),
                alert(2, "萨如拉", ELDERLY_CASES, 7, IndicatorStatus.AT_RISK)));

        assertThat(lines).hasSize(1);
        AlertLine line = lines.get(0);
        assertThat(line.single()).isFalse();
        assertThat(line.heading()).isEqualTo("养老服务 · 个案服务 · 指标7");
        assertThat(line.count()).isEqualTo("3 个站");
        assertThat(line.targets()).extracting(Target::label).containsExactly("沙河", "萨如拉", "赛罕");
        assertThat(line.targets().get(1).href()).isEqualTo("/progress/projects/1/stations/2/indicators/7");
        assertThat(line.targets().get(1).note()).isEqualTo("说明7@2");
    }

    @Test
    void severalIndicatorsOfOneContentAtOneStationAreOneLine() {
        List<AlertLine> lines = ProgressAlerts.group(List.of(
                alert(1, "沙河", ELDERLY_CASES, 7, IndicatorStatus.AT_RISK),
                alert(1, "沙河", ELDERLY_CASES, 8, IndicatorStatus.AT_RISK),
                alert(1, "沙河", "儿童服务 · 小组服务", 9, IndicatorStatus.AT_RISK)));

        assertThat(lines).hasSize(2); // by station, then by domain
        assertThat(lines.get(1).heading()).isEqualTo("沙河 · 养老服务 · 个案服务");
        assertThat(lines.get(1).count()).isEqualTo("2 项指标");
        assertThat(lines.get(1).targets()).extracting(Target::label).containsExactly("指标7", "指标8");
        assertThat(lines.get(0).single()).isTrue();
        assertThat(lines.get(0).heading()).isEqualTo("沙河 · 儿童服务 · 小组服务 · 指标9");
        assertThat(lines.get(0).targets().get(0).href()).isEqualTo("/progress/projects/1/stations/1/indicators/9");
    }

    @Test
    void missedComesBeforeAtRiskAndStatusesAreNotMixed() {
        List<AlertLine> lines = ProgressAlerts.group(List.of(
                alert(1, "沙河", ELDERLY_CASES, 7, IndicatorStatus.AT_RISK),
                alert(2, "萨如拉", ELDERLY_CASES, 7, IndicatorStatus.MISSED),
                alert(3, "赛罕", ELDERLY_CASES, 7, IndicatorStatus.AT_RISK),
                alert(3, "赛罕", ELDERLY_CASES, 8, IndicatorStatus.MISSED)));

        assertThat(lines)
                .extracting(AlertLine::status)
                .containsExactly(IndicatorStatus.MISSED, IndicatorStatus.MISSED, IndicatorStatus.AT_RISK);
        assertThat(lines.get(2).count()).isEqualTo("2 个站");
        assertThat(lines.get(2).targets()).extracting(Target::label).containsExactly("沙河", "赛罕");
        // the two missed ones are different stations and indicators: no grouping
        assertThat(lines.get(0).single()).isTrue();
        assertThat(lines.get(1).single()).isTrue();
    }

    @Test
    void theSameIndicatorOfTwoProjectsIsOneLineAndItsRepeatedStationIsTold() {
        List<AlertLine> lines = ProgressAlerts.group(List.of(
                alert(1L, 1, "沙河", ELDERLY_CASES, 7, "个案服务", IndicatorStatus.AT_RISK),
                alert(2L, 1, "沙河", ELDERLY_CASES, 70, "个案服务", IndicatorStatus.AT_RISK),
                alert(1L, 2, "萨如拉", ELDERLY_CASES, 7, "个案服务", IndicatorStatus.AT_RISK)));

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).count()).isEqualTo("2 个站");
        assertThat(lines.get(0).targets()).extracting(Target::label).containsExactly("沙河（I7）", "沙河（I70）", "萨如拉");
        assertThat(lines.get(0).targets().get(1).href()).isEqualTo("/progress/projects/2/stations/1/indicators/70");
    }
}
