package cn.sgz.evaluation;

/**
 * Satisfaction of one station from one source.
 *
 * @param source who asked, in plain Chinese (e.g. 评估人员面谈/电话访谈, 居民问卷)
 * @param averageOutOf5 average of the five-point items over all answers
 */
public record SatisfactionScore(long stationId, String source, int responses, double averageOutOf5) {}
