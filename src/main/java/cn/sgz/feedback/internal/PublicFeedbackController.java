package cn.sgz.feedback.internal;

import cn.sgz.feedback.FeedbackKind;
import cn.sgz.feedback.internal.PublicDirectory.PublicStation;
import cn.sgz.feedback.internal.PublicFeedbackService.CaseForm;
import cn.sgz.feedback.internal.PublicFeedbackService.Receipt;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.web.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The pages a resident opens from a QR code, without an account: pick a station (county → township),
 * send a 投诉/建议/表扬/咨询, answer the questionnaire, look a case up. Plain HTML forms, no script.
 * Never touches the session: results are rendered directly (no flash attributes), errors re-render the
 * form with a fresh challenge.
 */
@Controller
class PublicFeedbackController {

    private final PublicFeedbackService service;
    private final PublicDirectory directory;
    private final Challenges challenges;

    PublicFeedbackController(PublicFeedbackService service, PublicDirectory directory, Challenges challenges) {
        this.service = service;
        this.directory = directory;
        this.challenges = challenges;
    }

    @GetMapping("/feedback")
    String index(Model model) {
        model.addAttribute("counties", directory.counties());
        return "feedback/public/index";
    }

    @GetMapping("/feedback/s/{stationId}")
    String station(@PathVariable long stationId, Model model) {
        PublicStation station = service.station(stationId);
        model.addAttribute("station", station);
        model.addAttribute("hotline", service.settingsOf(station).hotline());
        model.addAttribute("kinds", FeedbackKind.values());
        return "feedback/public/station";
    }

    @GetMapping("/feedback/s/{stationId}/new")
    String form(@PathVariable long stationId, @RequestParam(defaultValue = "COMPLAINT") String kind, Model model) {
        PublicStation station = service.station(stationId);
        model.addAttribute("form", new CaseForm(kindOrDefault(kind), null, null, null, null, false, null, null));
        return formPage(station, model);
    }

    @PostMapping("/feedback/s/{stationId}/new")
    String submit(
            @PathVariable long stationId,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String content,
            @RequestParam(required = false) String serviceNamed,
            @RequestParam(required = false) String workerNamed,
            @RequestParam(required = false) String phone,
            @RequestParam(defaultValue = "false") boolean consent,
            @RequestParam(required = false) String challengeToken,
            @RequestParam(required = false) String challengeAnswer,
            @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        PublicStation station = service.station(stationId);
        CaseForm form =
                new CaseForm(kind, content, serviceNamed, workerNamed, phone, consent, challengeToken, challengeAnswer);
        try {
            Receipt receipt = service.submit(stationId, form, photos, request.getRemoteAddr());
            response.setHeader("Cache-Control", "no-store");
            model.addAttribute("receipt", receipt);
            model.addAttribute("station", station);
            model.addAttribute("hotline", service.settingsOf(station).hotline());
            return "feedback/public/receipt";
        } catch (BusinessException e) {
            FormErrors.addTo(model, e);
            response.setStatus("RATE_LIMITED".equals(e.code()) ? 429 : HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute(
                    "form",
                    new CaseForm(kindOrDefault(kind), content, serviceNamed, workerNamed, phone, consent, null, null));
            return formPage(station, model);
        }
    }

    private String formPage(PublicStation station, Model model) {
        model.addAttribute("station", station);
        model.addAttribute("kinds", FeedbackKind.values());
        model.addAttribute("challenge", challenges.issue());
        model.addAttribute("maxPhotos", PhotoSanitizer.MAX_PHOTOS);
        model.addAttribute("hotline", service.settingsOf(station).hotline());
        return "feedback/public/form";
    }

    private static String kindOrDefault(String kind) {
        try {
            return FeedbackKind.valueOf(kind == null ? "" : kind).name();
        } catch (IllegalArgumentException e) {
            return FeedbackKind.COMPLAINT.name();
        }
    }

    // ------------------------------------------------------------------ questionnaire

    @GetMapping("/feedback/s/{stationId}/survey")
    String survey(
            @PathVariable long stationId,
            @RequestParam(name = "r", required = false) Long recordId,
            @RequestParam(required = false) String sig,
            Model model) {
        PublicStation station = service.station(stationId);
        service.verifiedRecord(stationId, recordId, sig);
        return surveyPage(station, recordId, sig, Map.of(), model);
    }

    @PostMapping("/feedback/s/{stationId}/survey")
    String answer(
            @PathVariable long stationId,
            @RequestParam(name = "r", required = false) Long recordId,
            @RequestParam(required = false) String sig,
            @RequestParam Map<String, String> params,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        PublicStation station = service.station(stationId);
        Long record = service.verifiedRecord(stationId, recordId, sig);
        try {
            service.submitSurvey(stationId, record, params, request.getRemoteAddr());
            model.addAttribute("station", station);
            return "feedback/public/thanks";
        } catch (BusinessException e) {
            FormErrors.addTo(model, e);
            response.setStatus("RATE_LIMITED".equals(e.code()) ? 429 : HttpServletResponse.SC_BAD_REQUEST);
            return surveyPage(station, recordId, sig, params, model);
        }
    }

    private String surveyPage(
            PublicStation station, Long recordId, String sig, Map<String, String> values, Model model) {
        model.addAttribute("station", station);
        model.addAttribute("questions", service.settingsOf(station).questions());
        model.addAttribute("recordId", recordId);
        model.addAttribute("sig", sig);
        model.addAttribute("values", values);
        model.addAttribute("challenge", challenges.issue());
        return "feedback/public/survey";
    }

    // ------------------------------------------------------------------ track

    @GetMapping("/feedback/track")
    String trackForm(Model model) {
        return "feedback/public/track";
    }

    @PostMapping("/feedback/track")
    String track(
            @RequestParam(required = false) String receiptNo,
            @RequestParam(required = false) String queryCode,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        response.setHeader("Cache-Control", "no-store");
        try {
            model.addAttribute("result", service.track(receiptNo, queryCode, request.getRemoteAddr()));
        } catch (BusinessException e) {
            FormErrors.addTo(model, e);
            response.setStatus("RATE_LIMITED".equals(e.code()) ? 429 : HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("receiptNo", receiptNo);
        }
        return "feedback/public/track";
    }
}
