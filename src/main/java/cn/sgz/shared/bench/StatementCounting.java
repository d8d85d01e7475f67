package cn.sgz.shared.bench;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bench and test hook (off unless {@code sgz.bench.count-statements=true}): counts the JDBC statements each request
 * prepares, per request path, so {@code bench/page-load.sh} can print statements per page. {@code GET
 * /bench/statements} (signed in) lists {@code path requests statements}, one path a line; {@code GET
 * /bench/statements?path=/} the SQL of the last request to that path, one statement a line.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "sgz.bench.count-statements", havingValue = "true")
public class StatementCounting {

    private static final ThreadLocal<long[]> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<List<String>> TEXTS = new ThreadLocal<>();
    /** Whether the current request asked for the callers of each statement (header {@code X-Bench-Stacks}). */
    private static final ThreadLocal<Boolean> STACKS = new ThreadLocal<>();

    private static final Map<String, LongAdder[]> BY_PATH = new ConcurrentHashMap<>();
    /** The statements of the last counted request per path (SQL text, in order). */
    private static final Map<String, List<String>> LAST = new ConcurrentHashMap<>();

    /** Statements prepared so far by this thread's current request (or -1 outside a counted request). */
    public static long currentCount() {
        long[] c = CURRENT.get();
        return c == null ? -1 : c[0];
    }

    /**
     * The SQL of the statements {@code work} prepares on this thread (outside a request too: tests count a service
     * call). Needs the hook on ({@code sgz.bench.count-statements=true}, as in the test profile); without it the list
     * stays empty.
     */
    public static List<String> statementsOf(Runnable work) {
        long[] outer = CURRENT.get();
        List<String> outerTexts = TEXTS.get();
        List<String> texts = new ArrayList<>();
        CURRENT.set(new long[] {0});
        TEXTS.set(texts);
        try {
            work.run();
        } finally {
            if (outer == null) {
                CURRENT.remove();
                TEXTS.remove();
            } else {
                outer[0] += texts.size();
                CURRENT.set(outer);
                TEXTS.set(outerTexts);
                if (outerTexts != null) {
                    outerTexts.addAll(texts);
                }
            }
        }
        return texts;
    }

    @Bean
    static BeanPostProcessor statementCountingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource ds && !Proxy.isProxyClass(bean.getClass())) {
                    return Proxy.newProxyInstance(
                            StatementCounting.class.getClassLoader(),
                            new Class<?>[] {DataSource.class},
                            forward(
                                    ds,
                                    (m, args, result) -> m.getName().equals("getConnection")
                                            ? Proxy.newProxyInstance(
                                                    StatementCounting.class.getClassLoader(),
                                                    new Class<?>[] {Connection.class},
                                                    forward(result, (n, a, r) -> {
                                                        String name = n.getName();
                                                        if (name.equals("prepareStatement")
                                                                || name.equals("createStatement")
                                                                || name.equals("prepareCall")) {
                                                            long[] c = CURRENT.get();
                                                            if (c != null) {
                                                                c[0]++;
                                                                List<String> texts = TEXTS.get();
                                                                if (texts != null) {
                                                                    String sql = a != null && a.length > 0
                                                                            ? String.valueOf(a[0])
                                                                            : name;
                                                                    texts.add(
                                                                            STACKS.get() == Boolean.TRUE
                                                                                    ? sql + "  <-  " + callers()
                                                                                    : sql);
                                                                }
                                                            }
                                                        }
                                                        return r;
                                                    }))
                                            : result));
                }
                return bean;
            }
        };
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    OncePerRequestFilter statementCountingFilter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                long[] count = {0};
                List<String> texts = new ArrayList<>();
                CURRENT.set(count);
                TEXTS.set(texts);
                STACKS.set(request.getHeader("X-Bench-Stacks") != null);
                try {
                    chain.doFilter(request, response);
                } finally {
                    CURRENT.remove();
                    TEXTS.remove();
                    STACKS.remove();
                    LAST.put(request.getRequestURI(), texts);
                    LongAdder[] totals = BY_PATH.computeIfAbsent(
                            request.getRequestURI(), k -> new LongAdder[] {new LongAdder(), new LongAdder()});
                    totals[0].increment();
                    totals[1].add(count[0]);
                }
            }
        };
    }

    /** The counts so far: {@code path requests statements}. */
    @RestController
    @ConditionalOnProperty(name = "sgz.bench.count-statements", havingValue = "true")
    public static class Endpoint {
        @GetMapping(value = "/bench/statements", produces = MediaType.TEXT_PLAIN_VALUE)
        public ResponseEntity<String> counts(@RequestParam(required = false) String path) {
            StringBuilder out = new StringBuilder();
            if (path != null) {
                // the SQL of the last request to that path, one statement a line
                LAST.getOrDefault(path, List.of())
                        .forEach(sql -> out.append(sql.replaceAll("\\s+", " ")).append('\n'));
                return ResponseEntity.ok(out.toString());
            }
            new TreeMap<>(BY_PATH)
                    .forEach((p, t) -> out.append(p)
                            .append(' ')
                            .append(t[0].sum())
                            .append(' ')
                            .append(t[1].sum())
                            .append('\n'));
            return ResponseEntity.ok(out.toString());
        }
    }

    /** The application's frames (outside this hook) that led to a statement, innermost first. */
    private static String callers() {
        return StackWalker.getInstance()
                .walk(frames -> frames.filter(f -> f.getClassName().startsWith("cn.sgz.")
                                && !f.getClassName().startsWith(StatementCounting.class.getName()))
                        .limit(6)
                        .map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "."
                                + f.getMethodName() + ":" + f.getLineNumber())
                        .collect(java.util.stream.Collectors.joining(" < ")));
    }

    interface After {
        Object apply(Method m, Object[] args, Object result) throws Throwable;
    }

    static InvocationHandler forward(Object target, After after) {
        return (proxy, method, args) -> {
            try {
                return after.apply(method, args, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
    }
}
