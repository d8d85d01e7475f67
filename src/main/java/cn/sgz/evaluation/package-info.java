/**
 * 评估、抽查与验收: scoring rubrics (评分细则) defined by the bureau, evaluation rounds (中期评估 / 末期评估·验收)
 * with their team and a score sheet per station whose automatic items come from the indicator engine,
 * judgements of the catalog's CHECKLIST standards, reproducible stratified spot checks (抽查) whose failed
 * checks keep a record from counting (reason SPOT_CHECK_FAILED), satisfaction interviews, rectification
 * (整改) items, and the acceptance decision with its Word report. Other modules may feed satisfaction
 * results through {@link cn.sgz.evaluation.SatisfactionSource}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"activity", "catalog", "evidence", "finance", "org", "progress", "shared"},
        displayName = "评估、抽查与验收")
package cn.sgz.evaluation;
