package cn.sgz.shared.web;

import cn.sgz.shared.BusinessException;
import cn.sgz.shared.BusinessException.FieldProblem;
import cn.sgz.shared.ConflictException;
import cn.sgz.shared.ForbiddenException;
import cn.sgz.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every exception under /api into {code, message, details, traceId}; never a stack trace. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(0)
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final DenialAudit denials;

    ApiExceptionHandler(DenialAudit denials) {
        this.denials = denials;
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ApiError> notFound(NotFoundException e, HttpServletRequest request) {
        denials.denied(request, 404);
        return error(HttpStatus.NOT_FOUND, "NOT_FOUND", e.getMessage(), List.of(), request);
    }

    @ExceptionHandler({ForbiddenException.class, AccessDeniedException.class})
    ResponseEntity<ApiError> forbidden(RuntimeException e, HttpServletRequest request) {
        String message = e instanceof ForbiddenException ? e.getMessage() : "无权执行此操作";
        denials.denied(request, 403);
        return error(HttpStatus.FORBIDDEN, "FORBIDDEN", message, List.of(), request);
    }

    @ExceptionHandler(BusinessException.class)
    ResponseEntity<ApiError> business(BusinessException e, HttpServletRequest request) {
        return error(HttpStatus.BAD_REQUEST, e.code(), e.getMessage(), e.problems(), request);
    }

    @ExceptionHandler(cn.sgz.shared.KeyReusedException.class)
    ResponseEntity<ApiError> keyReused(cn.sgz.shared.KeyReusedException e, HttpServletRequest request) {
        return error(HttpStatus.UNPROCESSABLE_CONTENT, e.code(), e.getMessage(), e.problems(), request);
    }

    @ExceptionHandler({ConflictException.class, ObjectOptimisticLockingFailureException.class})
    ResponseEntity<ApiError> conflict(RuntimeException e, HttpServletRequest request) {
        String message = e instanceof ConflictException ? e.getMessage() : "记录已被他人修改，请刷新后重试";
        return error(HttpStatus.CONFLICT, "CONFLICT", message, List.of(), request);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), f.getDefaultMessage()))
                .toList();
        return error(HttpStatus.BAD_REQUEST, "INVALID_INPUT", "提交的内容有误，请检查标出的字段", problems, request);
    }

    @ExceptionHandler({
        HttpMessageNotReadableException.class,
        MethodArgumentTypeMismatchException.class,
        MissingServletRequestParameterException.class
    })
    ResponseEntity<ApiError> unreadable(Exception e, HttpServletRequest request) {
        String message = e instanceof MissingServletRequestParameterException m
                ? "缺少参数：" + m.getParameterName()
                : e instanceof MethodArgumentTypeMismatchException t
                        ? "参数格式不正确：" + t.getName()
                        : "请求内容无法解析，请检查 JSON 格式和字段类型";
        return error(HttpStatus.BAD_REQUEST, "BAD_REQUEST", message, List.of(), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return error(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", "不支持该请求方法", List.of(), request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return error(HttpStatus.NOT_FOUND, "NOT_FOUND", "接口不存在", List.of(), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse answer && answer.getStatusCode().is4xxClientError()) {
            // Spring MVC's own client errors (unsupported content type, not acceptable, ...) keep their status
            HttpStatus status = HttpStatus.valueOf(answer.getStatusCode().value());
            String message = status == HttpStatus.UNSUPPORTED_MEDIA_TYPE
                    ? "不支持的内容类型，请以 application/json 提交"
                    : status == HttpStatus.NOT_ACCEPTABLE ? "无法以所要求的格式返回结果" : "请求有误";
            return error(status, status.name(), message, List.of(), request);
        }
        log.error("Unhandled API error", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "服务器内部错误，请联系管理员并提供追踪号", List.of(), request);
    }

    static ResponseEntity<ApiError> error(
            HttpStatus status, String code, String message, List<FieldProblem> details, HttpServletRequest request) {
        return ResponseEntity.status(status).body(new ApiError(code, message, details, TraceIdFilter.of(request)));
    }
}
