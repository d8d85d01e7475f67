package cn.sgz.recipient;

/** One line of a needs list (需求清单): how many people's latest assessment found this need. */
public record NeedCount(NeedCode need, long people) {

    public String label() {
        return need.label();
    }
}
