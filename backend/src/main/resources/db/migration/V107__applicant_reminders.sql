-- Reminders to the applicant (issue 23), only with their consent. The consent (status module): one row per
-- case and channel, who recorded it and when, and who withdrew it and when (withdrawn set: nothing is sent
-- any more). 'EMAIL' only for now; a text message channel needs a provider first. Keyed by case (cascading
-- with it) so that erasing the case's applicant reaches it. Every change is also in the case's audit.
CREATE TABLE status_reminder_consents (
    tenant_id    text NOT NULL REFERENCES associations (slug),
    case_id      uuid NOT NULL,
    channel      text NOT NULL CHECK (channel IN ('EMAIL')),
    consented    timestamptz NOT NULL,
    consented_by text NOT NULL,
    withdrawn    timestamptz,
    withdrawn_by text,
    PRIMARY KEY (tenant_id, case_id, channel),
    FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id) ON DELETE CASCADE
);
ALTER TABLE status_reminder_consents ENABLE ROW LEVEL SECURITY;
ALTER TABLE status_reminder_consents FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON status_reminder_consents
    USING (tenant_id = current_setting('passerelle.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('passerelle.tenant_id', true));
GRANT SELECT, INSERT, UPDATE, DELETE ON status_reminder_consents TO ${appRole};

-- The applicant's messages' outbox (alerts module), sent by the same dispatcher as the staff's reminders,
-- with the same retries. The message is written when it is planned, in the applicant's language, to the
-- address of their applicant record at that time; send_key (case, date, threshold) keeps one per reminder.
-- A withdrawn consent cancels what is still pending. Keyed by case (cascading with it).
CREATE TABLE applicant_messages (
    id              bigserial PRIMARY KEY,
    tenant_id       text NOT NULL REFERENCES associations (slug),
    case_id         uuid NOT NULL,
    channel         text NOT NULL CHECK (channel IN ('EMAIL')),
    address         text NOT NULL,
    language        text NOT NULL,
    subject         text NOT NULL,
    body            text NOT NULL,
    send_key        text NOT NULL,
    send_at         timestamptz NOT NULL,
    status          text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'CANCELLED', 'FAILED')),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz,
    last_error      text,
    sent_at         timestamptz,
    created         timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, case_id, send_key),
    FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX applicant_messages_pending ON applicant_messages (tenant_id, send_at) WHERE status = 'PENDING';
ALTER TABLE applicant_messages ENABLE ROW LEVEL SECURITY;
ALTER TABLE applicant_messages FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON applicant_messages
    USING (tenant_id = current_setting('passerelle.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('passerelle.tenant_id', true));
GRANT SELECT, INSERT, UPDATE, DELETE ON applicant_messages TO ${appRole};
GRANT USAGE ON SEQUENCE applicant_messages_id_seq TO ${appRole};
