package cn.sgz.feedback.internal;

import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ChinaTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A small arithmetic question rendered on the page ("7 + 5 = ?"), with no outside service and no
 * session: the page carries a signed token (nonce, expiry, HMAC over the answer); the server checks the
 * typed answer against it and, in the same transaction as the submission, records the nonce as used so
 * one solved challenge sends one submission.
 */
@Component
class Challenges {

    static final String FIELD = "challengeAnswer";
    private static final long VALID_SECONDS = 60 * 60;

    private final FeedbackSecret secret;
    private final JdbcClient jdbc;

    Challenges(FeedbackSecret secret, JdbcClient jdbc) {
        this.secret = secret;
        this.jdbc = jdbc;
    }

    /** What the page shows and the hidden token it posts back. */
    record Challenge(String question, String token) {}

    Challenge issue() {
        int a = 2 + FeedbackSecret.randomInt(18);
        int b = 1 + FeedbackSecret.randomInt(9);
        boolean plus = FeedbackSecret.randomInt(2) == 0 || a <= b;
        int answer = plus ? a + b : a - b;
        String nonce = FeedbackSecret.nonce();
        long expires = ChinaTime.now().getEpochSecond() + VALID_SECONDS;
        String token = nonce + "." + expires + "." + sign(nonce, expires, answer);
        return new Challenge(a + (plus ? " 加 " : " 减 ") + b + " 等于几？", token);
    }

    private String sign(String nonce, long expires, int answer) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(secret.mac("challenge", nonce + "|" + expires + "|" + answer));
    }

    /** Checks the answer; returns the nonce to consume. Writes nothing. */
    String verify(String token, String answerText) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 3) {
            throw BusinessException.field(FIELD, "验证题已失效，请重新计算页面上的新题目");
        }
        long expires;
        try {
            expires = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            throw BusinessException.field(FIELD, "验证题已失效，请重新计算页面上的新题目");
        }
        if (expires < ChinaTime.now().getEpochSecond()) {
            throw BusinessException.field(FIELD, "验证题已超过1小时失效，请计算页面上的新题目后再提交");
        }
        if (answerText == null || answerText.isBlank()) {
            throw BusinessException.field(FIELD, "验证题：请填写计算结果（只填数字）");
        }
        int answer;
        try {
            answer = Integer.parseInt(answerText.strip());
        } catch (NumberFormatException e) {
            throw BusinessException.field(FIELD, "验证题：请只填写数字");
        }
        byte[] expected = sign(parts[0], expires, answer).getBytes();
        if (!MessageDigest.isEqual(expected, parts[2].getBytes())) {
            throw BusinessException.field(FIELD, "验证题答案不正确，请重新计算");
        }
        return parts[0];
    }

    /** Marks a nonce used (call inside the submission's transaction). */
    void consume(String nonce) {
        OffsetDateTime now = ChinaTime.offsetNow();
        if (FeedbackSecret.randomInt(20) == 0) {
            jdbc.sql("DELETE FROM feedback_challenge_used WHERE expires_at < ?")
                    .param(now)
                    .update();
        }
        int inserted;
        try {
            inserted = jdbc.sql(
                            "INSERT INTO feedback_challenge_used (nonce, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(
                            nonce,
                            OffsetDateTime.ofInstant(
                                    Instant.ofEpochSecond(now.toEpochSecond() + VALID_SECONDS), ZoneOffset.ofHours(8)))
                    .update();
        } catch (DuplicateKeyException e) {
            inserted = 0;
        }
        if (inserted == 0) {
            throw BusinessException.field(FIELD, "这张表单已经提交过了，请勿重复提交；如需再次反馈，请重新打开页面");
        }
    }
}
