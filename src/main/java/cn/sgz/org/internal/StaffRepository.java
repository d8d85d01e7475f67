package cn.sgz.org.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface StaffRepository extends JpaRepository<Staff, Long> {

    List<Staff> findByStationIdInOrderByStationIdAscNameAsc(Collection<Long> stationIds);
}
