package cn.sgz.charity.internal;

import cn.sgz.evidence.PhotoView;
import cn.sgz.evidence.UploadResponses;
import cn.sgz.evidence.UploadResult;
import cn.sgz.shared.BusinessException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** REST API of charity funds and the co-raised ledger. */
@RestController
@RequestMapping("/api/v1/charity")
@Tag(name = "慈善基金与共募资金", description = "社区慈善救助基金 / 社区服务专项基金、合作慈善组织、共募资金（冲正更正）、协议与票据照片")
class CharityFundApiController {

    private final CharityFundService funds;

    CharityFundApiController(CharityFundService funds) {
        this.funds = funds;
    }

    @GetMapping("/funds")
    @Operation(summary = "慈善基金列表（含共募合计、救助支出、余额）")
    List<FundView> list(@RequestParam(required = false) Long stationId) {
        return funds.list(stationId);
    }

    @GetMapping("/funds/{id}")
    @Operation(summary = "一个慈善基金")
    FundView get(@PathVariable long id) {
        return funds.get(id);
    }

    @PostMapping("/funds")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "设立慈善基金（名称、类型、合作慈善组织、设立日期）")
    FundView create(@RequestBody FundForm body) {
        return funds.create(body);
    }

    record FundUpdate(FundForm fund, Long version) {}

    @PutMapping("/funds/{id}")
    @Operation(summary = "修改基金信息（乐观锁：须带读取时的 version，过期返回 409）")
    FundView update(@PathVariable long id, @RequestBody FundUpdate body) {
        if (body.fund() == null) {
            throw BusinessException.field("fund", "缺少基金内容");
        }
        return funds.update(id, body.fund(), body.version());
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "CharityFundReasonBody")
    record ReasonBody(String reason) {}

    @PostMapping("/funds/{id}/close")
    @Operation(summary = "终止基金（保留全部收支记录）")
    FundView close(@PathVariable long id, @RequestBody ReasonBody body) {
        return funds.close(id, body.reason());
    }

    @GetMapping("/funds/{id}/photos")
    @Operation(summary = "基金协议照片")
    List<PhotoView> photos(@PathVariable long id) {
        return funds.photos(id);
    }

    @PostMapping(path = "/funds/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "上传基金协议 / 共募共用共享机制佐证照片")
    ResponseEntity<UploadResult> addPhoto(
            @PathVariable long id,
            @RequestPart("file") MultipartFile file,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return UploadResponses.multipart(file, (name, size, in) -> funds.addPhoto(id, key, name, size, in));
    }

    @GetMapping("/co-raised")
    @Operation(summary = "共募资金台账（含冲正记录，按到账日期倒序）")
    List<CoRaisedView> entries(
            @RequestParam(required = false) Long stationId,
            @RequestParam(required = false) Long fundId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return funds.entries(stationId, fundId, from, to);
    }

    @GetMapping("/co-raised/{id}")
    CoRaisedView entry(@PathVariable long id) {
        return funds.entry(id);
    }

    @PostMapping("/co-raised")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记一笔共募资金（金额大于0，最多两位小数）")
    CoRaisedView record(@RequestBody CoRaisedForm body) {
        return funds.recordEntry(body);
    }

    @PostMapping("/co-raised/{id}/reverse")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "冲正一笔共募资金：新增一条负数冲正记录并写明原因，原记录保留")
    CoRaisedView reverse(@PathVariable long id, @RequestBody ReasonBody body) {
        return funds.reverse(id, body.reason());
    }

    @GetMapping("/co-raised/{id}/photos")
    @Operation(summary = "共募资金的票据 / 凭证照片")
    List<PhotoView> entryPhotos(@PathVariable long id) {
        return funds.entryPhotos(id);
    }

    @PostMapping(path = "/co-raised/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "上传共募资金的票据 / 凭证照片")
    ResponseEntity<UploadResult> addEntryPhoto(
            @PathVariable long id,
            @RequestPart("file") MultipartFile file,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return UploadResponses.multipart(file, (name, size, in) -> funds.addEntryPhoto(id, key, name, size, in));
    }
}
