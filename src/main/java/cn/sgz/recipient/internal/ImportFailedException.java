package cn.sgz.recipient.internal;

import cn.sgz.shared.BusinessException;

/** Confirming found problems after all: the transaction is rolled back and the report shown again. */
class ImportFailedException extends BusinessException {

    private final transient ImportReport report;

    ImportFailedException(ImportReport report) {
        super(
                "IMPORT_FAILED",
                "名单有" + report.problemCount() + "处问题，未导入任何数据，请修正后重新上传",
                report.problems().stream()
                        .limit(200)
                        .map(p -> new FieldProblem(p.row() + "行" + p.column() + "列", p.message()))
                        .toList());
        this.report = report;
    }

    ImportReport report() {
        return report;
    }
}
