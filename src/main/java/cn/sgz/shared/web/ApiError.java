package cn.sgz.shared.web;

import cn.sgz.shared.BusinessException.FieldProblem;
import java.util.List;

/** The one error shape of the REST API: a code for programs, a Chinese message for people. */
public record ApiError(String code, String message, List<FieldProblem> details, String traceId) {}
