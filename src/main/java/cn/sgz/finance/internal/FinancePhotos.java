package cn.sgz.finance.internal;

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
 * Invoice and receipt photos of expenses, stored by the evidence module (its size, type and duplicate
 * checks apply) under this module's owner type. The caller has checked scope and write permission.
 */
@Component
public class FinancePhotos {

    public static final String EXPENSE = "FINANCE_EXPENSE";

    private final EvidenceService evidence;

    FinancePhotos(EvidenceService evidence) {
        this.evidence = evidence;
    }

    public UploadResult upload(
            long expenseId,
            String orgPath,
            String stationName,
            String uploadKey,
            String originalName,
            long size,
            InputStream content) {
        return evidence.upload(new PhotoUpload(
                EXPENSE,
                expenseId,
                orgPath,
                PhotoPurpose.RECEIPT,
                PhotoSource.GALLERY,
                uploadKey,
                originalName,
                size,
                content,
                null,
                stationName,
                null));
    }

    public List<PhotoView> of(long expenseId) {
        return evidence.photosOf(EXPENSE, expenseId).stream()
                .filter(p -> !p.removed())
                .toList();
    }
}
