package cn.sgz.evidence;

/**
 * The stored photo; {@code created} is false when the upload was a retry of one already stored.
 * {@code warning} tells the person something they should know (e.g. no Chinese font for the watermark).
 */
public record UploadResult(PhotoView photo, boolean created, String warning) {}
