package cn.sgz.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.reporting.ReportKind;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Report periods are calendar periods clipped to the project, each due on a day of the following month. */
class ReportPeriodsTest {

    @Test
    void periodsAreClippedToTheProjectAndLabelledInChinese() {
        LocalDate start = LocalDate.of(2026, 3, 15);
        LocalDate end = LocalDate.of(2027, 3, 14);
        List<ReportPeriods.Period> months = ReportPeriods.of(start, end, ReportKind.MONTH, 5);
        assertThat(months).hasSize(13);
        assertThat(months.get(0).label()).isEqualTo("2026年3月");
        assertThat(months.get(0).start()).isEqualTo(start);
        assertThat(months.get(0).end()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(months.get(0).dueOn()).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(months.get(12).end()).isEqualTo(end);
        assertThat(months.get(12).dueOn()).isEqualTo(LocalDate.of(2027, 4, 5));

        List<ReportPeriods.Period> quarters = ReportPeriods.of(start, end, ReportKind.QUARTER, 10);
        assertThat(quarters)
                .extracting(ReportPeriods.Period::label)
                .containsExactly("2026年第1季度", "2026年第2季度", "2026年第3季度", "2026年第4季度", "2027年第1季度");
        assertThat(quarters.get(3).dueOn()).isEqualTo(LocalDate.of(2027, 1, 10));
        assertThat(ReportPeriods.of(start, end, ReportKind.HALF, 15))
                .extracting(ReportPeriods.Period::label)
                .containsExactly("2026年上半年", "2026年下半年", "2027年上半年");
        assertThat(ReportPeriods.of(start, end, ReportKind.YEAR, 20))
                .extracting(ReportPeriods.Period::label)
                .containsExactly("2026年度", "2027年度");
    }

    @Test
    void aDueDayBeyondAShortMonthFallsOnItsLastDay() {
        assertThat(ReportPeriods.due(LocalDate.of(2027, 1, 31), 28)).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(ReportPeriods.due(LocalDate.of(2027, 1, 31), 31)).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(ReportPeriods.chineseDate(LocalDate.of(2026, 12, 7))).isEqualTo("2026年12月7日");
    }

    @Test
    void archiveNamesAreSafeInsideAZip() {
        assertThat(ArchiveBuilder.safe("../a/b:c*?\"<>|\u0001d")).isEqualTo("_a_b_c_______d");
        assertThat(ArchiveBuilder.safe("..")).isEqualTo("_");
        assertThat(ArchiveBuilder.safe("长".repeat(100))).hasSize(80);
    }
}
