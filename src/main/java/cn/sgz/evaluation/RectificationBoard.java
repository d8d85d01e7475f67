package cn.sgz.evaluation;

import cn.sgz.evaluation.internal.RectificationService;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;

/** Open 整改 items the signed-in user may see, for home pages. */
@Service
public class RectificationBoard {

    private final RectificationService rectifications;

    RectificationBoard(RectificationService rectifications) {
        this.rectifications = rectifications;
    }

    /** An open (or answered, awaiting review) item; {@code overdue} when its deadline has passed. */
    public record OpenItem(
            long id,
            long stationId,
            String stationName,
            String title,
            LocalDate deadline,
            String statusLabel,
            boolean overdue,
            String link) {}

    public List<OpenItem> openItems() {
        return rectifications.openItems();
    }
}
