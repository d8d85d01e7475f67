package cn.sgz.audit.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Chinese names of the codes the audit trail stores (action, target type, result). The codes stay in the database
 * because they are what queries and exports filter on; people read the names. An unknown code is shown as it is.
 */
@Component
public class AuditLabels {

    static final String FILE = "audit/labels.properties";

    private final Map<String, String> labels;

    public AuditLabels() {
        Properties p = new Properties();
        try (var in = new InputStreamReader(new ClassPathResource(FILE).getInputStream(), StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> m = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        this.labels = Map.copyOf(m);
    }

    public String action(String code) {
        return label("action.", code);
    }

    public String targetType(String code) {
        return label("type.", code);
    }

    public String result(String code) {
        return label("result.", code);
    }

    public boolean knowsAction(String code) {
        return labels.containsKey("action." + code);
    }

    public boolean knowsTargetType(String code) {
        return labels.containsKey("type." + code);
    }

    /** Every action with its name, ordered by name, for the filter list. */
    public Map<String, String> actions() {
        Map<String, String> out = new LinkedHashMap<>();
        labels.entrySet().stream()
                .filter(e -> e.getKey().startsWith("action."))
                .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .forEach(e -> out.put(e.getKey().substring("action.".length()), e.getValue()));
        return out;
    }

    private String label(String prefix, String code) {
        if (code == null) {
            return null;
        }
        return labels.getOrDefault(prefix + code, code);
    }
}
