package cn.sgz.shared.web;

import cn.sgz.shared.ConflictException;
import cn.sgz.shared.ForbiddenException;
import cn.sgz.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** For pages: unknown or foreign records give a Chinese 404 page, forbidden actions a 403 page. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
public class PageExceptionHandler {

    private final DenialAudit denials;
    private final tools.jackson.databind.json.JsonMapper json;

    PageExceptionHandler(DenialAudit denials, tools.jackson.databind.json.JsonMapper json) {
        this.denials = denials;
        this.json = json;
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e, HttpServletRequest request, HttpServletResponse response) {
        denials.denied(request, 404);
        return page(response, HttpStatus.NOT_FOUND, e.getMessage(), request);
    }

    @ExceptionHandler({ForbiddenException.class, AccessDeniedException.class})
    ModelAndView forbidden(RuntimeException e, HttpServletRequest request, HttpServletResponse response) {
        denials.denied(request, 403);
        return page(response, HttpStatus.FORBIDDEN, e instanceof ForbiddenException ? e.getMessage() : "无权访问", request);
    }

    @ExceptionHandler({ConflictException.class, ObjectOptimisticLockingFailureException.class})
    ModelAndView conflict(RuntimeException e, HttpServletRequest request, HttpServletResponse response) {
        return page(
                response,
                HttpStatus.CONFLICT,
                e instanceof ConflictException ? e.getMessage() : "记录已被他人修改，请刷新后重试",
                request);
    }

    /**
     * The error page; for an API path served by a page controller (a shared page/API mapping) the API's
     * JSON error shape instead, so API clients never get HTML.
     */
    private ModelAndView page(
            HttpServletResponse response, HttpStatus status, String message, HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            try {
                response.setStatus(status.value());
                response.setContentType("application/json");
                response.setCharacterEncoding("UTF-8");
                response.getWriter()
                        .write(json.writeValueAsString(
                                new ApiError(status.name(), message, java.util.List.of(), TraceIdFilter.of(request))));
                return new ModelAndView();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return page(status, message, request);
    }

    private static ModelAndView page(HttpStatus status, String message, HttpServletRequest request) {
        ModelAndView mav = new ModelAndView("error");
        mav.setStatus(status);
        mav.addObject("status", status.value());
        mav.addObject("message", message);
        mav.addObject("traceId", TraceIdFilter.of(request));
        return mav;
    }
}
