package cn.sgz.activity.internal;

import cn.sgz.activity.RecordFilter;
import cn.sgz.activity.ServiceRecordService;
import cn.sgz.activity.ServiceRecordView;
import cn.sgz.evidence.DeviceCapture;
import cn.sgz.evidence.PhotoPurpose;
import cn.sgz.evidence.PhotoSource;
import cn.sgz.evidence.Qualification;
import cn.sgz.org.DemoUsers;
import cn.sgz.org.OrgDirectory;
import cn.sgz.org.OrgUnitType;
import cn.sgz.org.OrgUnitView;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.vocabulary.ServiceKind;
import java.io.ByteArrayInputStream;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo ledgers' home visits (入户评估, 上门回访) get their watermark photos, as a worker would add
 * them from the visit — except about one in four, which stays without a photo so the demo also shows
 * visits that do not count and why.
 */
@Component
@Order(25)
@ConditionalOnProperty(name = "sgz.demo.enabled", havingValue = "true")
class DemoVisitPhotos implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoVisitPhotos.class);

    private final ServiceRecordService records;
    private final OrgDirectory directory;
    private final DemoUsers demoUsers;

    DemoVisitPhotos(ServiceRecordService records, OrgDirectory directory, DemoUsers demoUsers) {
        this.records = records;
        this.directory = directory;
        this.demoUsers = demoUsers;
    }

    @Override
    public void run(ApplicationArguments args) {
        int added = 0;
        for (String worker : List.of("demo_worker", "demo_worker2")) {
            Integer n = demoUsers.callAs(worker, this::addPhotosAtOwnStation);
            if (n == null) {
                return;
            }
            added += n;
        }
        if (added > 0) {
            log.info("已为演示入户评估和上门回访补充现场照片 {} 张", added);
        }
    }

    /** Photos for the visits the ledger demo wrote moments ago at the signed-in worker's station. */
    private int addPhotosAtOwnStation() {
        int added = 0;
        List<OrgUnitView> stations = directory.visibleUnits(OrgUnitType.STATION);
        if (stations.isEmpty()) {
            return 0;
        }
        OrgUnitView station = stations.get(0);
        Random random = new Random(station.id() * 31L);
        List<ServiceRecordView> visits = new java.util.ArrayList<>();
        for (ServiceKind kind : List.of(ServiceKind.HOME_ASSESSMENT, ServiceKind.FOLLOW_UP_VISIT)) {
            visits.addAll(
                    records.list(new RecordFilter(station.id(), kind, null, null, null, null, null, null, 500, 0)));
        }
        for (ServiceRecordView r : visits) {
            boolean onlyNoPhoto = r.reasons().stream()
                    .map(Qualification.Reason::code)
                    .allMatch(c -> c.name().equals("NO_PHOTO"));
            // Only visits the ledger demo wrote moments ago (so a later start adds nothing); every fourth stays
            // without a photo.
            boolean justLoaded = r.createdAt().isAfter(ChinaTime.offsetNow().minusMinutes(5));
            if (r.counts() || !onlyNoPhoto || !justLoaded || r.id() % 4 == 3) {
                continue;
            }
            byte[] jpeg = DemoPhotos.jpeg(DemoPhotos.scene(r.id() * 97L, r.id(), 0, 640, 480), 0.85f);
            double lat = station.latitude() + (random.nextDouble() - 0.5) * 0.01;
            double lon = station.longitude() + (random.nextDouble() - 0.5) * 0.01;
            var taken = ChinaTime.notAfterNow(
                    r.serviceDate().atTime(10, random.nextInt(50)).atOffset(ZoneOffset.ofHours(8)));
            var now = ChinaTime.offsetNow().minusMinutes(5);
            if (taken.isAfter(now)) {
                taken = now; // a visit recorded today before 10 o'clock was photographed just now
            }
            try {
                records.addPhoto(
                        r.id(),
                        PhotoPurpose.SCENE,
                        PhotoSource.CAMERA,
                        "demo-visit-" + r.id(),
                        null,
                        jpeg.length,
                        new ByteArrayInputStream(jpeg),
                        new DeviceCapture(taken, lat, lon, 10.0));
                added++;
            } catch (RuntimeException e) {
                // Demo data must never stop the system from starting.
                log.warn("演示照片未能添加到记录 {}：{}", r.id(), e.getMessage());
            }
        }
        return added;
    }
}
