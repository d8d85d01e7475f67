package cn.sgz.evaluation.internal;

/** Masks personal data for people who do not need it in full. */
final class Masking {

    private Masking() {}

    /** 138****5678; landlines keep area code and last two digits. */
    static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String p = phone.strip();
        if (p.length() >= 11) {
            return p.substring(0, 3) + "****" + p.substring(p.length() - 4);
        }
        return p.length() > 4 ? p.substring(0, 2) + "*".repeat(p.length() - 4) + p.substring(p.length() - 2) : "****";
    }

    /** 张*; 欧阳** */
    static String name(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        String n = name.strip();
        return n.charAt(0) + "*".repeat(Math.max(1, n.length() - 1));
    }
}
