/**
 * 社区社会组织与志愿服务: community social organisations and their backbone members, volunteers, teams and
 * their hours, trainings, supervision, exam preparation and the station document library (制度上墙). Activities,
 * trainings and supervision are service records of the activity module (only their ids are kept here), so a
 * figure counts only when the record's evidence counts. Feeds the indicator engine through
 * {@link cn.sgz.progress.EntityFactSource} and {@link cn.sgz.progress.DocumentFactSource}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"activity", "catalog", "evidence", "org", "progress", "shared"},
        displayName = "社区组织与志愿服务")
package cn.sgz.community;
