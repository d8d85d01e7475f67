package cn.sgz.org.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.sgz.shared.BusinessException;
import org.junit.jupiter.api.Test;

/** Issue 18, finding 8: the 30,000 most common passwords (bundled list) are refused, whatever their case. */
class PasswordPolicyTest {

    @Test
    void commonPasswordsAreRefused() {
        for (String common : new String[] {"1qaz2wsx3edc", "Qwerty123456", "123456654321", "LEAVEMEALONE"}) {
            assertThatThrownBy(() -> PasswordPolicy.check("password", common, "someone"))
                    .isInstanceOf(BusinessException.class)
                    .hasMessageContaining("最常见的密码");
        }
        assertThat(PasswordPolicy.isCommon("password")).isTrue();
        assertThat(PasswordPolicy.isCommon("123456")).isTrue();
    }

    @Test
    void ordinaryStrongPasswordsPass() {
        PasswordPolicy.check("password", "sgz-demo-2026!", "demo_worker");
        PasswordPolicy.check("password", "Throttle-pass-2026", "someone");
        assertThat(PasswordPolicy.isCommon("沙河站-社工-2026")).isFalse();
    }
}
