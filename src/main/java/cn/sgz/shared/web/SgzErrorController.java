package cn.sgz.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors that escape the controllers (unknown URLs, container errors): JSON for the API, a Chinese
 * page for people. Neither shows a stack trace.
 */
@Controller
public class SgzErrorController implements ErrorController {

    @RequestMapping("/error")
    Object error(HttpServletRequest request, Model model) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String message = messageFor(status);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null && uri.toString().contains("/api/")) {
            return ApiExceptionHandler.error(status, status.name(), message, List.of(), request);
        }
        model.addAttribute("status", status.value());
        model.addAttribute("message", message);
        model.addAttribute("traceId", TraceIdFilter.of(request));
        return "error";
    }

    static String messageFor(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "页面或记录不存在";
            case FORBIDDEN -> "无权访问";
            case UNAUTHORIZED -> "请先登录";
            case BAD_REQUEST -> "请求有误";
            case METHOD_NOT_ALLOWED -> "不支持该请求方法";
            case UNSUPPORTED_MEDIA_TYPE -> "不支持的内容类型";
            default -> status.value() == 413 ? "上传的文件过大" : status.is4xxClientError() ? "请求有误" : "服务器内部错误";
        };
    }
}
