package cn.sgz.recipient;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A ledger person as the people picker shows them: name, village (社工室) and masked ID and phone tails, never a
 * full number. {@code why} says why the person is offered first (同户 for a household member of someone already
 * picked, 最近服务 for someone this user served lately), else null.
 */
@Schema(name = "PersonPick", description = "选人控件中的一位台账人员（身份证号、电话已脱敏）")
public record PersonPick(
        long id,
        String name,
        @Schema(description = "村（社区）· 身份证后四位 · 电话（脱敏）") String hint,
        long stationId,
        @Schema(description = "优先列出的原因：同户、最近服务；无则为空") String why) {}
