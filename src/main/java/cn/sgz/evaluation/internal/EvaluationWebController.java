package cn.sgz.evaluation.internal;

import cn.sgz.catalog.ProjectQueries;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ChinaTime;
import cn.sgz.shared.ConflictException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 评估 pages: rounds, score sheets, spot-check call lists (phone-first), satisfaction, 整改 and rubrics. */
@Controller
class EvaluationWebController {

    private final RoundService rounds;
    private final SpotCheckService checks;
    private final RectificationService rectifications;
    private final SatisfactionService satisfaction;
    private final RubricService rubrics;
    private final EvaluationReports reports;
    private final EvaluationAccess access;
    private final ProjectQueries projects;
    private final ScorePhotoService scorePhotos;

    EvaluationWebController(
            ScorePhotoService scorePhotos,
            RoundService rounds,
            SpotCheckService checks,
            RectificationService rectifications,
            SatisfactionService satisfaction,
            RubricService rubrics,
            EvaluationReports reports,
            EvaluationAccess access,
            ProjectQueries projects) {
        this.scorePhotos = scorePhotos;
        this.rounds = rounds;
        this.checks = checks;
        this.rectifications = rectifications;
        this.satisfaction = satisfaction;
        this.rubrics = rubrics;
        this.reports = reports;
        this.access = access;
        this.projects = projects;
    }

    /** Runs a write; on bad input or a conflict puts the message in the flash and goes back. */
    private String attempt(RedirectAttributes flash, String back, String done, Supplier<String> work) {
        try {
            String target = work.get();
            flash.addFlashAttribute("notice", done);
            return "redirect:" + (target == null ? back : target);
        } catch (BusinessException e) {
            flash.addFlashAttribute(
                    "error",
                    String.join(
                            "；",
                            e.problems().isEmpty()
                                    ? List.of(e.getMessage())
                                    : e.problems().stream()
                                            .map(BusinessException.FieldProblem::message)
                                            .toList()));
            return "redirect:" + back;
        } catch (ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:" + back;
        }
    }

    @GetMapping("/evaluations")
    String home(Model model) {
        model.addAttribute("rounds", rounds.list(null));
        model.addAttribute("checks", checks.list(null));
        model.addAttribute("rectifications", rectifications.list(null, null, true));
        boolean manager = access.isManager();
        model.addAttribute("manager", manager);
        if (manager) {
            model.addAttribute("projects", projects.visible());
            model.addAttribute("rubrics", rubrics.list());
            model.addAttribute("today", ChinaTime.today());
        }
        return "evaluation/home";
    }

    @PostMapping("/evaluations")
    String create(
            @RequestParam(required = false) Long projectId,
            @RequestParam(required = false) Long rubricId,
            @RequestParam(required = false) RoundService.Kind kind,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
            @RequestParam(required = false) String thresholds,
            @RequestParam(required = false) String team,
            RedirectAttributes flash) {
        return attempt(
                flash,
                "/evaluations",
                "已发起评估",
                () -> "/evaluations/"
                        + rounds.create(new RoundService.EvalRoundForm(
                                        projectId, rubricId, kind, name, startsOn, endsOn, thresholds, split(team)))
                                .id());
    }

    private static List<String> split(String text) {
        return text == null
                ? List.of()
                : Arrays.stream(text.split("[,，、\\s]+"))
                        .filter(s -> !s.isBlank())
                        .toList();
    }

    @GetMapping("/evaluations/{id}")
    String round(@PathVariable long id, Model model) {
        RoundService.EvalRoundView round = rounds.get(id);
        model.addAttribute("round", round);
        model.addAttribute("summary", rounds.summary(id));
        model.addAttribute(
                "checks",
                checks.list(round.projectId()).stream()
                        .filter(c -> c.roundId() != null && c.roundId() == id)
                        .toList());
        model.addAttribute("rectifications", rectifications.list(id, null, false));
        model.addAttribute("decisions", RoundService.Decision.values());
        return "evaluation/round";
    }

    @PostMapping("/evaluations/{id}/team")
    String team(
            @PathVariable long id,
            @RequestParam(required = false) String team,
            @RequestParam Long version,
            RedirectAttributes flash) {
        return attempt(flash, "/evaluations/" + id, "已更新评估小组", () -> {
            rounds.setTeam(id, split(team), version);
            return null;
        });
    }

    @PostMapping("/evaluations/{id}/close")
    String close(@PathVariable long id, @RequestParam Long version, RedirectAttributes flash) {
        return attempt(flash, "/evaluations/" + id, "评分已结束，成绩已冻结", () -> {
            rounds.close(id, version);
            return null;
        });
    }

    @PostMapping("/evaluations/{id}/decision")
    String decide(
            @PathVariable long id,
            @RequestParam(required = false) RoundService.Decision decision,
            @RequestParam(required = false) String note,
            @RequestParam Long version,
            RedirectAttributes flash) {
        return attempt(flash, "/evaluations/" + id, "已作出验收结论", () -> {
            rounds.decide(id, decision, note, version);
            return null;
        });
    }

    @GetMapping("/evaluations/{id}/report.docx")
    ResponseEntity<byte[]> report(@PathVariable long id) {
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("评估报告-" + id + ".docx", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(EvaluationApiController.DOCX)
                .body(reports.report(id));
    }

    @GetMapping("/evaluations/{id}/stations/{stationId}")
    String sheet(@PathVariable long id, @PathVariable long stationId, Model model) {
        model.addAttribute("round", rounds.get(id));
        model.addAttribute("sheet", rounds.sheet(id, stationId));
        model.addAttribute("scorePhotos", scorePhotos.photos(id, stationId));
        model.addAttribute("rectifications", rectifications.list(id, stationId, false));
        model.addAttribute("deadline", ChinaTime.today().plusDays(30));
        return "evaluation/sheet";
    }

    @PostMapping("/evaluations/{id}/stations/{stationId}/items/{code}/photos")
    String scorePhoto(
            @PathVariable long id,
            @PathVariable long stationId,
            @PathVariable String code,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String uploadId,
            RedirectAttributes flash) {
        String back = "/evaluations/" + id + "/stations/" + stationId;
        return attempt(flash, back, "已上传照片", () -> {
            if (file == null || file.isEmpty()) {
                throw BusinessException.field("file", "请选择要上传的照片");
            }
            try {
                scorePhotos.add(
                        id,
                        stationId,
                        code,
                        new RectificationService.PhotoFile(
                                uploadId, file.getOriginalFilename(), file.getSize(), file.getInputStream()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return back + "#item-" + code;
        });
    }

    @GetMapping("/evaluations/{id}/stations/{stationId}/items/{code}/photos/{photoId}/{variant:original|stamped|thumb}")
    ResponseEntity<byte[]> scorePhotoFile(
            @PathVariable long id,
            @PathVariable long stationId,
            @PathVariable String code,
            @PathVariable long photoId,
            @PathVariable String variant) {
        return EvaluationApiController.photoResponse(scorePhotos.file(id, stationId, code, photoId, variant));
    }

    @PostMapping("/evaluations/{id}/stations/{stationId}/items/{code}")
    String score(
            @PathVariable long id,
            @PathVariable long stationId,
            @PathVariable String code,
            @RequestParam(required = false) String level,
            @RequestParam(required = false) BigDecimal points,
            @RequestParam(required = false) List<BigDecimal> parts,
            @RequestParam(required = false) String comment,
            @RequestParam(required = false) Long version,
            RedirectAttributes flash) {
        String back = "/evaluations/" + id + "/stations/" + stationId + "#item-" + code;
        return attempt(flash, back, "已保存评分：" + code, () -> {
            rounds.score(id, stationId, code, new RoundService.EvalScoreInput(level, points, parts, comment, version));
            return null;
        });
    }

    @PostMapping("/evaluations/{id}/stations/{stationId}/checklist/{indicatorId}")
    String judge(
            @PathVariable long id,
            @PathVariable long stationId,
            @PathVariable long indicatorId,
            @RequestParam(required = false) Boolean met,
            @RequestParam(required = false) String comment,
            RedirectAttributes flash) {
        return attempt(flash, "/evaluations/" + id + "/stations/" + stationId + "#checklist", "已保存判断", () -> {
            rounds.judge(id, stationId, indicatorId, met, comment);
            return null;
        });
    }

    // ---- satisfaction ------------------------------------------------------------------------------

    @GetMapping("/evaluations/{id}/satisfaction")
    String satisfaction(@PathVariable long id, @RequestParam(required = false) Long stationId, Model model) {
        RoundService.EvalRoundView round = rounds.get(id);
        model.addAttribute("round", round);
        model.addAttribute("results", satisfaction.results(id));
        model.addAttribute("interviews", satisfaction.list(id, null));
        model.addAttribute("questions", SatisfactionService.QUESTIONS);
        model.addAttribute("stations", rounds.summary(id).stations());
        model.addAttribute("stationId", stationId);
        if (stationId != null && round.canScore()) {
            model.addAttribute("candidates", satisfaction.candidates(id, stationId, 5));
        }
        return "evaluation/satisfaction";
    }

    @PostMapping("/evaluations/{id}/satisfaction")
    String interview(
            @PathVariable long id,
            @RequestParam(required = false) Long stationId,
            @RequestParam(required = false) SatisfactionService.Method method,
            @RequestParam(required = false) String personName,
            @RequestParam(required = false) Long recordId,
            @RequestParam(required = false) String pick,
            @RequestParam(required = false) Integer q1,
            @RequestParam(required = false) Integer q2,
            @RequestParam(required = false) Integer q3,
            @RequestParam(required = false) Integer q4,
            @RequestParam(required = false) Integer q5,
            @RequestParam(required = false) String freeText,
            RedirectAttributes flash) {
        List<Integer> answers = new ArrayList<>(Arrays.asList(q1, q2, q3, q4, q5));
        // the candidates list offers "recordId:name"
        if (pick != null && pick.matches("\\d{1,18}:.+")) {
            int colon = pick.indexOf(':');
            recordId = Long.valueOf(pick.substring(0, colon));
            personName = pick.substring(colon + 1);
        }
        Long record = recordId;
        String person = personName;
        return attempt(
                flash,
                "/evaluations/" + id + "/satisfaction" + (stationId == null ? "" : "?stationId=" + stationId),
                "已登记满意度测评",
                () -> {
                    satisfaction.record(
                            id,
                            new SatisfactionService.SatisfactionInterviewForm(
                                    stationId, method, person, record, answers, freeText, null));
                    return null;
                });
    }

    // ---- spot checks --------------------------------------------------------------------------------

    @PostMapping("/spot-checks")
    String draw(
            @RequestParam Long projectId,
            @RequestParam(required = false) Long roundId,
            @RequestParam(required = false) Integer sampleSize,
            @RequestParam(required = false) Sampler.Strata strata,
            @RequestParam(required = false) Long seed,
            RedirectAttributes flash) {
        String back = roundId == null ? "/evaluations" : "/evaluations/" + roundId;
        return attempt(
                flash,
                back,
                "已抽取样本",
                () -> "/spot-checks/"
                        + checks.draw(new SpotCheckService.SpotCheckDrawForm(
                                        projectId, roundId, null, sampleSize, strata, null, null, seed))
                                .id());
    }

    @GetMapping("/spot-checks/{id}")
    String check(@PathVariable long id, Model model) {
        model.addAttribute("check", checks.callList(id));
        model.addAttribute("methods", SpotCheckService.Method.values());
        model.addAttribute("outcomes", SpotCheckService.Outcome.values());
        model.addAttribute("stationSide", access.isStationSide());
        model.addAttribute("deadline", ChinaTime.today().plusDays(30));
        return "evaluation/spot-check";
    }

    @PostMapping("/spot-checks/{id}/items/{itemId}")
    String checkItem(
            @PathVariable long id,
            @PathVariable long itemId,
            @RequestParam(required = false) SpotCheckService.Method method,
            @RequestParam(required = false) SpotCheckService.Outcome outcome,
            @RequestParam(required = false) String note,
            @RequestParam Long version,
            RedirectAttributes flash) {
        return attempt(flash, "/spot-checks/" + id + "#item-" + itemId, "已登记核实结果", () -> {
            checks.check(itemId, new SpotCheckService.SpotCheckResultInput(method, outcome, note, version));
            return null;
        });
    }

    @PostMapping("/spot-checks/{id}/items/{itemId}/answer")
    String answer(
            @PathVariable long id,
            @PathVariable long itemId,
            @RequestParam(required = false) String answer,
            @RequestParam Long version,
            RedirectAttributes flash) {
        return attempt(flash, "/spot-checks/" + id + "#item-" + itemId, "已答复", () -> {
            checks.answer(itemId, answer, version);
            return null;
        });
    }

    // ---- rectification -----------------------------------------------------------------------------

    @PostMapping("/rectifications")
    String raise(
            @RequestParam(required = false) Long roundId,
            @RequestParam(required = false) Long stationId,
            @RequestParam(required = false) String itemCode,
            @RequestParam(required = false) Long spotCheckItemId,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String requirement,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
            @RequestParam(required = false) String back,
            RedirectAttributes flash) {
        String to = back != null && back.startsWith("/") && !back.startsWith("//") ? back : "/evaluations";
        return attempt(
                flash,
                to,
                "已提出整改事项",
                () -> "/rectifications/"
                        + rectifications
                                .raise(new RectificationService.RectificationForm(
                                        roundId, stationId, itemCode, spotCheckItemId, title, requirement, deadline))
                                .id());
    }

    @GetMapping("/rectifications")
    String rectificationList(Model model) {
        model.addAttribute("items", rectifications.list(null, null, false));
        return "evaluation/rectifications";
    }

    @GetMapping("/rectifications/{id}")
    String rectification(@PathVariable long id, Model model) {
        model.addAttribute("r", rectifications.get(id));
        model.addAttribute("photos", rectifications.photos(id));
        model.addAttribute("maxPhotos", RectificationService.MAX_PHOTOS);
        return "evaluation/rectification";
    }

    @PostMapping("/rectifications/{id}/response")
    String respond(
            @PathVariable long id,
            @RequestParam(required = false) String response,
            @RequestParam Long version,
            @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
            RedirectAttributes flash) {
        return attempt(flash, "/rectifications/" + id, "已提交整改情况", () -> {
            List<RectificationService.PhotoFile> files = new ArrayList<>();
            try {
                for (MultipartFile f : photos == null ? List.<MultipartFile>of() : photos) {
                    if (!f.isEmpty()) {
                        files.add(new RectificationService.PhotoFile(
                                null, f.getOriginalFilename(), f.getSize(), f.getInputStream()));
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            rectifications.respond(id, response, version, files);
            return null;
        });
    }

    @PostMapping("/rectifications/{id}/photos/{photoId}/remove")
    String removeRectificationPhoto(@PathVariable long id, @PathVariable long photoId, RedirectAttributes flash) {
        return attempt(flash, "/rectifications/" + id, "已删除照片", () -> {
            rectifications.removePhoto(id, photoId);
            return null;
        });
    }

    @GetMapping("/rectifications/{id}/photos/{photoId}/{variant:original|stamped|thumb}")
    ResponseEntity<byte[]> rectificationPhoto(
            @PathVariable long id, @PathVariable long photoId, @PathVariable String variant) {
        return EvaluationApiController.photoResponse(rectifications.photoFile(id, photoId, variant));
    }

    @PostMapping("/rectifications/{id}/review")
    String review(
            @PathVariable long id,
            @RequestParam boolean close,
            @RequestParam(required = false) String note,
            @RequestParam Long version,
            RedirectAttributes flash) {
        return attempt(flash, "/rectifications/" + id, close ? "已确认整改完成" : "已退回重新整改", () -> {
            rectifications.review(id, close, note, version);
            return null;
        });
    }

    // ---- rubrics ------------------------------------------------------------------------------------

    @GetMapping("/rubrics")
    String rubricList(Model model) {
        model.addAttribute("rubrics", rubrics.list());
        model.addAttribute("manager", access.isManager());
        return "evaluation/rubrics";
    }

    @GetMapping("/rubrics/{id}")
    String rubric(@PathVariable long id, Model model) {
        model.addAttribute("rubric", rubrics.detail(id));
        model.addAttribute("manager", access.isManager());
        return "evaluation/rubric";
    }

    @PostMapping("/rubrics")
    String importRubric(
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String yaml,
            RedirectAttributes flash)
            throws java.io.IOException {
        byte[] bytes = file != null && !file.isEmpty() ? file.getBytes() : null;
        return attempt(
                flash,
                "/rubrics",
                "已导入评分细则",
                () -> "/rubrics/"
                        + (bytes != null ? rubrics.importFile(bytes) : rubrics.importYaml(yaml))
                                .summary()
                                .id());
    }

    @GetMapping("/rubrics/{id}/export.xlsx")
    ResponseEntity<byte[]> exportXlsx(@PathVariable long id) {
        RubricService.RubricDetail d = rubrics.detail(id);
        byte[] bytes = rubrics.exportXlsx(id);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(
                                        d.summary().code() + "-v" + d.summary().versionNo() + ".xlsx",
                                        StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(RubricApiController.XLSX)
                .body(bytes);
    }

    @GetMapping("/rubrics/{id}/export.yaml")
    ResponseEntity<byte[]> export(@PathVariable long id) {
        RubricService.RubricDetail d = rubrics.detail(id);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(
                                        d.summary().code() + "-v" + d.summary().versionNo() + ".yaml",
                                        StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(org.springframework.http.MediaType.parseMediaType("application/yaml;charset=UTF-8"))
                .body(rubrics.export(id).getBytes(StandardCharsets.UTF_8));
    }
}
