-- Request tags (Python SDK runs, issue 7): the `x-iron-tags` header of an agent call, as a JSON array of strings.
-- NULL = untagged. Filtered in GET /api/v1/requests?tag=… with json_each (no index: the filter runs inside the
-- caller's other conditions — agent, time range — which are indexed).
ALTER TABLE request_log ADD COLUMN tags TEXT;
