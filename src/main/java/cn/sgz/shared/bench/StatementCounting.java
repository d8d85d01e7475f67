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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bench and test hook (off unless {@code sgz.bench.count-statements=true}): counts the JDBC statements each request
 * prepares, per request path, so {@code bench/page-load.sh} can print statements per page. {@code GET
 * /bench/statements} (signed in) lists {@code path requests statements}, one path a line.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "sgz.bench.count-statements", havingValue = "true")
public class StatementCounting {

    private static final ThreadLocal<long[]> CURRENT = new ThreadLocal<>();
    private static final Map<String, LongAdder[]> BY_PATH = new ConcurrentHashMap<>();

    /** Statements prepared so far by this thread's current request (or -1 outside a counted request). */
    public static long currentCount() {
        long[] c = CURRENT.get();
        return c == null ? -1 : c[0];
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
                                    (m, result) -> m.getName().equals("getConnection")
                                            ? Proxy.newProxyInstance(
                                                    StatementCounting.class.getClassLoader(),
                                                    new Class<?>[] {Connection.class},
                                                    forward(result, (n, r) -> {
                                                        String name = n.getName();
                                                        if (name.equals("prepareStatement")
                                                                || name.equals("createStatement")
                                                                || name.equals("prepareCall")) {
                                                            long[] c = CURRENT.get();
                                                            if (c != null) {
                                                                c[0]++;
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
                CURRENT.set(count);
                try {
                    chain.doFilter(request, response);
                } finally {
                    CURRENT.remove();
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
        public ResponseEntity<String> counts() {
            StringBuilder out = new StringBuilder();
            new TreeMap<>(BY_PATH)
                    .forEach((path, t) -> out.append(path)
                            .append(' ')
                            .append(t[0].sum())
                            .append(' ')
                            .append(t[1].sum())
                            .append('\n'));
            return ResponseEntity.ok(out.toString());
        }
    }

    interface After {
        Object apply(Method m, Object result) throws Throwable;
    }

    static InvocationHandler forward(Object target, After after) {
        return (proxy, method, args) -> {
            try {
                return after.apply(method, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
    }
}
