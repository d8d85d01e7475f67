package cn.sgz.org.internal;

import cn.sgz.org.OrgUnitType;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OrgUnitRepository extends JpaRepository<OrgUnit, Long> {

    List<OrgUnit> findByPathStartingWithOrderByPath(String pathPrefix);

    List<OrgUnit> findByParentIdAndTypeAndActiveTrue(Long parentId, OrgUnitType type);

    List<OrgUnit> findByPathStartingWithAndTypeOrderByPath(String pathPrefix, OrgUnitType type);

    List<OrgUnit> findByParentIdAndName(Long parentId, String name);

    long countByParentIdAndActiveTrue(Long parentId);

    /** Re-roots a whole subtree in one statement: the new prefix replaces the old one, levels shift. */
    @Modifying
    @Query(
            value =
                    "UPDATE org_unit SET path = :newPrefix || SUBSTR(path, :oldLength + 1), level = level + :levelDelta "
                            + "WHERE path LIKE :oldPrefix || '%'",
            nativeQuery = true)
    int rebase(
            @Param("oldPrefix") String oldPrefix,
            @Param("oldLength") int oldLength,
            @Param("newPrefix") String newPrefix,
            @Param("levelDelta") int levelDelta);
}
