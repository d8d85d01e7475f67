-- Security hardening (issue 18, finding 9): API tokens may carry an expiry; NULL never expires.
ALTER TABLE api_token ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
