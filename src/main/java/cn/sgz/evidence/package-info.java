/**
 * 佐证材料: photos and files of service records — storage behind {@link cn.sgz.evidence.FileStore},
 * content checks, EXIF capture time and place, watermark stamping, the shared duplicate-photo index
 * (perceptual hash bands in the database, confirmed by a second, independent signal) and the
 * qualification rules ({@link cn.sgz.evidence.QualificationRules}) that decide whether a service
 * counts. Knows nothing about who owns a photo beyond an owner type and id: the activity module
 * calls this API and listens to {@link cn.sgz.evidence.EvidenceChanged}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"org", "shared"},
        displayName = "佐证材料")
package cn.sgz.evidence;
