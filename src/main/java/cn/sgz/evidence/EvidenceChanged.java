package cn.sgz.evidence;

/**
 * The evidence of an owner changed: a photo was added or removed, or one of its photos was found to
 * be a duplicate (or to be the original that a later photo duplicates). Published inside the
 * transaction that made the change; owners recompute their qualification when they hear it.
 */
public record EvidenceChanged(String ownerType, long ownerId, String cause) {}
