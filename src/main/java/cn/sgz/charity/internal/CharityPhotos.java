package cn.sgz.charity.internal;

import cn.sgz.evidence.EvidenceService;
import cn.sgz.evidence.PhotoPurpose;
import cn.sgz.evidence.PhotoSource;
import cn.sgz.evidence.PhotoUpload;
import cn.sgz.evidence.PhotoView;
import cn.sgz.evidence.UploadResult;
import cn.sgz.org.OrgDirectory;
import cn.sgz.shared.AuditEvent;
import java.io.InputStream;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Photos of agreements, vouchers and project materials, stored by the evidence module under this
 * module's owner types. The caller has checked scope and write permission on the owner.
 */
@Component
public class CharityPhotos {

    public static final String FUND = "CHARITY_FUND";
    public static final String CO_RAISED = "CO_RAISED_ENTRY";
    public static final String PROJECT = "CHARITY_PROJECT";

    private final EvidenceService evidence;
    private final OrgDirectory directory;
    private final ApplicationEventPublisher events;

    CharityPhotos(EvidenceService evidence, OrgDirectory directory, ApplicationEventPublisher events) {
        this.evidence = evidence;
        this.directory = directory;
        this.events = events;
    }

    /**
     * Stores a photo (its watermark names the station) and records who added it; {@code what} says in the
     * audit trail what the photo shows (协议照片, 票据照片 …).
     */
    public UploadResult upload(
            String ownerType,
            long ownerId,
            String orgPath,
            long stationId,
            PhotoPurpose purpose,
            String what,
            String uploadKey,
            String originalName,
            long size,
            InputStream content) {
        String stationName = directory.unitNames(List.of(stationId)).get(stationId);
        UploadResult r = evidence.upload(new PhotoUpload(
                ownerType,
                ownerId,
                orgPath,
                purpose,
                PhotoSource.GALLERY,
                uploadKey,
                originalName,
                size,
                content,
                null,
                stationName,
                null));
        events.publishEvent(AuditEvent.success(
                "CHARITY_PHOTO_ADD",
                ownerType,
                ownerId,
                orgPath,
                what + " #" + r.photo().id()));
        return r;
    }

    /** Photos still on the owner (removed ones left out). */
    public List<PhotoView> of(String ownerType, long ownerId) {
        return evidence.photosOf(ownerType, ownerId).stream()
                .filter(p -> !p.removed())
                .toList();
    }
}
