package cn.sgz.shared;

import java.util.List;

/**
 * A rule of the domain was broken by the input. Carries the offending fields so forms and the API
 * can point at them; the message is Chinese and meant for the person who typed the input.
 */
public class BusinessException extends RuntimeException {

    private final String code;
    private final List<FieldProblem> problems;

    public BusinessException(String code, String message, List<FieldProblem> problems) {
        super(message);
        this.code = code;
        this.problems = List.copyOf(problems);
    }

    public BusinessException(String code, String message) {
        this(code, message, List.of());
    }

    public static BusinessException field(String field, String message) {
        return new BusinessException("INVALID_INPUT", message, List.of(new FieldProblem(field, message)));
    }

    public String code() {
        return code;
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** One field (or row/column) and what is wrong with it. */
    public record FieldProblem(String field, String message) {}
}
