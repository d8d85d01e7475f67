package cn.sgz.shared;

/** Someone else changed the record since it was read (optimistic locking), or a unique rule clashed. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
