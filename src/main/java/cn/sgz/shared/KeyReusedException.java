package cn.sgz.shared;

import java.util.List;

/**
 * An idempotency key (upload id) was sent again with a different body: the API answers 422, since
 * the request is well-formed but cannot be a retry of the one the key first named.
 */
public class KeyReusedException extends BusinessException {

    public KeyReusedException(String field, String message) {
        super("KEY_REUSED", message, List.of(new FieldProblem(field, message)));
    }
}
