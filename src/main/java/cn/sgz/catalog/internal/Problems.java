package cn.sgz.catalog.internal;

import cn.sgz.shared.BusinessException;
import cn.sgz.shared.BusinessException.FieldProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem of an imported file, each with where it is ("第12行", "工作表“服务清单”第5行 D列"),
 * so a person sees all of them at once. Nothing is written while there are any.
 */
final class Problems {

    static final int LIMIT = 200;

    private final List<FieldProblem> list = new ArrayList<>();

    void add(String where, String message) {
        if (list.size() < LIMIT) {
            list.add(new FieldProblem(where, where == null || where.isEmpty() ? message : where + "：" + message));
        }
    }

    /** A problem already found, added as it is (its location and message unchanged). */
    void addAsIs(FieldProblem problem) {
        if (list.size() < LIMIT) {
            list.add(problem);
        }
    }

    /** True when a problem was already reported at this location (a follow-on message would only repeat it). */
    boolean has(String where) {
        return where != null && !where.isEmpty() && list.stream().anyMatch(f -> where.equals(f.field()));
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    List<FieldProblem> list() {
        return List.copyOf(list);
    }

    void throwIfAny(String what) {
        if (!list.isEmpty()) {
            throw new BusinessException(
                    "CATALOG_INVALID",
                    what + "有 " + list.size() + (list.size() >= LIMIT ? "+" : "") + " 处错误，未导入任何内容："
                            + list.get(0).message(),
                    list);
        }
    }
}
