package cn.sgz.shared;

/** The caller may see the record but this role may not perform the action. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
