package cn.sgz.shared;

/**
 * A record that does not exist, or that exists outside the caller's scope: both answer the same,
 * so that foreign ids leak nothing.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + "不存在或无权访问");
    }
}
