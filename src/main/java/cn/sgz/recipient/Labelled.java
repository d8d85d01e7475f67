package cn.sgz.recipient;

/** An enum with a Chinese label shown in pages, exports and import templates. */
public interface Labelled {

    String label();

    String name();

    /** The constant whose code or label (or one of its synonyms) equals the text, or null. */
    static <E extends Enum<E> & Labelled> E parse(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(t) || e.label().equals(t)) {
                return e;
            }
        }
        return null;
    }
}
