package cn.sgz.recipient.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * 公民身份号码 (GB 11643-1999): 6-digit area code, 8-digit birth date, 3-digit sequence (odd for men),
 * and an ISO 7064 MOD 11-2 check character. 15-digit first-generation numbers are not accepted: the
 * registry needs the check character.
 */
public final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final java.util.regex.Pattern SCIENTIFIC = java.util.regex.Pattern.compile("\\d(\\.\\d+)?E\\+?\\d+");
    private static final java.util.regex.Pattern SHAPE = java.util.regex.Pattern.compile("\\d{17}[0-9X]");
    /**
     * The province-level codes of GB/T 2260 (the first two digits of every area code; 71 台湾, 81 香港, 82 澳门, 83 for
     * residence permits of Taiwan residents). A number outside them was mistyped. The county-level table is not
     * shipped yet, so a wrong county within a real province is not caught.
     */
    private static final java.util.Set<String> PROVINCES = java.util.Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
            "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82", "83");

    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private IdNumbers() {}

    /** Upper-cased and without spaces, or "" for null. */
    public static String normalize(String raw) {
        return raw == null
                ? ""
                : raw.replace(" ", "").replace("\u3000", "").strip().toUpperCase(Locale.ROOT);
    }

    /** Null when valid, otherwise the Chinese reason. */
    public static String problem(String normalized, LocalDate today) {
        if (normalized.isEmpty()) {
            return "身份证号不能为空";
        }
        if (SCIENTIFIC.matcher(normalized).matches()) {
            return "身份证号被表格存成了数字（科学计数法），末几位已丢失，请将该列设为文本后重新填写";
        }
        if (normalized.length() != 18) {
            return "身份证号应为18位（当前" + normalized.length() + "位）";
        }
        if (!SHAPE.matcher(normalized).matches()) {
            return "身份证号前17位须为数字，末位为数字或X";
        }
        if (!PROVINCES.contains(normalized.substring(0, 2))) {
            return "身份证号前两位“" + normalized.substring(0, 2) + "”不是有效的省级行政区划代码，请核对号码";
        }
        LocalDate birth = birthDateOrNull(normalized);
        if (birth == null) {
            return "身份证号中的出生日期不是有效日期";
        }
        if (birth.isAfter(today) || birth.isBefore(today.minusYears(130))) {
            return "身份证号中的出生日期不合理";
        }
        if (checkChar(normalized) != normalized.charAt(17)) {
            return "身份证号校验位不正确，请核对号码";
        }
        return null;
    }

    public static boolean isValid(String raw, LocalDate today) {
        return problem(normalize(raw), today) == null;
    }

    /** The check character for the first 17 digits. */
    public static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public static LocalDate birthDate(String valid) {
        return LocalDate.of(
                Integer.parseInt(valid.substring(6, 10)),
                Integer.parseInt(valid.substring(10, 12)),
                Integer.parseInt(valid.substring(12, 14)));
    }

    private static LocalDate birthDateOrNull(String id) {
        try {
            return birthDate(id);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    /** "男" when the 17th digit is odd, "女" otherwise. */
    public static String gender(String valid) {
        return (valid.charAt(16) - '0') % 2 == 1 ? "男" : "女";
    }

    /** First six and last four characters kept: 110105********002X. */
    public static String mask(String valid) {
        if (valid == null || valid.length() < 10) {
            return "******";
        }
        return valid.substring(0, 6) + "*".repeat(valid.length() - 10) + valid.substring(valid.length() - 4);
    }

    /** Masked form when only the tail is known (the plain number is not decrypted for lists). */
    public static String maskFromTail(String areaPrefix, String tail) {
        return (areaPrefix == null ? "******" : areaPrefix) + "********" + tail;
    }
}
