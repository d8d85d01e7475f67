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
 * today's date, and the values it shows, compared in full (as JDK values: a record by its class and every component,
 * never by its own equals). Those values must be plain values (records, strings, numbers, dates, enums, lists and
 * maps of them, checked on every call); anything else is rendered afresh each time.
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

    /**
     * {@code values} is the content of the values ({@link #keyOf}: lists of JDK values, records as their class and
     * components), so the lookup hashes and compares plain strings and numbers, never a record's own equals or
     * hashCode (slower, through method handles, and possibly partial); its hash is computed once.
     */
    private record Key(
            String template,
            String fragment,
            Locale locale,
            String contextPath,
            LocalDate today,
            Map<String, Object> values,
            int hash) {

        Key(
                String template,
                String fragment,
                Locale locale,
                String contextPath,
                LocalDate today,
                Map<String, Object> values) {
            this(
                    template,
                    fragment,
                    locale,
                    contextPath,
                    today,
                    values,
                    java.util.Objects.hash(template, fragment, locale, contextPath, today, values));
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && hash == k.hash
                    && template.equals(k.template)
                    && fragment.equals(k.fragment)
                    && locale.equals(k.locale)
                    && contextPath.equals(k.contextPath)
                    && today.equals(k.today)
                    && values.equals(k.values);
        }
    }

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
        Map<String, Object> content = new HashMap<>();
        for (Map.Entry<String, Object> e : copy.entrySet()) {
            Object k = keyOf(e.getValue(), 0);
            if (k == NOT_PLAIN) {
                return renderNow(template, fragment, copy, request, response);
            }
            content.put(e.getKey(), k);
        }
        // keyed by the values' full content, never by their own equals (a record may compare only part of itself)
        Key key = new Key(
                template,
                fragment,
                LocaleContextHolder.getLocale(),
                request.getContextPath(),
                ChinaTime.today(),
                content);
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

    /** Marks a value that is not plain: the fragment is rendered afresh. */
    private static final Object NOT_PLAIN = new Object();

    /** Whether {@code v} is a plain value (see {@link #keyOf}). */
    static boolean isValue(Object v, int depth) {
        return keyOf(v, depth) != NOT_PLAIN;
    }

    /**
     * The content of a plain value as JDK values compared in full: strings, numbers, dates, enums as they are; a
     * record as its class and every component; lists, sets and maps element by element. A record's own equals is
     * never relied on (it might compare only part of it). Anything else is not plain ({@link #NOT_PLAIN}).
     */
    static Object keyOf(Object v, int depth) {
        if (depth > 12) {
            return NOT_PLAIN;
        }
        if (v == null
                || v instanceof String
                || v instanceof Boolean
                || v instanceof Character
                || v instanceof Enum<?>
                || v instanceof UUID) {
            return v == null ? Optional.empty() : v;
        }
        Class<?> type = v.getClass();
        if (v instanceof Number) {
            return type.getName().startsWith("java.") ? v : NOT_PLAIN;
        }
        if (type.getName().startsWith("java.time.")) {
            return v;
        }
        if (v instanceof Optional<?> o) {
            Object inner = keyOf(o.orElse(null), depth + 1);
            return inner == NOT_PLAIN ? NOT_PLAIN : List.of("optional", inner);
        }
        if (v instanceof Collection<?> c) {
            if (!(v instanceof List<?> || v instanceof Set<?>)
                    || !type.getName().startsWith("java.")) {
                return NOT_PLAIN;
            }
            List<Object> out = new java.util.ArrayList<>(c.size() + 1);
            out.add(v instanceof Set<?> ? "set" : "list");
            for (Object e : c) {
                Object k = keyOf(e, depth + 1);
                if (k == NOT_PLAIN) {
                    return NOT_PLAIN;
                }
                out.add(k);
            }
            // a set's order is what the page shows: compared in order too
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            if (!type.getName().startsWith("java.")) {
                return NOT_PLAIN;
            }
            List<Object> out = new java.util.ArrayList<>(2 * m.size() + 1);
            out.add("map");
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Object k = keyOf(e.getKey(), depth + 1);
                Object x = keyOf(e.getValue(), depth + 1);
                if (k == NOT_PLAIN || x == NOT_PLAIN) {
                    return NOT_PLAIN;
                }
                out.add(k);
                out.add(x);
            }
            return out;
        }
        if (type.isRecord()) {
            Method[] accessors = ACCESSORS.get(type);
            if (accessors == null) {
                return NOT_PLAIN;
            }
            List<Object> out = new java.util.ArrayList<>(accessors.length + 1);
            out.add(type);
            for (Method m : accessors) {
                try {
                    Object k = keyOf(m.invoke(v), depth + 1);
                    if (k == NOT_PLAIN) {
                        return NOT_PLAIN;
                    }
                    out.add(k);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return NOT_PLAIN;
                }
            }
            return out;
        }
        return NOT_PLAIN;
    }

    /** A record's component accessors (null when they cannot be called). */
    private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
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
