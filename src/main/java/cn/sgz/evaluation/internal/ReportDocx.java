package cn.sgz.evaluation.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The evaluation report that goes into the acceptance file: A4, 宋体, a score table per station (with an
 * explicit w:tblGrid so Word and WPS lay the columns out alike), spot-check findings, the 整改 list, the
 * decision and signature lines, dates written the Chinese way (2026年12月7日).
 */
final class ReportDocx {

    /** The shared Word writer (A4, 宋体, bordered tables with w:tblGrid, page numbers). */
    private final cn.sgz.shared.docx.GovDocx doc = new cn.sgz.shared.docx.GovDocx(false);

    static String chineseDate(LocalDate d) {
        return d == null ? "____年__月__日" : d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    static byte[] build(
            RoundService.ReportData data,
            List<SpotCheckService.SpotCheckView> checks,
            List<RectificationService.RectificationView> rectifications,
            LocalDate printedOn) {
        ReportDocx r = new ReportDocx();
        RoundService.EvalRoundView round = data.round();
        r.title(round.projectName());
        r.title(round.kindLabel() + "报告");
        r.para("评估名称：" + round.name(), false);
        r.para("评分细则：" + round.rubricName(), false);
        r.para("评估时间：" + chineseDate(round.startsOn()) + " 至 " + chineseDate(round.endsOn()), false);
        r.para(
                "评估小组："
                        + String.join(
                                "、",
                                round.team().stream()
                                        .map(m -> m.displayName() + "（" + m.role() + "）")
                                        .toList()),
                false);
        r.para("成绩状态：" + (data.summary().frozen() ? "已冻结（" + round.statusLabel() + "）" : "评估进行中，以下为当前成绩"), false);

        r.heading("一、评分汇总");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"社工站", "得分", "满分", "等级"});
        for (RoundService.EvalStationTotal s : data.summary().stations()) {
            rows.add(new String[] {
                s.stationName(), s.total().toPlainString(), s.max().toPlainString(), s.grade()
            });
        }
        rows.add(new String[] {
            "项目平均",
            data.summary().projectAverage().toPlainString(),
            data.summary().stations().isEmpty()
                    ? "—"
                    : data.summary().stations().get(0).max().toPlainString(),
            data.summary().projectGrade()
        });
        r.table(rows, new int[] {40, 20, 20, 20});

        r.heading("二、各社工站评分明细");
        for (RoundService.EvalScoreSheet sheet : data.sheets()) {
            r.para(
                    sheet.stationName() + "（得分 " + sheet.total().toPlainString() + " / "
                            + sheet.max().toPlainString() + "，" + sheet.grade() + "）",
                    true);
            List<String[]> detail = new ArrayList<>();
            detail.add(new String[] {"评分部分", "评分项", "满分", "得分", "依据与说明"});
            for (RoundService.EvalSectionRow sec : sheet.sections()) {
                for (RoundService.EvalItemRow item : sec.items()) {
                    String why = item.automatic()
                            ? nz(item.figure()) + "；" + nz(item.note())
                            : (item.level() == null ? "" : item.level() + "；") + nz(item.comment());
                    detail.add(new String[] {
                        sec.name(),
                        item.code() + " " + item.name(),
                        item.max().toPlainString(),
                        item.points() == null ? "未评分" : item.points().toPlainString(),
                        why
                    });
                }
            }
            r.table(detail, new int[] {14, 26, 10, 10, 40});
            if (!sheet.checklist().isEmpty()) {
                List<String[]> checks2 = new ArrayList<>();
                checks2.add(new String[] {"评判类标准", "结论", "判断依据"});
                for (RoundService.EvalJudgementRow j : sheet.checklist()) {
                    checks2.add(new String[] {
                        j.code() + " " + j.name(), j.met() == null ? "未判断" : j.met() ? "达标" : "未达标", nz(j.comment())
                    });
                }
                r.table(checks2, new int[] {45, 15, 40});
            }
        }

        r.heading("三、抽查核实情况");
        if (checks.isEmpty()) {
            r.para("本次评估未进行抽查。", false);
        }
        for (SpotCheckService.SpotCheckView c : checks) {
            r.para(
                    c.name() + "：随机种子 " + c.seed() + "，" + c.strataLabel() + "，从 " + c.frameSize() + " 条计入记录中抽取 "
                            + c.items().size() + " 条。",
                    false);
            List<String[]> s = new ArrayList<>();
            s.add(new String[] {"社工站", "抽取", "已核实", "属实", "无法联系", "未能核实", "未通过率"});
            for (SpotCheckService.SpotCheckStationSummary st : c.stations()) {
                s.add(new String[] {
                    st.stationName(),
                    "" + st.sampled(),
                    "" + st.checked(),
                    "" + st.verified(),
                    "" + st.unreachable(),
                    "" + st.failed(),
                    st.failureRate().toPlainString() + "%"
                });
            }
            r.table(s, new int[] {28, 12, 12, 12, 12, 12, 12});
            for (SpotCheckService.SpotCheckItemView it : c.items()) {
                if ("NOT_VERIFIED".equals(it.outcome())) {
                    r.para(
                            "未能核实：" + it.stationName() + " " + it.serviceDate() + " " + it.title() + "（"
                                    + it.methodLabel() + "）—— " + nz(it.note())
                                    + (it.answer() == null ? "" : "；社工站答复：" + it.answer()),
                            false);
                }
            }
        }

        r.heading("四、整改事项");
        if (rectifications.isEmpty()) {
            r.para("无。", false);
        } else {
            List<String[]> t = new ArrayList<>();
            t.add(new String[] {"社工站", "整改事项", "整改要求", "期限", "状态"});
            for (RectificationService.RectificationView v : rectifications) {
                t.add(new String[] {
                    v.stationName(), v.title(), v.requirement(), chineseDate(v.deadline()), v.statusLabel()
                });
            }
            r.table(t, new int[] {16, 22, 36, 14, 12});
        }

        r.heading("五、验收结论");
        r.para(
                round.decisionLabel() == null
                        ? "（尚未作出验收结论）"
                        : "验收结论：" + round.decisionLabel()
                                + (round.decisionNote() == null ? "" : "。" + round.decisionNote()),
                true);

        r.heading("六、签字");
        r.para("评估小组成员（签字）：________________________", false);
        r.para("评估小组组长（签字）：________________    日期：____年__月__日", false);
        r.para("承接机构负责人（签字）：______________    日期：____年__月__日", false);
        r.para("区（县）民政局（盖章）            负责人（签字）：______________", false);
        r.para(
                "日期："
                        + (round.decidedAt() == null
                                ? "____年__月__日"
                                : chineseDate(round.decidedAt()
                                        .atZoneSameInstant(cn.sgz.shared.ChinaTime.ZONE)
                                        .toLocalDate())),
                false);
        r.para("本报告由社工站服务管理平台于 " + chineseDate(printedOn) + " 生成。", false);
        return r.bytes();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private void title(String text) {
        doc.title(text);
    }

    private void heading(String text) {
        doc.heading(text);
    }

    private void para(String text, boolean bold) {
        if (bold) {
            doc.subheading(text);
        } else {
            doc.note(text);
        }
    }

    /** A table with a header row; widths in percent of the text width (the shared writer declares w:tblGrid). */
    private void table(List<String[]> rows, int[] percents) {
        List<String> header = java.util.Arrays.asList(rows.get(0));
        List<List<String>> body = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            body.add(java.util.Arrays.asList(rows.get(i)));
        }
        doc.table(header, body, percents);
    }

    private byte[] bytes() {
        return doc.toBytes();
    }
}
