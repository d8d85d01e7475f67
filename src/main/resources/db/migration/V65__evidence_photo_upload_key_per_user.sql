-- Security hardening (issue 18, finding 10): upload ids (idempotency keys) belong to the uploader, so
-- one user's key can neither collide with nor replay another user's photo.
DROP INDEX ux_evidence_photo_upload_key;
CREATE UNIQUE INDEX ux_evidence_photo_uploader_key ON evidence_photo (uploaded_by, upload_key);
