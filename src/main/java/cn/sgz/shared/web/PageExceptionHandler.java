package cn.sgz.shared.web;

import cn.sgz.shared.ConflictException;
import cn.sgz.shared.ForbiddenException;
import cn.sgz.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
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

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e, HttpServletRequest request) {
        return page(HttpStatus.NOT_FOUND, e.getMessage(), request);
    }

    @ExceptionHandler({ForbiddenException.class, AccessDeniedException.class})
    ModelAndView forbidden(RuntimeException e, HttpServletRequest request) {
        return page(HttpStatus.FORBIDDEN, e instanceof ForbiddenException ? e.getMessage() : "无权访问", request);
    }

    @ExceptionHandler({ConflictException.class, ObjectOptimisticLockingFailureException.class})
    ModelAndView conflict(RuntimeException e, HttpServletRequest request) {
        return page(HttpStatus.CONFLICT,
                e instanceof ConflictException ? e.getMessage() : "记录已被他人修改，请刷新后重试", request);
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
