package cn.sgz.activity;

/**
 * The one project a service record, case or group counts for, and how it came to count there (V74
 * {@code project_tie}). Each counts for exactly one project: 本项目服务成果不得与其他政府购买社工服务项目成果重复利用.
 *
 * @param projectId null when no project covered the station on the date (tied later, when one is saved)
 * @param how one of the constants below (null when untied)
 */
public record ProjectTie(Long projectId, String how) {

    /** The only project covering the station on the date. */
    public static final String ONLY = "ONLY";
    /** Several projects covered it; the earliest-started one (then the lowest id) was taken. */
    public static final String EARLIEST = "EARLIEST";
    /** The worker chose the project among those overlapping. */
    public static final String CHOSEN = "CHOSEN";
    /** No project covered it when recorded; tied when a project covering it was saved. */
    public static final String LATER = "LATER";
    /** A bureau officer moved it to another overlapping project (audited). */
    public static final String MOVED = "MOVED";

    /** How the tie was made, in words for the pages. */
    public static String label(String how) {
        if (how == null) {
            return "未计入任何项目";
        }
        return switch (how) {
            case ONLY -> "该站当日唯一的项目";
            case EARLIEST -> "多个项目重叠，按最早开始的项目自动计入";
            case CHOSEN -> "多个项目重叠，由社工选择";
            case LATER -> "项目录入后自动计入";
            case MOVED -> "由民政局调整";
            default -> how;
        };
    }
}
