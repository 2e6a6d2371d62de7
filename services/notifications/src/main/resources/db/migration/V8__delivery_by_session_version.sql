-- The progress of a session version's fan-out (GET /api/operator/sessions/{id}/progress), polled by the console.
create index delivery_session_version_idx on delivery (session_id, session_version) where kind = 'CHANGE';
