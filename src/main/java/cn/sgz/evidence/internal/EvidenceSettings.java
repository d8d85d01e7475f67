package cn.sgz.evidence.internal;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Limits and thresholds of the evidence module ({@code sgz.evidence.*}), with safe defaults. */
@Component
public class EvidenceSettings {

    final Path filesDir;
    final long maxPhotoBytes;
    final long maxPixels;
    final int maxSide;
    final int decodeSide;
    final int thumbSide;
    final int fullFlips;
    final int coreFlips;
    final int maxCandidates;
    final int maxHamming;
    final double maxInteriorDifference;
    final double maxBandDifference;
    final double maxInteriorDifferenceNear;
    final int nearHamming;
    final double maxCoreDifference;
    final double maxCoreWholeDifference;
    final double maxCoreTightDifference;
    final double maxResidual;
    final double maxEdgeDifference;

    /** The defaults above, for the offline study in {@code bench/} (no Spring context there). */
    public static EvidenceSettings defaults() {
        return new EvidenceSettings(
                "./data", 15728640, 50000000, 12000, 1024, 360, 2, 2, 30, 12, 0.03, 0.055, 4, 0.02, 0.02, 0.034, 0.35,
                0.01, 0.7);
    }

    EvidenceSettings(
            @Value("${sgz.data-dir:./data}") String dataDir,
            @Value("${sgz.evidence.max-photo-bytes:15728640}") long maxPhotoBytes,
            @Value("${sgz.evidence.max-pixels:50000000}") long maxPixels,
            @Value("${sgz.evidence.max-side:12000}") int maxSide,
            @Value("${sgz.evidence.decode-side:1024}") int decodeSide,
            @Value("${sgz.evidence.thumb-side:360}") int thumbSide,
            @Value("${sgz.evidence.duplicate.full-flips:2}") int fullFlips,
            @Value("${sgz.evidence.duplicate.core-flips:2}") int coreFlips,
            @Value("${sgz.evidence.duplicate.max-candidates:30}") int maxCandidates,
            @Value("${sgz.evidence.duplicate.max-hamming:12}") int maxHamming,
            @Value("${sgz.evidence.duplicate.max-interior-difference:0.03}") double maxInteriorDifference,
            @Value("${sgz.evidence.duplicate.max-interior-difference-near:0.055}") double maxInteriorDifferenceNear,
            @Value("${sgz.evidence.duplicate.near-hamming:4}") int nearHamming,
            @Value("${sgz.evidence.duplicate.max-core-difference:0.02}") double maxCoreDifference,
            @Value("${sgz.evidence.duplicate.max-core-whole-difference:0.02}") double maxCoreWholeDifference,
            @Value("${sgz.evidence.duplicate.max-core-tight-difference:0.034}") double maxCoreTightDifference,
            @Value("${sgz.evidence.duplicate.max-band-difference:0.35}") double maxBandDifference,
            @Value("${sgz.evidence.duplicate.max-residual:0.01}") double maxResidual,
            @Value("${sgz.evidence.duplicate.max-edge-difference:0.7}") double maxEdgeDifference) {
        this.filesDir = Path.of(dataDir).resolve("files");
        this.maxPhotoBytes = maxPhotoBytes;
        this.maxPixels = maxPixels;
        this.maxSide = maxSide;
        this.decodeSide = decodeSide;
        this.thumbSide = thumbSide;
        this.fullFlips = fullFlips;
        this.coreFlips = coreFlips;
        this.maxCandidates = maxCandidates;
        this.maxHamming = maxHamming;
        this.maxInteriorDifference = maxInteriorDifference;
        this.maxBandDifference = maxBandDifference;
        this.maxInteriorDifferenceNear = maxInteriorDifferenceNear;
        this.nearHamming = nearHamming;
        this.maxCoreDifference = maxCoreDifference;
        this.maxCoreWholeDifference = maxCoreWholeDifference;
        this.maxCoreTightDifference = maxCoreTightDifference;
        this.maxResidual = maxResidual;
        this.maxEdgeDifference = maxEdgeDifference;
    }

    public long maxPhotoBytes() {
        return maxPhotoBytes;
    }
}
