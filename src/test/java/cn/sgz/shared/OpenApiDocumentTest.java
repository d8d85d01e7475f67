package cn.sgz.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.sgz.SgzTest;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue 18, finding 11: the OpenAPI document is valid for a real OpenAPI parser (swagger-parser), and
 * no two API types share a schema name (springdoc would silently keep only one of them, so e.g.
 * PUT /service-records/{id} would be documented with another endpoint's body).
 */
@SgzTest
class OpenApiDocumentTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void theDocumentParsesWithoutErrors() throws Exception {
        String doc =
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(doc, null, options);
        assertThat(result.getOpenAPI()).as("parsed").isNotNull();
        assertThat(result.getMessages()).as("parser messages").isEmpty();
        assertThat(result.getOpenAPI().getPaths()).containsKey("/api/v1/service-records/{id}");
    }

    @Test
    void everyApiTypeHasASchemaNameOfItsOwn() {
        Map<String, Set<String>> byName = new TreeMap<>();
        Set<Class<?>> seen = new HashSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            boolean api = info.getPatternValues().stream().anyMatch(p -> p.startsWith("/api/"));
            if (!api) {
                return;
            }
            for (MethodParameter p : method.getMethodParameters()) {
                if (p.hasParameterAnnotation(RequestBody.class)) {
                    walk(p.getGenericParameterType(), byName, seen);
                }
            }
            walk(returnType(method), byName, seen);
        });
        Map<String, Set<String>> clashes = new TreeMap<>();
        byName.forEach((name, classes) -> {
            if (classes.size() > 1) {
                clashes.put(name, classes);
            }
        });
        assertThat(clashes).as("schema names used by more than one type").isEmpty();
    }

    private static Type returnType(HandlerMethod method) {
        return method.getReturnType().getGenericParameterType();
    }

    private static void walk(Type type, Map<String, Set<String>> byName, Set<Class<?>> seen) {
        if (type instanceof ParameterizedType p) {
            for (Type arg : p.getActualTypeArguments()) {
                walk(arg, byName, seen);
            }
            walk(p.getRawType(), byName, seen);
            return;
        }
        if (type instanceof GenericArrayType a) {
            walk(a.getGenericComponentType(), byName, seen);
            return;
        }
        if (!(type instanceof Class<?> c)) {
            return;
        }
        if (c.isArray()) {
            walk(c.getComponentType(), byName, seen);
            return;
        }
        if (!c.getName().startsWith("cn.sgz.") || !seen.add(c)) {
            return;
        }
        Schema schema = c.getAnnotation(Schema.class);
        if (c.isEnum() && (schema == null || !schema.enumAsRef())) {
            return; // enums are written inline, not as named schemas
        }
        String name = schema != null && !schema.name().isEmpty() ? schema.name() : c.getSimpleName();
        byName.computeIfAbsent(name, k -> new TreeSet<>()).add(c.getName());
        if (c.isRecord()) {
            for (RecordComponent rc : c.getRecordComponents()) {
                walk(rc.getGenericType(), byName, seen);
            }
            return;
        }
        for (Field f : c.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                walk(f.getGenericType(), byName, seen);
            }
        }
    }
}
