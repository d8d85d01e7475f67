package cn.sgz.community.internal;

/** Phones in lists are shown as 138****5678; the full number only on a person's own page and in audited exports. */
public final class Masks {

    private Masks() {}

    public static String phone(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone;
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
