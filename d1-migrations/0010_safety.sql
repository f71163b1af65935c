-- Safety firewall (issue 5): the findings of each request, as a JSON array of
-- {category, detector, label, direction, source, action, fingerprint}. The fingerprint is the first 16 hex characters
-- of SHA-256 of the matched text; the matched text itself is never stored. NULL = nothing found (or nothing scanned).
ALTER TABLE request_log ADD COLUMN safety TEXT;
