package cn.sgz.evidence.internal;

import com.drew.imaging.ImageMetadataReader;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.TimeZone;

/** Capture time, GPS position and orientation read from a photo's EXIF with metadata-extractor. */
record ExifData(OffsetDateTime capturedAt, Double latitude, Double longitude, int orientation) {

    static final ExifData NONE = new ExifData(null, null, null, 1);
    private static final TimeZone CHINA = TimeZone.getTimeZone("Asia/Shanghai");

    static ExifData read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Metadata metadata = ImageMetadataReader.readMetadata(in);
            OffsetDateTime time = null;
            ExifSubIFDDirectory sub = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
            if (sub != null) {
                // EXIF times carry no zone: a phone in China writes local time
                Date d = sub.getDateOriginal(CHINA);
                if (d == null) {
                    d = sub.getDateDigitized(CHINA);
                }
                if (d != null) {
                    time = OffsetDateTime.ofInstant(d.toInstant(), ZoneOffset.ofHours(8));
                }
            }
            ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (time == null && ifd0 != null) {
                Date d = ifd0.getDate(ExifIFD0Directory.TAG_DATETIME, CHINA);
                if (d != null) {
                    time = OffsetDateTime.ofInstant(d.toInstant(), ZoneOffset.ofHours(8));
                }
            }
            int orientation = 1;
            if (ifd0 != null && ifd0.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                orientation = ifd0.getInt(ExifIFD0Directory.TAG_ORIENTATION);
            }
            Double lat = null;
            Double lon = null;
            GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
            if (gps != null) {
                GeoLocation loc = gps.getGeoLocation();
                if (loc != null
                        && !loc.isZero()
                        && Math.abs(loc.getLatitude()) <= 90
                        && Math.abs(loc.getLongitude()) <= 180) {
                    lat = loc.getLatitude();
                    lon = loc.getLongitude();
                }
            }
            return new ExifData(time, lat, lon, orientation);
        } catch (Exception e) {
            // unreadable or absent metadata is not an error: the photo simply has no EXIF facts
            return NONE;
        }
    }

    static LocalDateTime local(OffsetDateTime t) {
        return t == null ? null : t.toLocalDateTime();
    }
}
