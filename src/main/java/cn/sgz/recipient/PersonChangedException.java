package cn.sgz.recipient;

import cn.sgz.shared.ConflictException;

/**
 * An entry made offline would change a person whose record was changed online meanwhile (issue 21): the server
 * does not overwrite, it answers 409 with both versions so the worker chooses.
 *
 * @param serverRisk the risk level stored now
 * @param serverVersion the person's version stored now
 * @param mineRisk the risk level the entry wants to set
 * @param baseRisk the risk level the phone showed when the entry was made
 * @param baseVersion the version the phone had
 */
public class PersonChangedException extends ConflictException {

    private final long recipientId;
    private final String name;
    private final RiskLevel serverRisk;
    private final long serverVersion;
    private final RiskLevel mineRisk;
    private final RiskLevel baseRisk;
    private final Long baseVersion;

    public PersonChangedException(
            long recipientId,
            String name,
            RiskLevel serverRisk,
            long serverVersion,
            RiskLevel mineRisk,
            RiskLevel baseRisk,
            Long baseVersion) {
        super("“" + name + "”的台账信息在您离线期间已被他人修改（风险等级现为" + label(serverRisk) + "），请选择保留哪一个风险等级后再同步");
        this.recipientId = recipientId;
        this.name = name;
        this.serverRisk = serverRisk;
        this.serverVersion = serverVersion;
        this.mineRisk = mineRisk;
        this.baseRisk = baseRisk;
        this.baseVersion = baseVersion;
    }

    private static String label(RiskLevel r) {
        return r == null ? "未评定" : r.label();
    }

    public long recipientId() {
        return recipientId;
    }

    public String name() {
        return name;
    }

    public RiskLevel serverRisk() {
        return serverRisk;
    }

    public long serverVersion() {
        return serverVersion;
    }

    public RiskLevel mineRisk() {
        return mineRisk;
    }

    public RiskLevel baseRisk() {
        return baseRisk;
    }

    public Long baseVersion() {
        return baseVersion;
    }
}
