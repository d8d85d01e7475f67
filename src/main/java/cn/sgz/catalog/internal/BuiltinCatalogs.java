package cn.sgz.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads the built-in catalogs (classpath:catalogs/*.yaml, encoded item by item from the seed
 * documents) on startup when they are absent. Reference data, so in every profile; idempotent.
 */
@Component
@Order(11)
class BuiltinCatalogs implements ApplicationRunner {

    static final List<String> FILES = List.of("catalogs/jiuyuan-2024.yaml", "catalogs/zhalainuoer-2026.yaml");
    private static final Logger log = LoggerFactory.getLogger(BuiltinCatalogs.class);

    private final CatalogService service;

    BuiltinCatalogs(CatalogService service) {
        this.service = service;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String file : FILES) {
            try {
                service.loadBuiltin(CatalogYaml.parse(read(file)))
                        .ifPresent(id -> log.info("已载入内置服务清单 {}（id {}）", file, id));
            } catch (org.springframework.dao.DataIntegrityViolationException e) {
                // Another instance loaded it at the same moment: the unique (code, version) kept one copy.
                log.info("内置服务清单 {} 已由其他实例载入", file);
            }
        }
    }

    static String read(String file) {
        try (InputStream in = new ClassPathResource(file).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
