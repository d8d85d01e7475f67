package cn.sgz.org.internal;

import cn.sgz.shared.BusinessException;

/** The password rule: long enough to resist guessing, not the username. */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;

    private PasswordPolicy() {
    }

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
    }
}
