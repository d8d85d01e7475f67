/**
 * 离线记录 (issue 21): the worker's working set for the phone (due follow-ups and the station's people, masked as
 * online; the worker's open cases), and the idempotent sync of entries made without a signal — keyed on the phone's own id, with the phone's
 * capture time kept apart from the server's receive time. Writes go through the ledger and service-record APIs, so
 * scope, validation and the evidence rules are the same as online.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"activity", "casework", "evidence", "org", "recipient", "shared"},
        displayName = "离线记录")
package cn.sgz.offline;
