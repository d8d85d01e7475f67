package cn.sgz.evidence;

import java.util.List;

/** The verdict on a record's evidence: counts, or excluded with every reason found. */
public record Qualification(QualificationStatus status, List<Reason> reasons) {

    public Qualification {
        reasons = List.copyOf(reasons);
    }

    public boolean counts() {
        return status == QualificationStatus.COUNTS;
    }

    /**
     * One reason; {@code photoId} or {@code entryId} names the offending photo or sign-in entry,
     * {@code detail} says what exactly is wrong (dates, distances).
     */
    public record Reason(ReasonCode code, Long photoId, Long entryId, String detail) {

        public String label() {
            return code.label();
        }

        public String fix() {
            return code.fix();
        }
    }
}
