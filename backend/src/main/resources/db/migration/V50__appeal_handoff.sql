-- Handing a contentious appeal to a lawyer (fr.passerelle.appeals, docs/api-appeals.md).
-- Tenant-owned, under the same row-level security as app.cases: a lawyer who works with
-- several associations reads each one's rows as that association, never across.

-- The applicant's consent to share the case with a lawyer (RGPD art. 6(1)(a) and 9(2)(a): the
-- case holds data on health, family and status), or a coordinator's override of it with a
-- reason. At most one in force per case; a withdrawn one stays as evidence.
CREATE TABLE appeal_consents (
    id                 uuid PRIMARY KEY,
    tenant_id          text NOT NULL REFERENCES associations (slug),
    case_id            uuid NOT NULL,
    kind               text NOT NULL CHECK (kind IN ('CONSENT', 'OVERRIDE')),
    -- the document the consent was given on (a signed form, an e-mail...), and the uploaded copy if any
    document_note      text CHECK (length(document_note) <= 500),
    document_id        uuid,
    -- an override's reason
    reason             text CHECK (length(reason) <= 4000),
    recorded_by_id     text NOT NULL,
    recorded_by_name   text NOT NULL,
    recorded_at        timestamptz NOT NULL,
    withdrawn_at       timestamptz,
    withdrawn_by_id    text,
    withdrawn_by_name  text,
    withdrawal_reason  text CHECK (length(withdrawal_reason) <= 4000),
    CHECK (kind = 'CONSENT' AND document_note IS NOT NULL OR kind = 'OVERRIDE' AND reason IS NOT NULL),
    FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, document_id) REFERENCES case_documents (tenant_id, id) ON DELETE SET NULL (document_id)
);
CREATE UNIQUE INDEX appeal_consents_in_force ON appeal_consents (tenant_id, case_id) WHERE withdrawn_at IS NULL;

-- An offer of a case's contentious appeal to named lawyers or to the association's pool. The
-- summary is what a lawyer sees before accepting (no identity, no document). The first
-- acceptance wins: status goes from OPEN to ACCEPTED once, under the row's lock. An accepted
-- offer is the lawyer's grant on the appeal part of the case until ended_at.
CREATE TABLE appeal_offers (
    id                   uuid PRIMARY KEY,
    tenant_id            text NOT NULL REFERENCES associations (slug),
    case_id              uuid NOT NULL,
    process_instance_id  text NOT NULL,
    task_id              text NOT NULL,
    pool                 boolean NOT NULL,
    offered_to           text[] NOT NULL CHECK (cardinality(offered_to) > 0),
    summary              jsonb NOT NULL,
    due                  timestamptz,
    offered_by_id        text NOT NULL,
    offered_by_name      text NOT NULL,
    offered_at           timestamptz NOT NULL,
    status               text NOT NULL CHECK (status IN ('OPEN', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'EXPIRED')),
    accepted_by          text,
    accepted_by_name     text,
    accepted_at          timestamptz,
    ended_at             timestamptz,
    end_reason           text CHECK (length(end_reason) <= 4000),
    CHECK (status <> 'ACCEPTED' OR accepted_by IS NOT NULL),
    FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX appeal_offers_by_case ON appeal_offers (tenant_id, case_id);
CREATE INDEX appeal_offers_offered_to ON appeal_offers USING gin (offered_to);
-- one open offer per appeal at a time
CREATE UNIQUE INDEX appeal_offers_one_open ON appeal_offers (tenant_id, process_instance_id) WHERE status = 'OPEN';

CREATE TABLE appeal_offer_declines (
    offer_id     uuid NOT NULL REFERENCES appeal_offers (id) ON DELETE CASCADE,
    tenant_id    text NOT NULL REFERENCES associations (slug),
    lawyer_id    text NOT NULL,
    lawyer_name  text NOT NULL,
    reason       text NOT NULL CHECK (length(reason) BETWEEN 1 AND 4000),
    declined_at  timestamptz NOT NULL,
    PRIMARY KEY (offer_id, lawyer_id)
);

ALTER TABLE appeal_consents ENABLE ROW LEVEL SECURITY;
ALTER TABLE appeal_consents FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON appeal_consents
    USING (tenant_id = current_setting('passerelle.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('passerelle.tenant_id', true));
ALTER TABLE appeal_offers ENABLE ROW LEVEL SECURITY;
ALTER TABLE appeal_offers FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON appeal_offers
    USING (tenant_id = current_setting('passerelle.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('passerelle.tenant_id', true));
ALTER TABLE appeal_offer_declines ENABLE ROW LEVEL SECURITY;
ALTER TABLE appeal_offer_declines FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON appeal_offer_declines
    USING (tenant_id = current_setting('passerelle.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('passerelle.tenant_id', true));

GRANT SELECT, INSERT, UPDATE ON appeal_consents, appeal_offers TO ${appRole};
GRANT SELECT, INSERT ON appeal_offer_declines TO ${appRole};
