-- Security hardening (issue 18, findings 9 and 8).
-- API tokens may carry an expiry; NULL never expires.
ALTER TABLE api_token ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;

-- TOTP two-factor login: the shared secret (base32; set when enrolment starts), whether enrolment was
-- confirmed, the last time step accepted (a code is good once), and SHA-256 hashes of unused recovery codes.
ALTER TABLE app_user ADD COLUMN totp_secret VARCHAR(64);
ALTER TABLE app_user ADD COLUMN totp_enabled BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE app_user ADD COLUMN totp_last_step BIGINT;
ALTER TABLE app_user ADD COLUMN totp_recovery VARCHAR(1000);
