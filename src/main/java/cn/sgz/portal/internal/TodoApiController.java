package cn.sgz.portal.internal;

import cn.sgz.portal.TodoList;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in worker's to-do list, as on the home page. */
@RestController
@Tag(name = "工作台", description = "待办清单")
class TodoApiController {

    private final TodoService todo;

    TodoApiController(TodoService todo) {
        this.todo = todo;
    }

    @GetMapping("/api/v1/me/todo")
    @Operation(
            summary = "我的待办清单",
            description = "按优先顺序：到期和逾期的回访；台账中尚未入户评估的人；不计入的服务记录（原因和去补救的页面）；"
                    + "到期的个案和小组服务；逾期或待处理的报告与整改事项。每行带去处理的页面地址。"
                    + "驻站社工看本人登记的记录和本人负责的个案小组；不做站点工作的角色返回空清单。")
    TodoList todo(@Parameter(description = "每组最多列出几行（1–50，默认6）") @RequestParam(required = false) Integer lines) {
        return todo.current(lines == null ? TodoService.LINES : Math.max(1, Math.min(50, lines)));
    }
}
