package cn.sgz.feedback.internal;

import cn.sgz.activity.RecordFilter;
import cn.sgz.activity.ServiceRecordService;
import cn.sgz.activity.ServiceRecordView;
import cn.sgz.feedback.internal.PublicDirectory.PublicStation;
import cn.sgz.org.OrgDirectory;
import cn.sgz.org.OrgUnitType;
import cn.sgz.org.ScopeService;
import cn.sgz.shared.NotFoundException;
import cn.sgz.shared.qr.QrCodes;
import cn.sgz.shared.vocabulary.ServiceKind;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Printable A4 posters with the QR codes of a station's feedback and questionnaire pages (and of an
 * activity's questionnaire, for its sign-in sheet), the station's name and the bureau's hotline. Anyone
 * signed in who sees the station may print them.
 */
@Controller
class PosterController {

    private final ScopeService scopes;
    private final OrgDirectory orgs;
    private final PublicFeedbackService service;
    private final ServiceRecordService records;
    private final String baseUrl;

    PosterController(
            ScopeService scopes,
            OrgDirectory orgs,
            PublicFeedbackService service,
            ServiceRecordService records,
            @Value("${sgz.public-base-url:}") String baseUrl) {
        this.scopes = scopes;
        this.orgs = orgs;
        this.service = service;
        this.records = records;
        this.baseUrl = baseUrl;
    }

    private String base(HttpServletRequest request) {
        String b = baseUrl == null || baseUrl.isBlank()
                ? ServletUriComponentsBuilder.fromContextPath(request).build().toUriString()
                : baseUrl;
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    private PublicStation visibleStation(long stationId) {
        scopes.requireVisibleUnit(stationId, "社工站");
        return service.station(stationId);
    }

    @GetMapping("/posters")
    String list(Model model) {
        var stations = orgs.visibleUnits(OrgUnitType.STATION);
        java.util.Map<Long, java.util.List<ServiceRecordView>> activities = new java.util.HashMap<>();
        for (var s : stations) {
            activities.put(
                    s.id(),
                    records.list(new RecordFilter(
                            s.id(), ServiceKind.COMMUNITY_SERVICE, null, null, null, null, null, false, 5, 0)));
        }
        model.addAttribute("stations", stations);
        model.addAttribute("activities", activities);
        return "feedback/posters";
    }

    @GetMapping("/posters/stations/{stationId}")
    String station(@PathVariable long stationId, HttpServletRequest request, Model model) {
        PublicStation s = visibleStation(stationId);
        String base = base(request);
        model.addAttribute("station", s);
        model.addAttribute("hotline", service.settingsOf(s).hotline());
        model.addAttribute("feedbackUrl", base + "/feedback/s/" + s.id());
        model.addAttribute("surveyUrl", base + "/feedback/s/" + s.id() + "/survey");
        model.addAttribute("record", null);
        return "feedback/poster";
    }

    @GetMapping("/posters/records/{recordId}")
    String record(@PathVariable long recordId, HttpServletRequest request, Model model) {
        ServiceRecordView r = records.get(recordId);
        PublicStation s = visibleStation(r.stationId());
        String base = base(request);
        model.addAttribute("station", s);
        model.addAttribute("hotline", service.settingsOf(s).hotline());
        model.addAttribute("feedbackUrl", base + "/feedback/s/" + s.id());
        model.addAttribute("surveyUrl", base + surveyPath(s.id(), r.id()));
        model.addAttribute("record", r);
        return "feedback/poster";
    }

    private String surveyPath(long stationId, long recordId) {
        return "/feedback/s/" + stationId + "/survey?r=" + recordId + "&sig="
                + service.activitySignature(stationId, recordId);
    }

    /** The QR code of a station's page: {@code kind} = feedback or survey; {@code r} = an activity (service record). */
    @GetMapping(value = "/posters/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> qr(
            @RequestParam long stationId,
            @RequestParam(defaultValue = "feedback") String kind,
            @RequestParam(name = "r", required = false) Long recordId,
            HttpServletRequest request) {
        PublicStation s = visibleStation(stationId);
        String url;
        if ("survey".equals(kind)) {
            if (recordId != null) {
                ServiceRecordView r = records.get(recordId);
                if (r.stationId() != s.id()) {
                    throw new NotFoundException("服务记录");
                }
                url = base(request) + surveyPath(s.id(), r.id());
            } else {
                url = base(request) + "/feedback/s/" + s.id() + "/survey";
            }
        } else {
            url = base(request) + "/feedback/s/" + s.id();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.noCache())
                .body(QrCodes.png(url, 480));
    }
}
