package cn.sgz.feedback;

/**
 * Questionnaire results of one station over a period: how many residents answered and the mean of
 * all their five-point scores (0 when nobody answered).
 */
public record StationSatisfaction(long stationId, int responses, double averageOutOf5) {}
