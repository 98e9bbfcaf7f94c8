-- The reminders' outbox (alerts.Reminders): one row per task deadline and threshold (7 days
-- before, 2 days, the day, at once, half time...), written by the alerts' listener in the
-- engine's own transaction, the one that creates the task or moves its date, so a reminder
-- exists exactly when its deadline does. Any node's dispatcher claims due rows with
-- SELECT ... FOR UPDATE SKIP LOCKED and marks them sent in the same transaction: the unique
-- key and the lock keep one message per (task, due date, threshold), whatever the number of nodes.
-- Tenant-owned, under the same row-level security as app.cases.

CREATE TABLE reminders (
    id               bigserial PRIMARY KEY,
    tenant_id        text NOT NULL REFERENCES associations (slug),
    task_id          text NOT NULL,
    case_id          uuid NOT NULL,
    step             text NOT NULL,
    task_key         text NOT NULL,
    task_name        text NOT NULL,
    task_name_en     text NOT NULL DEFAULT '',
    rule             text,
    -- the time zone the deadline is shown in (the case's department's)
    zone             text NOT NULL DEFAULT 'Europe/Paris',
    due              timestamptz NOT NULL,
    threshold        text NOT NULL,
    send_at          timestamptz NOT NULL,
    -- PENDING until sent; CANCELLED when the task ended or its date moved; FAILED after the last
    -- attempt (shown to the coordinator); DIGEST when its recipient reads a daily digest instead
    status           text NOT NULL DEFAULT 'PENDING'
                     CHECK (status IN ('PENDING', 'SENT', 'CANCELLED', 'FAILED', 'DIGEST')),
    attempts         integer NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz,
    last_error       text,
    recipients       text,
    sent_at          timestamptz,
    created          timestamptz NOT NULL DEFAULT now(),
    UNIQUE (task_id, due, threshold),
    FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX reminders_to_send ON reminders (tenant_id, send_at) WHERE status = 'PENDING';
CREATE INDEX reminders_by_task ON reminders (tenant_id, task_id);
CREATE INDEX reminders_failed ON reminders (tenant_id, send_at) WHERE status = 'FAILED';

ALTER TABLE reminders ENABLE ROW LEVEL SECURITY;
ALTER TABLE reminders FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON reminders
    USING (tenant_id = current_setting('passerelle.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('passerelle.tenant_id', true));

GRANT SELECT, INSERT, UPDATE, DELETE ON reminders TO ${appRole};
GRANT USAGE ON SEQUENCE reminders_id_seq TO ${appRole};

-- A member's choice of one daily digest instead of single reminders (alerts.AlertSettings).
CREATE TABLE alert_settings (
    tenant_id  text NOT NULL REFERENCES associations (slug),
    user_id    text NOT NULL,
    digest     boolean NOT NULL DEFAULT false,
    updated    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, user_id)
);
ALTER TABLE alert_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE alert_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON alert_settings
    USING (tenant_id = current_setting('passerelle.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('passerelle.tenant_id', true));
GRANT SELECT, INSERT, UPDATE, DELETE ON alert_settings TO ${appRole};

-- The daily digests' outbox: one per member and day, claimed and sent like a reminder.
CREATE TABLE digests (
    tenant_id        text NOT NULL REFERENCES associations (slug),
    user_id          text NOT NULL,
    day              date NOT NULL,
    status           text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts         integer NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz,
    last_error       text,
    sent_at          timestamptz,
    PRIMARY KEY (tenant_id, user_id, day)
);
ALTER TABLE digests ENABLE ROW LEVEL SECURITY;
ALTER TABLE digests FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON digests
    USING (tenant_id = current_setting('passerelle.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('passerelle.tenant_id', true));
GRANT SELECT, INSERT, UPDATE, DELETE ON digests TO ${appRole};

-- Personal calendar feeds (alerts.CalendarFeeds): the URL carries the association and a long
-- random token; only the token's SHA-256 is kept, so the table leaks no working URL. Revoked
-- feeds keep their row (revoked set) and answer 404.
CREATE TABLE calendar_feeds (
    id          uuid PRIMARY KEY,
    tenant_id   text NOT NULL REFERENCES associations (slug),
    user_id     text NOT NULL,
    token_hash  text NOT NULL UNIQUE,
    created     timestamptz NOT NULL DEFAULT now(),
    revoked     timestamptz
);
CREATE UNIQUE INDEX calendar_feeds_one_active ON calendar_feeds (tenant_id, user_id) WHERE revoked IS NULL;
ALTER TABLE calendar_feeds ENABLE ROW LEVEL SECURITY;
ALTER TABLE calendar_feeds FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON calendar_feeds
    USING (tenant_id = current_setting('passerelle.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('passerelle.tenant_id', true));
GRANT SELECT, INSERT, UPDATE ON calendar_feeds TO ${appRole};
