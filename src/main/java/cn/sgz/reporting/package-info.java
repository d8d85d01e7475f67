/**
 * 报表与报送: the periodic reports of each station (月报、季报、半年报、年报) with their submission chain
 * (station head submits, agency manager reviews, bureau receives or returns), figures taken from the
 * indicator engine as of the period's end and frozen on submission, Word and Excel files of each
 * report, the county's quarterly bulletin (季度通报), (Word files through the shared writer {@link cn.sgz.shared.docx.GovDocx}).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "activity",
            "casework",
            "catalog",
            "charity",
            "community",
            "evidence",
            "feedback",
            "finance",
            "org",
            "progress",
            "recipient",
            "shared"
        },
        displayName = "报表与报送")
package cn.sgz.reporting;
