package cn.sgz.org.internal;

import cn.sgz.shared.BusinessException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** The password rule: long enough to resist guessing, not the username, not a commonly used password. */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;

    /** The bundled list of the most common passwords (resources/security/common-passwords.txt), lower case. */
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {}

    static void check(String field, String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw BusinessException.field(field, "密码至少" + MIN_LENGTH + "个字符");
        }
        if (password.length() > 128) {
            throw BusinessException.field(field, "密码不能超过128个字符");
        }
        if (password.equalsIgnoreCase(username)) {
            throw BusinessException.field(field, "密码不能与用户名相同");
        }
        if (password.chars().distinct().count() < 4) {
            throw BusinessException.field(field, "密码过于简单，请混合使用不同的字符");
        }
        if (isCommon(password)) {
            throw BusinessException.field(field, "该密码属于最常见的密码，容易被猜中，请换一个");
        }
    }

    static boolean isCommon(String password) {
        return COMMON.contains(password.toLowerCase(Locale.ROOT));
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>(40_000);
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("security/common-passwords.txt is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
