/**
 * Shared kernel: error types every module throws, the API error format, the audit event record.
 * Open so that every module may use these few types without a module dependency cycle.
 */
@org.springframework.modulith.ApplicationModule(
        type = org.springframework.modulith.ApplicationModule.Type.OPEN,
        displayName = "共享内核")
package cn.sgz.shared;
