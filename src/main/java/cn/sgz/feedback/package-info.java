/**
 * 意见反馈和投诉渠道: residents, service recipients and their families reach the county bureau about a
 * station without an account — from the station's public page or its QR poster they send a complaint,
 * suggestion, praise or question (with up to three photos), get a receipt number and a query code, and
 * later read the bureau's reply; they also answer the bureau's satisfaction questionnaire anonymously.
 * The public pages ({@code /feedback/**}) are a separate surface: no session, CSRF in a cookie,
 * per-IP and per-phone limits counted in the database, a server-side arithmetic challenge, and no
 * personal data in any answer. The bureau that owns the station handles every case (受理 → 办理 → 答复 →
 * 回访 → 办结) within configurable deadlines; the agency concerned only sees a case it is asked to explain.
 * {@link cn.sgz.feedback.SatisfactionResults} publishes per-station questionnaire results.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"activity", "evaluation", "evidence", "org", "shared"},
        displayName = "意见反馈与满意度")
package cn.sgz.feedback;
