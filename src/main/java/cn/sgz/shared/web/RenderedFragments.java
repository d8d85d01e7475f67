package cn.sgz.shared.web;

import cn.sgz.shared.ChinaTime;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The repeated parts of pages (the side navigation, a board's table, a home page's lists), rendered once per distinct
 * content and reused: Thymeleaf rendering was 40–75% of a page's CPU (issue #23, JFR), and the same board or the same
 * navigation is rendered again and again with the same figures.
 *
 * <p>A fragment is cached under everything it is made of: the template and fragment, the locale, the context path,
 * today's date, and the values it shows, compared in full. Those values must be plain values (records, strings,
 * numbers, dates, enums, lists and maps of them, checked on every call); anything else is rendered afresh each time.
 * So a reused fragment is exactly what rendering it now would give: it cannot show another user's data (it only
 * holds the values passed in, which the caller read for this user) nor older figures (other figures are another
 * key). Fragments are rendered away from the request: they see no request attribute, parameter or session, only the
 * values passed; so what is time-of-day dependent (the age of stored figures) or per session (CSRF tokens, forms)
 * stays outside them.
 */
@Component("renderedFragments")
public class RenderedFragments {

    /** At most this many characters of rendered HTML are kept (a few MB); least recently used go first. */
    static final int MAX_CHARS = 4_000_000;

    private final ITemplateEngine engine;
    private final JakartaServletWebApplication application;
    private final LinkedHashMap<Key, String> cache = new LinkedHashMap<>(256, 0.75f, true);
    private long chars;
    private long renders;

    RenderedFragments(ITemplateEngine engine, ServletContext servletContext) {
        this.engine = engine;
        this.application = JakartaServletWebApplication.buildApplication(servletContext);
    }

    private record Key(
            String template,
            String fragment,
            Locale locale,
            String contextPath,
            LocalDate today,
            Map<String, Object> values) {}

    /**
     * As {@link #render(String, String, Map)}, the values given as name, value, name, value… (templates may not build
     * maps: Thymeleaf forbids instantiation in expressions).
     */
    public String render(String template, String fragment, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return render(template, fragment, values);
    }

    /**
     * The HTML of {@code fragment} in {@code template} with only {@code values} as its variables (null values allowed),
     * from the cache when the same values were rendered before.
     */
    public String render(String template, String fragment, Map<String, ?> values) {
        RequestAttributes attributes = RequestContextHolder.currentRequestAttributes();
        ServletRequestAttributes servlet = (ServletRequestAttributes) attributes;
        HttpServletRequest request = servlet.getRequest();
        HttpServletResponse response = servlet.getResponse();
        Map<String, Object> copy = Collections.unmodifiableMap(new HashMap<>(values));
        if (!copy.values().stream().allMatch(v -> isValue(v, 0))) {
            return renderNow(template, fragment, copy, request, response);
        }
        Key key = new Key(
                template, fragment, LocaleContextHolder.getLocale(), request.getContextPath(), ChinaTime.today(), copy);
        synchronized (cache) {
            String known = cache.get(key);
            if (known != null) {
                return known;
            }
        }
        String html = renderNow(template, fragment, copy, request, response);
        synchronized (cache) {
            if (cache.put(key, html) == null) {
                chars += html.length();
            }
            var it = cache.entrySet().iterator();
            while (chars > MAX_CHARS && it.hasNext()) {
                chars -= it.next().getValue().length();
                it.remove();
            }
        }
        return html;
    }

    /** How many times a fragment was actually rendered (tests: a repeated page renders nothing again). */
    public long renders() {
        synchronized (cache) {
            return renders;
        }
    }

    private String renderNow(
            String template,
            String fragment,
            Map<String, Object> values,
            HttpServletRequest request,
            HttpServletResponse response) {
        synchronized (cache) {
            renders++;
        }
        WebContext context = new WebContext(
                application.buildExchange(new Isolated(request), response), LocaleContextHolder.getLocale(), values);
        return engine.process(template, Set.of(fragment), context);
    }

    /**
     * Plain values only: compared by content in full. Records count when they keep the generated equals (their every
     * component is then compared) and every component is a plain value too.
     */
    static boolean isValue(Object v, int depth) {
        if (depth > 12) {
            return false;
        }
        if (v == null
                || v instanceof String
                || v instanceof Boolean
                || v instanceof Character
                || v instanceof Enum<?>
                || v instanceof UUID) {
            return true;
        }
        Class<?> type = v.getClass();
        if (v instanceof Number) {
            return type.getName().startsWith("java.");
        }
        if (type.getName().startsWith("java.time.")) {
            return true;
        }
        if (v instanceof Optional<?> o) {
            return isValue(o.orElse(null), depth + 1);
        }
        if (v instanceof Collection<?> c) {
            if (!(v instanceof List<?> || v instanceof Set<?>)
                    || !type.getName().startsWith("java.")) {
                return false;
            }
            for (Object e : c) {
                if (!isValue(e, depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (v instanceof Map<?, ?> m) {
            if (!type.getName().startsWith("java.")) {
                return false;
            }
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!isValue(e.getKey(), depth + 1) || !isValue(e.getValue(), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (type.isRecord()) {
            Method[] accessors = ACCESSORS.get(type);
            if (accessors == null) {
                return false;
            }
            for (Method m : accessors) {
                try {
                    if (!isValue(m.invoke(v), depth + 1)) {
                        return false;
                    }
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** A record's component accessors, or null when it declares its own equals or hashCode (not compared in full). */
    private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            try {
                type.getDeclaredMethod("equals", Object.class);
                return null;
            } catch (NoSuchMethodException generated) {
                // the record's own equals: every component
            }
            try {
                type.getDeclaredMethod("hashCode");
                return null;
            } catch (NoSuchMethodException generated) {
                // likewise
            }
            RecordComponent[] components = type.getRecordComponents();
            Method[] out = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                out[i] = components[i].getAccessor();
                try {
                    out[i].setAccessible(true);
                } catch (RuntimeException e) {
                    return null;
                }
            }
            return out;
        }
    };

    /**
     * The request as a fragment sees it: its context path, locale and URL encoding, but no attribute, parameter or
     * session of the real request (attributes the engine sets stay in this wrapper).
     */
    private static final class Isolated extends HttpServletRequestWrapper {

        private final Map<String, Object> attributes = new HashMap<>();

        Isolated(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Object getAttribute(String name) {
            return attributes.get(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            return Collections.enumeration(attributes.keySet());
        }

        @Override
        public void setAttribute(String name, Object o) {
            if (o == null) {
                attributes.remove(name);
            } else {
                attributes.put(name, o);
            }
        }

        @Override
        public void removeAttribute(String name) {
            attributes.remove(name);
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }

        @Override
        public String getQueryString() {
            return null;
        }

        @Override
        public HttpSession getSession(boolean create) {
            return null;
        }

        @Override
        public HttpSession getSession() {
            return null;
        }
    }
}
