package cn.sgz.recipient.internal;

import java.util.List;
import java.util.Locale;

/** The columns a district list may have, with the header texts each is recognized by. */
public enum ImportField {
    NAME("姓名", true, "姓名", "名字", "服务对象姓名", "对象姓名", "人员姓名"),
    GENDER("性别", false, "性别"),
    ID_NUMBER("身份证号", true, "身份证号", "身份证号码", "公民身份号码", "身份证", "证件号码", "证件号", "身份证件号码"),
    BIRTH_DATE("出生日期", false, "出生日期", "出生年月日", "出生年月", "生日"),
    PHONE("联系电话", false, "联系电话", "电话", "手机", "手机号", "手机号码", "联系方式", "电话号码", "联系电话(手机)", "本人电话", "本人联系电话", "固定电话", "座机"),
    ADDRESS("住址", false, "住址", "家庭住址", "地址", "现住址", "居住地址", "家庭地址"),
    VILLAGE(
            "村(社区)", false, "村(社区)", "村/社区", "村社区", "社区", "村", "嘎查村", "所属社区", "所属村", "村居", "所在社区", "所在村", "所属村(社区)",
            "所在村(社区)", "所属村/社区", "所在村/社区", "村(居)", "所属村(居)", "所属村居", "社区(村)", "所属社区(村)", "村(社区)名称", "村委会", "居委会", "嘎查",
            "嘎查(村)", "所属嘎查村"),
    CATEGORY("类别", false, "类别", "人员类别", "对象类别", "救助类别", "类型", "人员类型", "对象类型"),
    FLAGS("子类/标识", false, "子类/标识", "子类", "标识", "困难类型", "特殊标识", "老人类别", "儿童类别", "救助类型", "困境类型"),
    DISABILITY_TYPE("残疾类别", false, "残疾类别", "残疾类型"),
    DISABILITY_GRADE("残疾等级", false, "残疾等级", "残疾级别"),
    SUBSIDY("两项补贴", false, "两项补贴", "两项补贴状态", "两项补贴情况", "补贴情况"),
    RISK("风险等级", false, "风险等级", "风险"),
    GUARDIAN_NAME("监护人姓名", false, "监护人姓名", "监护人"),
    GUARDIAN_RELATION("与监护人关系", false, "与监护人关系", "监护人关系", "监护关系"),
    GUARDIAN_PHONE("监护人电话", false, "监护人电话", "监护人联系电话", "监护人手机"),
    NOTE("备注", false, "备注", "说明"),
    SEQUENCE("序号", false, "序号", "编号", "序"),
    IGNORE("（忽略此列）", false);

    private final String label;
    private final boolean required;
    private final List<String> synonyms;

    ImportField(String label, boolean required, String... synonyms) {
        this.label = label;
        this.required = required;
        this.synonyms = List.of(synonyms);
    }

    public String label() {
        return label;
    }

    public boolean required() {
        return required;
    }

    /** Header cell text as compared: no spaces, asterisks or colons; full-width brackets made ASCII. */
    static String normalizeHeader(String h) {
        if (h == null) {
            return "";
        }
        return h.replace('（', '(')
                .replace('）', ')')
                .replace('／', '/')
                .replaceAll("[\\s*＊:：\u3000]", "")
                .toLowerCase(Locale.ROOT);
    }

    /** The field a header names, or null when unknown. */
    static ImportField recognize(String header) {
        String h = normalizeHeader(header);
        if (h.isEmpty()) {
            return null;
        }
        for (ImportField f : values()) {
            for (String s : f.synonyms) {
                if (normalizeHeader(s).equals(h)) {
                    return f;
                }
            }
        }
        return null;
    }

    /**
     * The field a header that {@link #recognize} does not know plainly names by its key word (所属村（社区）名单 →
     * 村(社区)), or null. Used to stop such a column from being dropped without anyone deciding so.
     */
    static ImportField resembles(String header) {
        String h = normalizeHeader(header);
        if (h.isEmpty()) {
            return null;
        }
        if (h.contains("身份证") || h.contains("身份号码")) {
            return ID_NUMBER;
        }
        if (h.contains("监护人")) {
            return null;
        }
        if (h.contains("姓名")) {
            return NAME;
        }
        if (h.contains("村") || h.contains("社区") || h.contains("嘎查")) {
            return VILLAGE;
        }
        if (h.contains("电话") || h.contains("手机")) {
            return PHONE;
        }
        if (h.contains("类别") || h.contains("人员类型") || h.contains("对象类型")) {
            return CATEGORY;
        }
        if (h.contains("住址") || h.contains("地址")) {
            return ADDRESS;
        }
        return null;
    }

    /** The headers of the downloadable template, in order. */
    static List<ImportField> templateFields() {
        return List.of(
                SEQUENCE,
                NAME,
                GENDER,
                ID_NUMBER,
                PHONE,
                ADDRESS,
                VILLAGE,
                CATEGORY,
                DISABILITY_TYPE,
                DISABILITY_GRADE,
                SUBSIDY,
                RISK,
                GUARDIAN_NAME,
                GUARDIAN_RELATION,
                GUARDIAN_PHONE,
                NOTE);
    }
}
