package cn.sgz.shared.web;

import java.util.function.Supplier;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Within one GET request a page asks for the same scope facts many times (each section, each service): they are
 * read from the database once per request. Kept in the request's own attributes under a key that names the user
 * where the value depends on the user, so no other request or user ever sees it; writes (POST, PUT, …) and work
 * outside a request always read afresh.
 */
public final class RequestMemo {

    private RequestMemo() {}

    @SuppressWarnings("unchecked")
    public static <T> T get(String key, Supplier<T> read) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes servlet)
                || !"GET".equals(servlet.getRequest().getMethod())) {
            return read.get();
        }
        String name = RequestMemo.class.getName() + "." + key;
        Object known = attributes.getAttribute(name, RequestAttributes.SCOPE_REQUEST);
        if (known != null) {
            return (T) known;
        }
        T value = read.get();
        attributes.setAttribute(name, value, RequestAttributes.SCOPE_REQUEST);
        return value;
    }
}
