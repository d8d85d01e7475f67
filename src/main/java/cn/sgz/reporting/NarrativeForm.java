package cn.sgz.reporting;

/** The parts of a report the station writes: 工作总结、亮点与成效、存在问题、下期计划 (each up to 2,000 characters). */
public record NarrativeForm(String summary, String highlights, String problems, String nextPlan) {

    public static final int MAX = 2000;
}
