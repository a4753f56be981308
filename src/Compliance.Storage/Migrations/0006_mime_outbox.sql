-- 0006: alert mail is recorded as a MIME message (sent to Graph sendMail base64-encoded with Content-Type text/plain),
-- no longer as a JSON request body. Messages recorded before the upgrade keep their JSON and are sent as JSON.
ALTER TABLE alert_outbox RENAME COLUMN payload_json TO payload;
ALTER TABLE alert_outbox ADD COLUMN payload_format TEXT NOT NULL DEFAULT 'json';   -- json | mime
