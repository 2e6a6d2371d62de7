-- When a webhook's secret was last rotated: for herald.subscriptions.webhooks.rotation-grace after it, requests
-- carry webhook.previousSecretUntil and deliveries are signed with the previous secret too.
alter table endpoint add column secret_rotated_at timestamptz;

-- The HTTP status code of a delivery's latest attempt (webhooks, push services), from the outcome's responseStatus.
alter table delivery add column response_status integer;
