-- Prefecture kits (issue 23): how an association adjusts the catalogue's checklists
-- (checklists/checklists.json) for the prefecture of one department. Owned by cases.

-- One row per piece adjusted on one list ("list": a ground's article, or "renewal"). A piece of the
-- catalogue's list may be removed or given a local note; a piece the kit adds has its labels (French and
-- English) and says whether it is required. Withdrawing an added piece keeps its row (removed = true):
-- a case that recorded it still shows it under its label.
CREATE TABLE prefecture_kit_pieces (
    tenant_id   text NOT NULL REFERENCES associations (slug),
    department  text NOT NULL CHECK (department ~ '^(0[1-9]|1[0-9]|2[1-9AB]|[3-8][0-9]|9[0-5]|97[1-46])$'),
    list        text NOT NULL CHECK (list ~ '^(L[0-9]{3}-[0-9]{1,2}|renewal)$'),
    piece       text NOT NULL CHECK (piece ~ '^[a-z0-9-]{1,60}$'),
    label_fr    text CHECK (length(label_fr) BETWEEN 1 AND 300),
    label_en    text CHECK (length(label_en) BETWEEN 1 AND 300),
    required    boolean NOT NULL DEFAULT true,
    removed     boolean NOT NULL DEFAULT false,
    note_fr     text CHECK (length(note_fr) BETWEEN 1 AND 500),
    note_en     text CHECK (length(note_en) BETWEEN 1 AND 500),
    updated_at  timestamptz NOT NULL,
    updated_by  text NOT NULL,
    PRIMARY KEY (tenant_id, department, list, piece),
    CHECK ((label_fr IS NULL) = (label_en IS NULL)),
    CHECK (note_en IS NULL OR note_fr IS NOT NULL)
);

-- Who changed which kit, how and when: appended, never changed (the editor's history).
CREATE TABLE prefecture_kit_changes (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   text NOT NULL REFERENCES associations (slug),
    department  text NOT NULL,
    list        text,
    piece       text,
    change      text NOT NULL CHECK (change IN ('ADDED', 'REMOVED', 'RESTORED', 'NOTED', 'NOTE_CLEARED',
                                                'REQUIRED', 'OPTIONAL', 'PUBLISHED', 'UNPUBLISHED', 'COPIED')),
    detail      text CHECK (length(detail) <= 2000),
    by_id       text NOT NULL,
    by_name     text,
    at          timestamptz NOT NULL
);
CREATE INDEX prefecture_kit_changes_kit ON prefecture_kit_changes (tenant_id, department, at DESC);

-- A kit an association published for the other associations of the department to start from: a copy
-- of its pieces as they were when published (later edits stay private until published again), with no
-- one's name in it. Readable by every association; written only by its own.
CREATE TABLE shared_prefecture_kits (
    tenant_id     text NOT NULL REFERENCES associations (slug),
    department    text NOT NULL CHECK (department ~ '^(0[1-9]|1[0-9]|2[1-9AB]|[3-8][0-9]|9[0-5]|97[1-46])$'),
    pieces        jsonb NOT NULL CHECK (jsonb_typeof(pieces) = 'array'),
    published_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, department)
);

ALTER TABLE prefecture_kit_pieces ENABLE ROW LEVEL SECURITY;
ALTER TABLE prefecture_kit_pieces FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON prefecture_kit_pieces
    USING (tenant_id = current_setting('passerelle.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('passerelle.tenant_id', true));

ALTER TABLE prefecture_kit_changes ENABLE ROW LEVEL SECURITY;
ALTER TABLE prefecture_kit_changes FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON prefecture_kit_changes
    USING (tenant_id = current_setting('passerelle.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('passerelle.tenant_id', true));

-- The one table read across associations: the tenant policy for every command, and a second permissive
-- policy for SELECT only, so any association reads every published copy (and nothing else: the kits'
-- working rows and their history stay under the tenant policy alone) but writes only its own.
ALTER TABLE shared_prefecture_kits ENABLE ROW LEVEL SECURITY;
ALTER TABLE shared_prefecture_kits FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON shared_prefecture_kits
    USING (tenant_id = current_setting('passerelle.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('passerelle.tenant_id', true));
CREATE POLICY shared_read ON shared_prefecture_kits FOR SELECT
    USING (true);

GRANT SELECT, INSERT, UPDATE, DELETE ON prefecture_kit_pieces, shared_prefecture_kits TO ${appRole};
GRANT SELECT, INSERT ON prefecture_kit_changes TO ${appRole};
