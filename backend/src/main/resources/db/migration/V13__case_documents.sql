-- Uploaded files: metadata, and the content in chunks so that a download streams with flat
-- memory. Both under row-level security: a file is only ever read as its association.
CREATE TABLE case_documents (
    id                uuid PRIMARY KEY,
    tenant_id         text NOT NULL,
    case_id           uuid NOT NULL,
    piece             text NOT NULL CHECK (piece ~ '^[a-z0-9-]{1,60}$'),
    filename          text NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
    content_type      text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes        bigint NOT NULL CHECK (size_bytes > 0),
    sha256            text NOT NULL,
    uploaded_at       timestamptz NOT NULL,
    uploaded_by_id    text NOT NULL,
    uploaded_by_name  text,
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX case_documents_case ON case_documents (tenant_id, case_id, piece);

CREATE TABLE case_document_chunks (
    tenant_id    text NOT NULL,
    document_id  uuid NOT NULL,
    seq          integer NOT NULL CHECK (seq >= 0),
    data         bytea NOT NULL,
    PRIMARY KEY (document_id, seq),
    -- checked at commit: the chunks are written first, the document once its size and digest are known
    FOREIGN KEY (tenant_id, document_id) REFERENCES case_documents (tenant_id, id) ON DELETE CASCADE
        DEFERRABLE INITIALLY DEFERRED
);

ALTER TABLE case_documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_documents FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON case_documents
    USING (tenant_id = current_setting('passerelle.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('passerelle.tenant_id', true));
ALTER TABLE case_document_chunks ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_document_chunks FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON case_document_chunks
    USING (tenant_id = current_setting('passerelle.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('passerelle.tenant_id', true));

-- A document is written once: added and removed, never rewritten.
GRANT SELECT, INSERT, DELETE ON case_documents, case_document_chunks TO ${appRole};
