package cn.sgz.activity.internal;

import cn.sgz.activity.RecordForm;
import cn.sgz.activity.ServiceRecordService;
import cn.sgz.activity.ServiceRecordView;
import cn.sgz.evidence.DeviceCapture;
import cn.sgz.evidence.EvidenceService;
import cn.sgz.evidence.PhotoPurpose;
import cn.sgz.evidence.PhotoSource;
import cn.sgz.evidence.PhotoView;
import cn.sgz.evidence.UploadResult;
import cn.sgz.org.DemoUsers;
import cn.sgz.org.OrgDirectory;
import cn.sgz.org.OrgUnitType;
import cn.sgz.org.OrgUnitView;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.vocabulary.ServiceKind;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 重复照片申诉 demo: demo_worker visited 王桂兰's family again and took the photo from the same spot; the detector
 * found it to repeat the first visit's photo (here a recompressed copy, so the finding is certain) and the worker
 * contested it. The contest waits for demo_bureau (home page「待裁定的重复照片申诉」, the record page, /photo-contests).
 */
@Component
@Order(17)
@ConditionalOnProperty(name = "sgz.demo.enabled", havingValue = "true")
class DemoPhotoContest implements ApplicationRunner {

    static final String TITLE = "再次走访残疾人家庭（照片申诉中）";
    static final String FIRST_TITLE = "走访残疾人家庭";
    static final String REASON = "两次走访同一户残疾人家庭，都在老人卧室门口同一角度拍摄，这张是本次走访当天拍摄的现场照片，并非重复使用上次的照片。";
    private static final Logger log = LoggerFactory.getLogger(DemoPhotoContest.class);

    private final JdbcClient jdbc;
    private final ServiceRecordService records;
    private final EvidenceService evidence;
    private final OrgDirectory directory;
    private final DemoUsers demoUsers;

    DemoPhotoContest(
            JdbcClient jdbc,
            ServiceRecordService records,
            EvidenceService evidence,
            OrgDirectory directory,
            DemoUsers demoUsers) {
        this.jdbc = jdbc;
        this.records = records;
        this.evidence = evidence;
        this.directory = directory;
        this.demoUsers = demoUsers;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM evidence_duplicate_contest")
                                .query(Long.class)
                                .single()
                        > 0
                || jdbc.sql("SELECT COUNT(*) FROM service_record WHERE title = ?")
                                .param(TITLE)
                                .query(Long.class)
                                .single()
                        > 0) {
            return;
        }
        String done = demoUsers.callAs("demo_worker", this::load);
        if (done != null) {
            log.info("已载入重复照片申诉演示：{}", done);
        }
    }

    private String load() {
        List<OrgUnitView> stations = directory.visibleUnits(OrgUnitType.STATION);
        if (stations.isEmpty()) {
            return null;
        }
        OrgUnitView station = stations.get(0);
        Long firstId = jdbc.sql("SELECT MIN(id) FROM service_record WHERE title = ? AND station_id = ?")
                .params(FIRST_TITLE, station.id())
                .query(Long.class)
                .optional()
                .orElse(null);
        if (firstId == null) {
            return null;
        }
        PhotoView first = evidence.photosOf(ServiceRecordService.OWNER_TYPE, firstId).stream()
                .filter(p -> !p.removed() && !p.duplicate())
                .findFirst()
                .orElse(null);
        if (first == null) {
            return null;
        }
        byte[] copy;
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(
                    evidence.open(first.id(), "original").bytes()));
            copy = DemoPhotos.jpeg(img, 0.7f);
        } catch (IOException | RuntimeException e) {
            log.warn("重复照片申诉演示未载入：{}", e.toString());
            return null;
        }
        LocalDate date = ChinaTime.today().minusDays(2);
        ServiceRecordView r = records.create(new RecordForm(
                station.id(),
                null,
                ServiceKind.FOLLOW_UP_VISIT,
                null,
                TITLE,
                date,
                "15:00",
                "15:40",
                "居民家中",
                false,
                false,
                "张伟",
                1,
                "再次入户走访，了解康复器具使用情况，协助预约社区康复站上门指导。",
                "服务对象反馈良好。",
                List.of(new RecordForm.ParticipantInput(null, "王桂兰")),
                null,
                null,
                null,
                null));
        UploadResult up = records.addPhoto(
                r.id(),
                PhotoPurpose.SCENE,
                PhotoSource.CAMERA,
                "demo-contest-1",
                null,
                copy.length,
                new ByteArrayInputStream(copy),
                new DeviceCapture(
                        ChinaTime.notAfterNow(date.atTime(15, 20).atOffset(ZoneOffset.ofHours(8))),
                        station.latitude() + 0.002,
                        station.longitude() - 0.001,
                        8.0));
        if (!up.photo().duplicate()) {
            return "“" + TITLE + "”的照片未被认定为重复，未提出申诉";
        }
        evidence.contestDuplicate(up.photo().id(), REASON);
        return "“" + TITLE + "”的照片被认定为重复，demo_worker 已提出申诉，待 demo_bureau 裁定";
    }
}
