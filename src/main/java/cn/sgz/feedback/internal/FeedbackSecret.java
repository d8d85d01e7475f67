package cn.sgz.feedback.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The key that signs challenges and activity links and hashes IPs, phones and query codes. Kept in the
 * database (created once by whichever instance comes first), so every app instance shares it.
 */
@Component
class FeedbackSecret {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private volatile byte[] key;

    FeedbackSecret(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    byte[] fresh = new byte[32];
                    RANDOM.nextBytes(fresh);
                    jdbc.sql("INSERT INTO feedback_secret (id, secret) VALUES (1, ?) ON CONFLICT DO NOTHING")
                            .param(Base64.getEncoder().encodeToString(fresh))
                            .update();
                    key = Base64.getDecoder()
                            .decode(jdbc.sql("SELECT secret FROM feedback_secret WHERE id = 1")
                                    .query(String.class)
                                    .single());
                }
                k = key;
            }
        }
        return k;
    }

    byte[] mac(String purpose, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal((purpose + "|" + value).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A keyed hash as hex, {@code chars} long (at most 64). */
    String hash(String purpose, String value, int chars) {
        return HexFormat.of().formatHex(mac(purpose, value)).substring(0, chars);
    }

    static String randomDigits(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(RANDOM.nextInt(10));
        }
        return sb.toString();
    }

    static String randomLetters(int n) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    static int randomInt(int bound) {
        return RANDOM.nextInt(bound);
    }

    static String nonce() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
