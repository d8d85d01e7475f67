package cn.sgz.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import cn.sgz.evidence.TestImages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ExifData} on small real JPEG files whose EXIF block is written here, tag by tag, in both byte orders:
 * orientation, the time fallbacks (DateTimeOriginal → DateTimeDigitized → IFD0 DateTime), southern and western
 * positions, a 0/0 position (a phone without a fix), and garbled or truncated EXIF (no facts, no error).
 */
class ExifFixturesTest {

    @TempDir
    Path dir;

    static final byte[] JPEG = TestImages.jpeg(TestImages.scene(77), 0.8f);

    ExifData read(byte[] bytes) throws IOException {
        Path p = Files.createTempFile(dir, "fixture-", ".jpg");
        Files.write(p, bytes);
        return ExifData.read(p);
    }

    // ---- a tiny TIFF/EXIF writer ----------------------------------------------------------------

    record Entry(int tag, int type, int count, byte[] value) {}

    static final class Tiff {
        final ByteOrder order;
        final List<Entry> ifd0 = new ArrayList<>();
        final List<Entry> exif = new ArrayList<>();
        final List<Entry> gps = new ArrayList<>();

        Tiff(ByteOrder order) {
            this.order = order;
        }

        ByteBuffer buf(int n) {
            return ByteBuffer.allocate(n).order(order);
        }

        Entry ascii(int tag, String s) {
            byte[] b = (s + "\0").getBytes(StandardCharsets.US_ASCII);
            return new Entry(tag, 2, b.length, b);
        }

        Entry shortValue(int tag, int v) {
            return new Entry(tag, 3, 1, buf(2).putShort((short) v).array());
        }

        Entry rationals(int tag, long... numDen) {
            ByteBuffer b = buf(numDen.length * 4);
            for (long v : numDen) {
                b.putInt((int) v);
            }
            return new Entry(tag, 5, numDen.length / 2, b.array());
        }

        Entry ref(int tag, char c) {
            return new Entry(tag, 2, 2, new byte[] {(byte) c, 0});
        }

        /** GPS degrees as deg/1, min/1, sec·1000/1000. */
        Entry degrees(int tag, double v) {
            double a = Math.abs(v);
            int d = (int) a;
            int m = (int) ((a - d) * 60);
            double s = (a - d - m / 60.0) * 3600;
            return rationals(tag, d, 1, m, 1, Math.round(s * 1000), 1000);
        }

        Tiff time(int tag, String exifTime) {
            (tag == 0x0132 ? ifd0 : exif).add(ascii(tag, exifTime));
            return this;
        }

        Tiff position(double lat, double lon) {
            gps.add(ref(1, lat >= 0 ? 'N' : 'S'));
            gps.add(degrees(2, lat));
            gps.add(ref(3, lon >= 0 ? 'E' : 'W'));
            gps.add(degrees(4, lon));
            return this;
        }

        Tiff orientation(int o) {
            ifd0.add(shortValue(0x0112, o));
            return this;
        }

        byte[] build() {
            List<Entry> zero = new ArrayList<>(ifd0);
            // the pointers to the sub-IFDs are placeholders filled in once the layout is known
            if (!exif.isEmpty()) {
                zero.add(new Entry(0x8769, 4, 1, new byte[4]));
            }
            if (!gps.isEmpty()) {
                zero.add(new Entry(0x8825, 4, 1, new byte[4]));
            }
            zero.sort(Comparator.comparingInt(Entry::tag));
            int zeroAt = 8;
            int exifAt = zeroAt + size(zero);
            int gpsAt = exifAt + size(exif);
            int dataAt = gpsAt + size(gps);
            ByteBuffer out = buf(4096);
            out.put(order == ByteOrder.BIG_ENDIAN ? new byte[] {'M', 'M'} : new byte[] {'I', 'I'});
            out.putShort((short) 42).putInt(zeroAt);
            List<byte[]> data = new ArrayList<>();
            int[] next = {dataAt};
            writeIfd(out, zero, next, data, exifAt, gpsAt);
            writeIfd(out, exif, next, data, exifAt, gpsAt);
            writeIfd(out, gps, next, data, exifAt, gpsAt);
            for (byte[] d : data) {
                out.put(d);
            }
            return java.util.Arrays.copyOf(out.array(), out.position());
        }

        static int size(List<Entry> ifd) {
            return ifd.isEmpty() ? 0 : 2 + ifd.size() * 12 + 4;
        }

        void writeIfd(ByteBuffer out, List<Entry> ifd, int[] next, List<byte[]> data, int exifAt, int gpsAt) {
            if (ifd.isEmpty()) {
                return;
            }
            out.putShort((short) ifd.size());
            for (Entry e : ifd) {
                out.putShort((short) e.tag()).putShort((short) e.type()).putInt(e.count());
                if (e.tag() == 0x8769) {
                    out.putInt(exifAt);
                } else if (e.tag() == 0x8825) {
                    out.putInt(gpsAt);
                } else if (e.value().length <= 4) {
                    out.put(java.util.Arrays.copyOf(e.value(), 4));
                } else {
                    out.putInt(next[0]);
                    data.add(e.value());
                    next[0] += e.value().length;
                }
            }
            out.putInt(0);
        }
    }

    /** The JPEG with an APP1 "Exif" segment holding {@code tiff}, right after SOI. */
    static byte[] withApp1(byte[] tiff) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        int len = 2 + 6 + tiff.length;
        out.write(0xFF);
        out.write(0xE1);
        out.write(len >> 8);
        out.write(len & 0xFF);
        out.writeBytes(new byte[] {'E', 'x', 'i', 'f', 0, 0});
        out.writeBytes(tiff);
        out.write(JPEG, 2, JPEG.length - 2);
        return out.toByteArray();
    }

    static final OffsetDateTime AT = OffsetDateTime.of(2026, 11, 28, 16, 45, 9, 0, ZoneOffset.ofHours(8));

    // ---- tests ---------------------------------------------------------------------------------

    @ParameterizedTest(name = "orientation {0}")
    @ValueSource(ints = {1, 3, 6, 8})
    void theOrientationIsRead(int o) throws IOException {
        Tiff t = new Tiff(ByteOrder.BIG_ENDIAN).orientation(o).time(0x9003, "2026:11:28 16:45:09");
        ExifData e = read(withApp1(t.build()));
        assertThat(e.orientation()).isEqualTo(o);
        assertThat(e.capturedAt()).isEqualTo(AT);
    }

    @Test
    void littleEndianFilesReadTheSameAsBigEndianOnes() throws IOException {
        for (ByteOrder order : List.of(ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN)) {
            Tiff t = new Tiff(order)
                    .orientation(6)
                    .time(0x9003, "2026:11:28 16:45:09")
                    .position(40.60102, 109.97021);
            ExifData e = read(withApp1(t.build()));
            assertThat(e.capturedAt()).as(order.toString()).isEqualTo(AT);
            assertThat(e.latitude()).as(order.toString()).isCloseTo(40.60102, offset(1e-5));
            assertThat(e.longitude()).as(order.toString()).isCloseTo(109.97021, offset(1e-5));
            assertThat(e.orientation()).as(order.toString()).isEqualTo(6);
        }
    }

    @Test
    void southAndWestGiveNegativeCoordinates() throws IOException {
        ExifData e = read(withApp1(
                new Tiff(ByteOrder.LITTLE_ENDIAN).position(-33.8688, -70.6693).build()));
        assertThat(e.latitude()).isCloseTo(-33.8688, offset(1e-4));
        assertThat(e.longitude()).isCloseTo(-70.6693, offset(1e-4));
        assertThat(e.capturedAt()).isNull();
    }

    @Test
    void aZeroPositionIsNoPosition() throws IOException {
        // phones without a GPS fix write 0°N 0°E: that is "no place", not the Gulf of Guinea
        ExifData e = read(withApp1(new Tiff(ByteOrder.BIG_ENDIAN)
                .time(0x9003, "2026:11:28 16:45:09")
                .position(0, 0)
                .build()));
        assertThat(e.latitude()).isNull();
        assertThat(e.longitude()).isNull();
        assertThat(e.capturedAt()).isEqualTo(AT);
    }

    @Test
    void withoutDateTimeOriginalTheDigitizedTimeThenTheFileTimeIsUsed() throws IOException {
        ExifData digitized = read(withApp1(new Tiff(ByteOrder.BIG_ENDIAN)
                .time(0x9004, "2026:11:28 16:45:09")
                .build()));
        assertThat(digitized.capturedAt()).isEqualTo(AT);
        ExifData fileTime = read(withApp1(new Tiff(ByteOrder.BIG_ENDIAN)
                .time(0x0132, "2026:11:28 16:45:09")
                .build()));
        assertThat(fileTime.capturedAt()).isEqualTo(AT);
        // the original time wins over the others
        ExifData both = read(withApp1(new Tiff(ByteOrder.BIG_ENDIAN)
                .time(0x9003, "2026:11:28 16:45:09")
                .time(0x9004, "2026:12:01 08:00:00")
                .time(0x0132, "2026:12:02 08:00:00")
                .build()));
        assertThat(both.capturedAt()).isEqualTo(AT);
    }

    @Test
    void garbledExifGivesNoFactsAndNoError() throws IOException {
        byte[] noise = new byte[64];
        new java.util.Random(5).nextBytes(noise);
        for (byte[] tiff : List.of(
                noise,
                // a valid header pointing past the end
                new byte[] {'M', 'M', 0, 42, 0, 0, 0x7F, 0x00},
                // an IFD claiming 4000 entries
                new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0, (byte) 0xA0, 0x0F, 0, 0})) {
            ExifData e = read(withApp1(tiff));
            assertThat(e.capturedAt()).isNull();
            assertThat(e.latitude()).isNull();
            assertThat(e.orientation()).isEqualTo(1);
        }
        // a file cut off in the middle of its EXIF block
        byte[] whole = withApp1(new Tiff(ByteOrder.BIG_ENDIAN)
                .time(0x9003, "2026:11:28 16:45:09")
                .position(40.6, 109.9)
                .build());
        ExifData cut = read(java.util.Arrays.copyOf(whole, 40));
        assertThat(cut.latitude()).isNull();
        assertThat(cut.orientation()).isEqualTo(1);
    }

    @Test
    void anUnreadableTimeIsNoTime() throws IOException {
        ExifData e = read(withApp1(new Tiff(ByteOrder.BIG_ENDIAN)
                .time(0x9003, "0000:00:00 00:00:00")
                .position(40.6, 109.9)
                .build()));
        assertThat(e.capturedAt()).isNull();
        assertThat(e.latitude()).isCloseTo(40.6, offset(1e-4));
    }
}
