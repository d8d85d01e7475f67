package cn.sgz.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrgUnitViewTest {

    private static OrgUnitView unit(String path) {
        return new OrgUnitView(1, null, OrgUnitType.ROOM, path, null, path, 0, true, null, null, null, 0);
    }

    @Test
    void treeOrderPutsParentsFirstAndComparesIdsNumerically() {
        List<OrgUnitView> units = new ArrayList<>(
                List.of(unit("/1/2/13/"), unit("/1/2/7/"), unit("/1/2/"), unit("/1/2/7/20/"), unit("/1/")));
        units.sort(OrgUnitView.TREE_ORDER);
        assertThat(units)
                .extracting(OrgUnitView::path)
                .containsExactly("/1/", "/1/2/", "/1/2/7/", "/1/2/7/20/", "/1/2/13/");
    }
}
