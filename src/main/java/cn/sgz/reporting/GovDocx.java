package cn.sgz.reporting;

import java.util.List;

/**
 * The Word writer moved to the open shared kernel as {@link cn.sgz.shared.docx.GovDocx} so that every module (case
 * files, certificates, forms, evaluation reports) writes Word the same way. This subclass keeps the old name
 * working for existing callers; new code uses the shared class.
 *
 * @deprecated use {@link cn.sgz.shared.docx.GovDocx}
 */
@Deprecated
public final class GovDocx extends cn.sgz.shared.docx.GovDocx {

    public GovDocx(boolean landscape) {
        super(landscape);
    }

    @Override
    public GovDocx title(String text) {
        super.title(text);
        return this;
    }

    @Override
    public GovDocx centered(String text) {
        super.centered(text);
        return this;
    }

    @Override
    public GovDocx heading(String text) {
        super.heading(text);
        return this;
    }

    @Override
    public GovDocx paragraph(String text) {
        super.paragraph(text);
        return this;
    }

    @Override
    public GovDocx note(String text) {
        super.note(text);
        return this;
    }

    @Override
    public GovDocx table(List<String> headers, List<List<String>> rows, int... weights) {
        super.table(headers, rows, weights);
        return this;
    }

    @Override
    public GovDocx signatures(List<String> labels) {
        super.signatures(labels);
        return this;
    }

    @Override
    public GovDocx right(String text) {
        super.right(text);
        return this;
    }
}
