/** 门户: navigation by role and the home page of each role; composes the other modules' views. */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "activity",
            "casework",
            "catalog",
            "evaluation",
            "evidence",
            "feedback",
            "org",
            "progress",
            "recipient",
            "reporting",
            "shared"
        },
        displayName = "门户")
package cn.sgz.portal;
