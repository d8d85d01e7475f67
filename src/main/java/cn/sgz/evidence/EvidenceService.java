package cn.sgz.evidence;

import cn.sgz.evidence.internal.DuplicateContests;
import cn.sgz.evidence.internal.PhotoService;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evidence module's API. Owners (service records, later cases and groups) attach photos through
 * it and read their photos back to evaluate {@link QualificationRules}. Every photo carries its
 * owner's org path: downloads and single-photo reads are scope-checked here; listing an owner's
 * photos trusts the caller to have checked the owner (it is also used by background recomputation).
 */
@Service
public class EvidenceService {

    private final PhotoService photos;
    private final DuplicateContests contests;

    EvidenceService(PhotoService photos, DuplicateContests contests) {
        this.photos = photos;
        this.contests = contests;
    }

    /**
     * For the flagged photos among an owner's photos (read inside the caller's scope): what the caller may know of the
     * earlier photo each copies (thumbnail, date, station; the earlier record only when in scope) and the contest.
     */
    @Transactional(readOnly = true)
    public Map<Long, EarlierPhoto> earlierPhotos(List<PhotoView> photos) {
        return contests.earlierOf(photos);
    }

    /** A worker or station head contests a duplicate finding on a photo in their scope. */
    public DuplicateContestView contestDuplicate(long photoId, String reason) {
        return contests.file(photoId, reason);
    }

    /** The county bureau decides a contest (version from the contest as read; stale → 409). */
    public DuplicateContestView decideContest(long contestId, ContestStatus decision, String reason, Long version) {
        return contests.decide(contestId, decision, reason, version);
    }

    /** Contests inside the caller's scope, newest first; {@code status} null = all. */
    @Transactional(readOnly = true)
    public List<DuplicateContestView> contests(ContestStatus status, int limit) {
        return contests.list(status, limit);
    }

    /** Of the given photos, those in the caller's scope whose duplicate finding waits for the bureau's decision. */
    @Transactional(readOnly = true)
    public java.util.Set<Long> pendingContests(java.util.Collection<Long> photoIds) {
        return contests.pendingAmong(photoIds);
    }

    /** Whether the current user decides duplicate-photo contests (county bureau). */
    public boolean decidesContests() {
        return contests.decides();
    }

    /** Stores a photo (or returns the one stored by an earlier try of the same upload). */
    public UploadResult upload(PhotoUpload upload) {
        return photos.upload(upload);
    }

    /** All photos of an owner, removed ones included (marked), oldest first. */
    @Transactional(readOnly = true)
    public List<PhotoView> photosOf(String ownerType, long ownerId) {
        return photos.photosOf(ownerType, ownerId);
    }

    /** Photos of other owners that were found to copy this owner's photos. */
    @Transactional(readOnly = true)
    public List<PhotoView> reusesOf(String ownerType, long ownerId) {
        return photos.reusesOf(ownerType, ownerId);
    }

    /** One photo, if it exists and is inside the current user's scope. */
    @Transactional(readOnly = true)
    public PhotoView get(long photoId) {
        return photos.visible(photoId);
    }

    /** A photo file: {@code original}, {@code stamped} (the watermarked copy) or {@code thumb}. */
    @Transactional(readOnly = true)
    public StoredFile open(long photoId, String variant) {
        return photos.open(photoId, variant);
    }

    /** Takes a photo off its owner (kept on disk and in the audit trail, out of the duplicate index). */
    public PhotoView remove(long photoId, String ownerType, long ownerId, String reason) {
        return photos.remove(photoId, ownerType, ownerId, reason);
    }

    /** Takes every photo off an owner, e.g. when the owner is voided. */
    public int releaseOwner(String ownerType, long ownerId, String reason) {
        return photos.releaseOwner(ownerType, ownerId, reason);
    }

    /** Whether the server can print Chinese on watermarks (a CJK font is installed). */
    public boolean watermarkFontAvailable() {
        return photos.watermarker().cjkFontAvailable();
    }

    public long maxPhotoBytes() {
        return photos.maxPhotoBytes();
    }
}
