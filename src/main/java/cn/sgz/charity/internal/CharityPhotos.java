package cn.sgz.charity.internal;

import cn.sgz.evidence.EvidenceService;
import cn.sgz.evidence.PhotoPurpose;
import cn.sgz.evidence.PhotoSource;
import cn.sgz.evidence.PhotoUpload;
import cn.sgz.evidence.PhotoView;
import cn.sgz.evidence.UploadResult;
import java.io.InputStream;
import java.util.List;
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

    CharityPhotos(EvidenceService evidence) {
        this.evidence = evidence;
    }

    public UploadResult upload(String ownerType, long ownerId, String orgPath, String stationName, PhotoPurpose purpose,
                               String uploadKey, String originalName, long size, InputStream content) {
        return evidence.upload(new PhotoUpload(ownerType, ownerId, orgPath, purpose, PhotoSource.GALLERY, uploadKey,
                originalName, size, content, null, stationName, null));
    }

    /** Photos still on the owner (removed ones left out). */
    public List<PhotoView> of(String ownerType, long ownerId) {
        return evidence.photosOf(ownerType, ownerId).stream().filter(p -> !p.removed()).toList();
    }
}
