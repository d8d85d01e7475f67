/**
 * 慈善台账: community charity funds (社区慈善救助基金 / 社区服务专项基金) kept with partner charity
 * organisations, money co-raised into them (corrected only by reversing entries), charity projects with
 * their promotion events, and relief events with the amount each person received. Promotions and relief
 * events are service records of the activity module (so their evidence decides whether they count);
 * the figures feed the indicator engine through {@link cn.sgz.progress.EntityFactSource}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"activity", "catalog", "evidence", "org", "progress", "shared"},
        displayName = "慈善台账")
package cn.sgz.charity;
