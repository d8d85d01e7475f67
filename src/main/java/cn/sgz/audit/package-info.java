/** 审计: the append-only trail of writes, logins and views of personal records. */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"org", "shared"},
        displayName = "审计")
package cn.sgz.audit;
