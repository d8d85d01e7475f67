package cn.sgz.recipient;

import cn.sgz.shared.vocabulary.Labelled;

/** 残疾类别 as on the 残疾人证. */
public enum DisabilityType implements Labelled {
    VISUAL("视力残疾"),
    HEARING("听力残疾"),
    SPEECH("言语残疾"),
    PHYSICAL("肢体残疾"),
    INTELLECTUAL("智力残疾"),
    MENTAL("精神残疾"),
    MULTIPLE("多重残疾");

    private final String label;

    DisabilityType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
