package cn.sgz.evaluation.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Puts the built-in example rubric (服务设施、人员配备、服务内容、运行管理、服务满意度) into the database once. */
@Component
@Order(5)
class BuiltinRubric implements ApplicationRunner {

    private final RubricService rubrics;

    BuiltinRubric(RubricService rubrics) {
        this.rubrics = rubrics;
    }

    @Override
    public void run(ApplicationArguments args) {
        rubrics.ensureBuiltin();
    }
}
