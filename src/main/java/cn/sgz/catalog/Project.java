package cn.sgz.catalog;

import cn.sgz.evidence.EvidencePolicy;
import java.time.LocalDate;
import java.util.List;

/**
 * 购买服务项目: the bureau's contract with an agency for some stations, on one catalog version and
 * tier. Each station is evaluated independently (每个乡镇、街道均需按此服务清单独立完成).
 *
 * @param stationIds every station of the project (callers see names only for stations in their scope)
 * @param optionalItemIds the OPTIONAL items chosen; with the MANDATORY items they are what is evaluated
 */
public record Project(
        long id,
        String name,
        long bureauId,
        String bureauName,
        long agencyId,
        String agencyName,
        long catalogId,
        String catalogName,
        int catalogVersion,
        String tier,
        String tierLabel,
        LocalDate startDate,
        LocalDate endDate,
        List<Long> stationIds,
        List<Long> optionalItemIds,
        EvidencePolicy evidencePolicy,
        long version) {

    public Project {
        stationIds = List.copyOf(stationIds);
        optionalItemIds = List.copyOf(optionalItemIds);
    }
}
