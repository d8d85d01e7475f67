package cn.sgz.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.catalog.CatalogContent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.BusinessException.FieldProblem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule kind × every parameter (issue #12: never accept and ignore a parameter). The expected table is
 * written out here by hand from what progress.internal.IndicatorEvaluator reads for each kind — not derived from
 * the validator's own table — so a parameter the validator lets through that the engine does not apply fails here.
 * A refused parameter is reported once, in Chinese, on the line (YAML) or the cell (Excel) of its value.
 */
class CatalogParamApplicabilityTest {

    /** A valid indicator of each kind: the parameters it needs, nothing more. */
    static final Map<String, Map<String, String>> BASE = new LinkedHashMap<>();

    static {
        BASE.put("ACTIVITY_COUNT", Map.of("recordKinds", "[TRAINING]"));
        BASE.put("PER_RECIPIENT_FREQUENCY", Map.of("recordKinds", "[FOLLOW_UP_VISIT]", "domain", "CHILD"));
        BASE.put("COVERAGE", Map.of("recordKinds", "[HOME_ASSESSMENT]", "domain", "CHILD"));
        BASE.put("CASE_QUOTA", Map.of("sessionsEach", "5"));
        BASE.put("GROUP_QUOTA", Map.of("sessionsEach", "5"));
        BASE.put("AMOUNT", Map.of("entityType", "CO_RAISED_FUND", "aggregate", "SUM"));
        BASE.put("ENTITY_COUNT", Map.of("entityType", "COMMUNITY_ORG"));
        BASE.put("STAFFING", Map.of("certifiedMin", "1"));
        BASE.put("DOCUMENT", Map.of("documents", "[人员管理制度]"));
        BASE.put("EXEMPLARY", Map.of());
        BASE.put("CHECKLIST", Map.of());
    }

    /** The value each parameter is added with, in YAML and in its Excel cell. */
    static final List<String[]> PARAMS = List.of(
            new String[] {"recordKinds", "[TRAINING]", "TRAINING", "记录类型"},
            new String[] {"domain", "CHILD", "CHILD", "服务领域"},
            new String[] {"subtype", "留守儿童", "留守儿童", "子类"},
            new String[] {"entityType", "FOLLOW_UP_ROSTER", "FOLLOW_UP_ROSTER", "统计对象"},
            new String[] {"sessionsEach", "3", "3", "每个节数"},
            new String[] {"attendeesPerSession", "6", "6", "每节人数"},
            new String[] {"certifiedMin", "1", "1", "持证人数"},
            new String[] {"aggregate", "SUM", "SUM", "汇总方式"},
            new String[] {"condition", "全国志愿服务信息系统注册", "全国志愿服务信息系统注册", "条件"},
            new String[] {"documents", "[财务管理制度]", "财务管理制度", "所需文书"},
            new String[] {"countMode", "STARTED", "STARTED", "计数方式"},
            new String[] {"eventsMin", "2", "2", "最少次数"},
            new String[] {"platform", "全国志愿服务信息系统", "全国志愿服务信息系统", "须录入平台"});

    /**
     * A: applied by the engine (accepted); R: not applied (refused); -: adding it changes the indicator's shape
     * (COVERAGE with an entityType is a share of entities), covered by {@link #SHAPES}. Columns in the order of
     * {@link #PARAMS}: recordKinds domain subtype entityType sessionsEach attendeesPerSession certifiedMin aggregate
     * condition documents countMode eventsMin platform.
     */
    static final Map<String, String> APPLIES = Map.ofEntries(
            Map.entry("ACTIVITY_COUNT", "AAARRRRRRRRRA"),
            Map.entry("PER_RECIPIENT_FREQUENCY", "AAAARRRRRRRRR"),
            Map.entry("COVERAGE", "AAA-RRRRRRRRR"),
            Map.entry("CASE_QUOTA", "RARRARRRRRRRR"),
            Map.entry("GROUP_QUOTA", "RARRAARRRRRRR"),
            Map.entry("AMOUNT", "RRRARRRARRRRR"), // eventsMin only with EVENTS_AT_LEAST, not with SUM
            Map.entry("ENTITY_COUNT", "RRRARRRRRRARR"),
            Map.entry("STAFFING", "RRRRRRARRRRRR"),
            Map.entry("DOCUMENT", "RARRRRRRRARRR"),
            Map.entry("EXEMPLARY", "RARRRRRRRRRRR"),
            Map.entry("CHECKLIST", "RRRRRRRRRRRRR"));

    /** Shapes where which parameters apply hangs on another one: kind, base, added parameter, value, applied. */
    static final List<Object[]> SHAPES = List.of(
            // the follow-up roster (跟踪回访台账) of a domain and subtype: both applied, a count mode is not
            new Object[] {"ENTITY_COUNT", Map.of("entityType", "FOLLOW_UP_ROSTER"), "domain", "CHILD", true},
            new Object[] {
                "ENTITY_COUNT", Map.of("entityType", "FOLLOW_UP_ROSTER", "domain", "CHILD"), "subtype", "留守儿童", true
            },
            new Object[] {"ENTITY_COUNT", Map.of("entityType", "FOLLOW_UP_ROSTER"), "countMode", "STARTED", false},
            // a subtype narrows a domain's ledger: with the roster of every domain there is nothing to narrow
            new Object[] {"ENTITY_COUNT", Map.of("entityType", "FOLLOW_UP_ROSTER"), "subtype", "留守儿童", false},
            new Object[] {
                "PER_RECIPIENT_FREQUENCY",
                Map.of("recordKinds", "[FOLLOW_UP_VISIT]", "entityType", "FOLLOW_UP_ROSTER"),
                "subtype",
                "留守儿童",
                false
            },
            // a share of entities meeting a condition (志愿者注册率): the ledger parameters do not apply
            new Object[] {
                "COVERAGE", Map.of("entityType", "VOLUNTEER", "condition", "注册"), "recordKinds", "[TRAINING]", false
            },
            new Object[] {"COVERAGE", Map.of("entityType", "VOLUNTEER", "condition", "注册"), "domain", "CHILD", false},
            new Object[] {"COVERAGE", Map.of("entityType", "VOLUNTEER", "condition", "注册"), "subtype", "志愿者", false},
            // per-person frequency reads a ledger or the follow-up roster, never another entity
            new Object[] {
                "PER_RECIPIENT_FREQUENCY",
                Map.of("recordKinds", "[FOLLOW_UP_VISIT]", "domain", "CHILD"),
                "entityType",
                "COMMUNITY_ORG",
                false
            },
            // an amount of events that must each reach the target N times
            new Object[] {
                "AMOUNT", Map.of("entityType", "RELIEF_EVENT", "aggregate", "EVENTS_AT_LEAST"), "eventsMin", "2", true
            },
            // a platform count is not also filtered by audience (not applied together: refused)
            new Object[] {
                "ACTIVITY_COUNT",
                Map.of("recordKinds", "[VOLUNTEER_ACTIVITY]", "platform", "全国志愿服务信息系统"),
                "subtype",
                "社区社会组织骨干",
                false
            });

    static String yaml(String kind, Map<String, String> params) {
        StringBuilder p = new StringBuilder();
        params.forEach((k, v) ->
                p.append("          ").append(k).append(": ").append(v).append('\n'));
        return """
                code: applies-2026
                name: 参数适用
                tiers:
                  - code: STANDARD
                    label: 指标值
                tasks:
                  - code: T1
                    name: 任务
                    items:
                      - code: I1
                        name: 分项
                        category: MANDATORY
                        content: 内容
                        indicators:
                          - code: I1.1
                            name: 指标
                            kind: %s
                            period: PROJECT
                %s            standard: 原文
                """.formatted(
                        kind,
                        (kind.equals("CHECKLIST") ? "" : "            targets: {STANDARD: 2}\n")
                                + (params.isEmpty()
                                        ? ""
                                        : "            params:\n" + p.toString().indent(4)));
    }

    static Stream<Arguments> table() {
        List<Arguments> rows = new ArrayList<>();
        BASE.forEach((kind, base) -> {
            String applies = APPLIES.get(kind);
            for (int i = 0; i < PARAMS.size(); i++) {
                char a = applies.charAt(i);
                if (a == '-') {
                    continue;
                }
                String[] param = PARAMS.get(i);
                rows.add(Arguments.of(kind, base, param[0], param[1], a == 'A'));
            }
        });
        for (Object[] s : SHAPES) {
            rows.add(Arguments.of(s));
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} + {2}: {4}")
    @MethodSource("table")
    void yamlAcceptsWhatTheEngineAppliesAndRefusesTheRestOnTheValuesLine(
            String kind, Map<String, String> base, String param, String value, boolean applied) {
        Map<String, String> params = new LinkedHashMap<>(base);
        params.put(param, value);
        String yaml = yaml(kind, params);
        if (applied) {
            assertThat(CatalogYaml.parse(yaml).indicator("I1.1")).isPresent();
            return;
        }
        List<FieldProblem> problems = CatalogYamlTest.problems(yaml);
        int line = CatalogYamlTest.lineOf(yaml, "  " + param + ": ");
        assertThat(problems)
                .as(kind + " + " + param)
                .singleElement()
                .satisfies(fp -> assertThat(fp.message())
                        .startsWith("第" + line + "行：")
                        .contains(param)
                        .contains("删除")
                        .doesNotContainPattern("[A-Za-z]+(Exception|Error)"));
    }

    @ParameterizedTest(name = "{0} + {2}: {4}")
    @MethodSource("table")
    void excelAcceptsWhatTheEngineAppliesAndRefusesTheRestInTheValuesCell(
            String kind, Map<String, String> base, String param, String value, boolean applied) {
        CatalogContent valid = CatalogYaml.parse(yaml(kind, base));
        String header =
                PARAMS.stream().filter(p -> p[0].equals(param)).findFirst().orElseThrow()[3];
        String cell = value.startsWith("[") ? value.substring(1, value.length() - 1) : value;
        int[] col = {-1};
        byte[] edited;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(CatalogExcel.export(valid)));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = book.getSheet("服务清单");
            Row head = s.getRow(0);
            for (int c = 0; c < head.getLastCellNum(); c++) {
                if (header.equals(head.getCell(c).getStringCellValue())) {
                    col[0] = c;
                }
            }
            assertThat(col[0]).as("column " + header).isNotNegative();
            s.getRow(1).createCell(col[0]).setCellValue(cell);
            book.write(out);
            edited = out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (applied) {
            assertThat(CatalogExcel.parse(edited).indicator("I1.1")).isPresent();
            return;
        }
        try {
            CatalogExcel.parse(edited);
            throw new AssertionError("expected " + kind + " + " + param + " to be refused");
        } catch (BusinessException e) {
            assertThat(e.problems())
                    .as(kind + " + " + param)
                    .singleElement()
                    .satisfies(fp -> assertThat(fp.message())
                            .startsWith("工作表“服务清单”第2行 " + CellReference.convertNumToColString(col[0]) + "列：")
                            .contains(param)
                            .contains("删除"));
        }
    }
}
