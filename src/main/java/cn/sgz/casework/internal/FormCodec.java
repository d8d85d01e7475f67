package cn.sgz.casework.internal;

import cn.sgz.shared.BusinessException;
import cn.sgz.shared.BusinessException.FieldProblem;
import cn.sgz.shared.ChinaTime;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks what was typed into a form against its field list (every problem at once, in Chinese, naming
 * the form and the field) and turns the fields into the JSON text kept in the database and back.
 */
@Component
public class FormCodec {

    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {};

    private final JsonMapper json;

    FormCodec(JsonMapper json) {
        this.json = json;
    }

    /** The one date field that names a day to come (单元计划书 计划日期). */
    static final String PLANNED = "plannedDate";

    /** The fields of the form in its order, trimmed; unknown keys are dropped. Throws on any problem. */
    public LinkedHashMap<String, String> validate(FormType type, Map<String, String> input) {
        Map<String, String> in = input == null ? Map.of() : input;
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (FieldSpec f : type.fields()) {
            String v = in.get(f.key()) == null ? "" : in.get(f.key()).strip();
            String where = type.documentName() + "：“" + f.label() + "”";
            if (v.isEmpty()) {
                if (f.required()) {
                    problems.add(
                            new FieldProblem(f.key(), where + (f.kind() == FieldSpec.Kind.SELECT ? "请选择" : "请填写")));
                }
                continue;
            }
            if (v.length() > f.max()) {
                problems.add(new FieldProblem(f.key(), where + "不能超过" + f.max() + "个字"));
                continue;
            }
            switch (f.kind()) {
                case DATE -> {
                    try {
                        LocalDate d = LocalDate.parse(v);
                        // a unit plan's 计划日期 is when the session will be held: the future is its point
                        if (PLANNED.equals(f.key())) {
                            if (d.isAfter(ChinaTime.today().plusYears(1))) {
                                problems.add(new FieldProblem(f.key(), where + "不能晚于一年以后"));
                            }
                        } else if (d.isAfter(ChinaTime.today())) {
                            problems.add(new FieldProblem(f.key(), where + "不能晚于今天"));
                        }
                    } catch (DateTimeParseException e) {
                        problems.add(new FieldProblem(f.key(), where + "应为日期，如 2024-05-01"));
                    }
                }
                case NUMBER -> {
                    if (!v.matches("\\d{1,2}") || Integer.parseInt(v) < 1 || Integer.parseInt(v) > 50) {
                        problems.add(new FieldProblem(f.key(), where + "应为 1～50 的整数"));
                    }
                }
                case SELECT -> {
                    if (!f.options().contains(v)) {
                        problems.add(new FieldProblem(f.key(), where + "请从选项中选择：" + String.join("、", f.options())));
                    }
                }
                default -> {}
            }
            out.put(f.key(), v);
        }
        if (!problems.isEmpty()) {
            throw new BusinessException("INVALID_INPUT", problems.get(0).message(), problems);
        }
        return out;
    }

    public String write(Map<String, String> values) {
        return json.writeValueAsString(values);
    }

    public LinkedHashMap<String, String> read(String text) {
        return text == null || text.isBlank() ? new LinkedHashMap<>() : json.readValue(text, MAP);
    }
}
