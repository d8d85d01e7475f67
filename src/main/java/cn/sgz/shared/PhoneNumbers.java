package cn.sgz.shared;

import java.util.regex.Pattern;

/**
 * Chinese phone numbers: an 11-digit mobile (1[3-9]…) or a landline of 7–8 digits, with or without its area code
 * (0472-5123456, 04725123456, 5123456): village lists and sign-in sheets often give the local number alone.
 */
public final class PhoneNumbers {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("(0\\d{2,3}-?)?[2-9]\\d{6,7}");

    private PhoneNumbers() {}

    public static boolean isValid(String phone) {
        if (phone == null) {
            return false;
        }
        String p = strip(phone);
        return MOBILE.matcher(p).matches() || LANDLINE.matcher(p).matches();
    }

    /** Null for blank input, the cleaned number when valid, a field error otherwise. */
    public static String normalizeOptional(String field, String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        if (!isValid(phone)) {
            throw BusinessException.field(field, "电话号码格式不正确：应为11位手机号或带区号的固定电话");
        }
        return strip(phone);
    }

    /** 138****5678 for lists shown to people who do not need the full number; short values stay as they are. */
    public static String mask(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone;
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    private static String strip(String phone) {
        return phone.replace(" ", "").replace("+86", "");
    }
}
