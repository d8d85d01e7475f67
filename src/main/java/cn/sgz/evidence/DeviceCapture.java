package cn.sgz.evidence;

import java.time.OffsetDateTime;

/** Time and position the phone reported when the watermark camera took the picture (any may be null). */
public record DeviceCapture(OffsetDateTime takenAt, Double latitude, Double longitude, Double accuracyMeters) {}
