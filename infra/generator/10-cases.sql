-- One batch of cases with their applicants: the cases of creation rank lo < crank <= hi
-- (psql variables lo, hi), written in creation order as a service would have.
SET synchronous_commit = off;
SET work_mem = '256MB';
SET jit = off;

CREATE TEMP TABLE batch AS
SELECT cp.*, p.seed, p.ref, p.ref_day,
       (cp.created_at AT TIME ZONE 'Europe/Paris')::date AS created_day,
       a.name AS assoc_name, a.city, a.postal, a.variants,
       d.prefecture,
       gen.hash(p.seed, 'applicant', cp.n) AS h4,
       gen.hash(p.seed, 'applicant-b', cp.n) AS h5,
       gen.hash(p.seed, 'applicant-c', cp.n) AS h6,
       gen.hash(p.seed, 'applicant-d', cp.n) AS h7,
       gen.hash(p.seed, 'applicant-e', cp.n) AS h8,
       gen.hash(p.seed, 'case-dates', cp.n) AS h9,
       gen.hash(p.seed, 'case-dates-b', cp.n) AS h10
FROM gen.case_plan cp
CROSS JOIN gen.params p
JOIN gen.assoc a ON a.a = cp.a
JOIN gen.department d ON d.code = cp.dept
WHERE cp.crank > :lo AND cp.crank <= :hi;
ANALYZE batch;

-- The applicant: nationality and the names, languages and ages that go with it; adult when
-- the case was opened, with an entry in France that comes before it.
CREATE TEMP TABLE ap AS
SELECT b.n, b.crank, b.seed, b.ref_day, b.created_day, b.created_at, b.applicant_id, b.tenant_id, b.ground,
       b.assoc_name, b.city, b.postal, b.variants, b.h6, b.h7, b.h8,
       nat.code AS nationality, nat.region, b.sex,
       CASE WHEN gen.u(b.h8, 0) < 0.01 THEN NULL ELSE gen.elem(nm.given, gen.u(b.h4, 2)) END AS first_name,
       gen.elem(nm.family, gen.u(b.h5, 0)) AS last_name,
       CASE WHEN gen.u(b.h4, 3) < nat.alt_share THEN nat.alt_langs ELSE nat.langs END AS languages,
       bd.birth_date,
       CASE b.ground
           WHEN 'L423-22' THEN (bd.birth_date + interval '14 years')::date + floor(gen.u(b.h5, 3) * 700)::int
           WHEN 'L423-21' THEN (bd.birth_date + make_interval(years => 8 + floor(gen.u(b.h5, 3) * 6)::int))::date
                               + floor((gen.u(b.h5, 3) * 6 - floor(gen.u(b.h5, 3) * 6)) * 300)::int
           ELSE b.created_day - 20
                - floor(power(gen.u(b.h5, 3), 0.8)
                        * least(15 * 365, (b.created_day - bd.birth_date) - 16 * 365 - 20))::int
       END AS entry_date
FROM (SELECT b.*, sn.code AS nationality, CASE WHEN gen.u(b.h4, 1) < 0.58 THEN 'm' ELSE 'f' END AS sex
      FROM batch b JOIN gen.slot sn ON sn.name = 'nationality' AND sn.k = gen.pick(10000, gen.u(b.h4, 0))) b
JOIN gen.nationality nat ON nat.code = b.nationality
JOIN gen.names nm ON nm.region = nat.region AND nm.sex = b.sex
CROSS JOIN LATERAL (
    SELECT (b.created_day
            - make_interval(years => CASE b.ground
                                         WHEN 'L423-22' THEN 18 + floor(gen.u(b.h5, 1) * 3)::int
                                         WHEN 'L423-21' THEN 18 + floor(gen.u(b.h5, 1) * 7)::int
                                         ELSE 19 + floor(45 * power(gen.u(b.h5, 1), 1.7))::int END))::date
           - floor(gen.u(b.h5, 2) * 365)::int AS birth_date) bd;
ANALYZE ap;

-- Family ties, as fr.passerelle.cases.Family (JSON as the service writes it: no null fields).
CREATE TEMP TABLE fam AS
SELECT ap.n,
       m.marital,
       CASE WHEN m.marital IN ('MARRIED', 'CIVIL_PARTNERSHIP', 'COHABITING') THEN
           CASE WHEN ap.ground = 'L423-1' THEN 'FRENCH'
                WHEN ap.ground = 'L423-23' THEN
                    CASE WHEN gen.u(ap.h7, 1) < 0.5 THEN 'REGULAR_RESIDENT' WHEN gen.u(ap.h7, 1) < 0.9 THEN 'IRREGULAR'
                         ELSE 'FRENCH' END
                ELSE CASE WHEN gen.u(ap.h7, 1) < 0.4 THEN 'ABROAD' WHEN gen.u(ap.h7, 1) < 0.7 THEN 'IRREGULAR'
                          WHEN gen.u(ap.h7, 1) < 0.9 THEN 'REGULAR_RESIDENT' ELSE 'UNKNOWN' END
           END
       END AS spouse_status,
       CASE WHEN ap.ref_day - ap.birth_date < 22 * 365 THEN 0
            WHEN ap.ground = 'L423-7' THEN 1 + floor(gen.u(ap.h7, 3) * 2)::int
            WHEN ap.ground = 'L423-23' THEN floor(gen.u(ap.h7, 3) * 4)::int
            WHEN m.marital = 'SINGLE' THEN CASE WHEN gen.u(ap.h7, 3) < 0.9 THEN 0 ELSE 1 END
            ELSE floor(gen.u(ap.h7, 3) * 3)::int
       END AS children,
       CASE ap.ground
           WHEN 'L423-21' THEN 1 + floor(gen.u(ap.h7, 2) * 2)::int
           WHEN 'L423-23' THEN CASE WHEN gen.u(ap.h7, 2) < 0.3 THEN 1 ELSE 0 END
           WHEN 'L423-22' THEN CASE WHEN gen.u(ap.h7, 2) < 0.2 THEN 1 ELSE 0 END
           ELSE CASE WHEN gen.u(ap.h7, 2) < 0.1 THEN 1 ELSE 0 END
       END AS relatives
FROM ap
CROSS JOIN LATERAL (SELECT CASE
    WHEN ap.ground = 'L423-1' THEN CASE WHEN gen.u(ap.h7, 0) < 0.85 THEN 'MARRIED' ELSE 'CIVIL_PARTNERSHIP' END
    WHEN gen.u(ap.h8, 1) < 0.1 THEN NULL
    WHEN ap.ground = 'L423-7' THEN CASE WHEN gen.u(ap.h7, 0) < 0.35 THEN 'SINGLE' WHEN gen.u(ap.h7, 0) < 0.55 THEN 'SEPARATED'
                                        WHEN gen.u(ap.h7, 0) < 0.75 THEN 'COHABITING' ELSE 'MARRIED' END
    WHEN ap.ground IN ('L423-21', 'L423-22') THEN CASE WHEN gen.u(ap.h7, 0) < 0.9 THEN 'SINGLE' ELSE 'COHABITING' END
    WHEN ap.ground = 'L423-23' THEN CASE WHEN gen.u(ap.h7, 0) < 0.3 THEN 'SINGLE' WHEN gen.u(ap.h7, 0) < 0.6 THEN 'MARRIED'
                                         WHEN gen.u(ap.h7, 0) < 0.8 THEN 'COHABITING'
                                         WHEN gen.u(ap.h7, 0) < 0.9 THEN 'CIVIL_PARTNERSHIP' ELSE 'SEPARATED' END
    ELSE CASE WHEN gen.u(ap.h7, 0) < 0.5 THEN 'SINGLE' WHEN gen.u(ap.h7, 0) < 0.75 THEN 'MARRIED'
              WHEN gen.u(ap.h7, 0) < 0.83 THEN 'DIVORCED' WHEN gen.u(ap.h7, 0) < 0.93 THEN 'COHABITING' ELSE 'WIDOWED' END
END AS marital) m;
ANALYZE fam;

CREATE TEMP TABLE spouse AS
SELECT ap.n, jsonb_build_object(
           'name', gen.elem(nm.given, gen.u(s.h, 0)) || ' ' || gen.elem(nm.family, gen.u(s.h, 1)),
           'status', f.spouse_status,
           'unionSince', to_char(u.since, 'YYYY-MM-DD'),
           'livingTogetherSince', to_char(greatest((ap.birth_date + interval '18 years')::date,
                                                   u.since - floor(gen.u(s.h, 3) * 700)::int), 'YYYY-MM-DD')
       ) AS spouse
FROM ap
JOIN fam f ON f.n = ap.n AND f.spouse_status IS NOT NULL
CROSS JOIN LATERAL (SELECT CASE WHEN f.spouse_status = 'FRENCH' THEN 'fr' ELSE ap.region END AS region,
                           CASE WHEN ap.sex = 'm' THEN 'f' ELSE 'm' END AS sex,
                           gen.hash(ap.seed, 'spouse', ap.n) AS h) s
JOIN gen.names nm ON nm.region = s.region AND nm.sex = s.sex
CROSS JOIN LATERAL (SELECT greatest((ap.birth_date + interval '18 years')::date,
                                    ap.created_day - 200 - floor(gen.u(s.h, 2) * 2500)::int) AS since) u;

CREATE TEMP TABLE kids AS
SELECT ap.n, jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
           'firstName', gen.elem(nm.given, gen.u(c.h, 1)),
           'birthDate', to_char(c.birth, 'YYYY-MM-DD'),
           'french', (ap.ground = 'L423-7' AND k = 1) OR (ap.ground = 'L423-23' AND gen.u(c.h, 3) < 0.1),
           'livesInFrance', ap.ground IN ('L423-7', 'L423-23') OR gen.u(c.h, 3) < 0.6,
           'contributesToUpkeep', CASE WHEN ap.ground = 'L423-7' THEN true WHEN gen.u(c.h, 3) < 0.5 THEN true END
       )) ORDER BY k) AS children
FROM ap
JOIN fam f ON f.n = ap.n AND f.children > 0
CROSS JOIN LATERAL generate_series(1, f.children) AS k
CROSS JOIN LATERAL (SELECT gen.hash(ap.seed, 'child', ap.n * 8 + k) AS h) hh
CROSS JOIN LATERAL (SELECT hh.h, CASE WHEN gen.u(hh.h, 0) < 0.5 THEN 'm' ELSE 'f' END AS sex,
                           (ap.ref_day - 60
                            - floor(gen.u(hh.h, 2) * least(16 * 365, (ap.ref_day - ap.birth_date) - 18 * 365 - 60))::int)::date
                           AS birth) c
JOIN gen.names nm ON nm.region = ap.region AND nm.sex = c.sex
GROUP BY ap.n;

CREATE TEMP TABLE rels AS
SELECT ap.n, jsonb_agg(jsonb_build_object(
           'relation', r.relation,
           'status', CASE WHEN ap.ground = 'L423-21' THEN
                              CASE WHEN gen.u(r.h, 1) < 0.6 THEN 'REGULAR_RESIDENT' ELSE 'FRENCH' END
                          WHEN ap.ground = 'L423-22' THEN 'IRREGULAR'
                          ELSE CASE WHEN gen.u(r.h, 1) < 0.7 THEN 'REGULAR_RESIDENT' ELSE 'IRREGULAR' END END,
           'name', gen.elem(nm.given, gen.u(r.h, 2)) || ' ' || ap.last_name
       ) ORDER BY k) AS relatives
FROM ap
JOIN fam f ON f.n = ap.n AND f.relatives > 0
CROSS JOIN LATERAL generate_series(1, f.relatives) AS k
CROSS JOIN LATERAL (SELECT gen.hash(ap.seed, 'relative', ap.n * 4 + k) AS h) hh
CROSS JOIN LATERAL (SELECT hh.h,
                           CASE WHEN ap.ground <> 'L423-21' THEN 'SIBLING' WHEN k = 1 THEN 'MOTHER' ELSE 'FATHER' END AS relation,
                           CASE WHEN ap.ground <> 'L423-21' THEN CASE WHEN gen.u(hh.h, 0) < 0.5 THEN 'm' ELSE 'f' END
                                WHEN k = 1 THEN 'f' ELSE 'm' END AS sex) r
JOIN gen.names nm ON nm.region = ap.region AND nm.sex = r.sex
GROUP BY ap.n;

-- The case: dates consistent with its status and with the table's checks
-- (appointment <= filing < receipt expiry, filing <= commission <= decision <= notification <= today).
CREATE TEMP TABLE cs AS
SELECT b.*, d.*,
       CASE WHEN b.status IN ('GRANTED', 'REFUSED', 'APPEAL', 'CLOSED') THEN least(b.ref_day, d.decided_on + 1 + floor(gen.u(b.h10, 1) * 20)::int) END AS notified_on,
       gen.at(b.ref_day - 1 - floor(gen.u(b.h10, 2) * 40)::int, 30600 + floor(gen.u(b.h10, 3) * 36000)::int,
              'Europe/Paris') AS updated_at
FROM batch b
CROSS JOIN LATERAL (
    SELECT CASE WHEN b.status = 'APPOINTMENT' THEN
                    CASE WHEN gen.u(b.h9, 0) < 0.5 THEN b.ref_day + 3 + floor(gen.u(b.h9, 0) * 174)::int END
                WHEN b.status <> 'PREPARATION' THEN b.created_day + floor(s.span * s.fa)::int
           END AS appointment_on,
           CASE WHEN b.status NOT IN ('PREPARATION', 'APPOINTMENT') THEN b.created_day + floor(s.span * s.ff)::int END AS filed_on,
           CASE WHEN b.status IN ('GRANTED', 'REFUSED', 'APPEAL', 'CLOSED') THEN b.created_day + floor(s.span * s.fd)::int END AS decided_on,
           CASE WHEN b.status NOT IN ('PREPARATION', 'APPOINTMENT')
                     AND gen.u(b.h10, 0) < CASE WHEN b.status IN ('FILED', 'UNDER_REVIEW', 'COMMISSION') THEN 0.8 ELSE 0.5 END
                THEN greatest(b.created_day + floor(s.span * s.ff)::int + 90,
                              b.ref_day - 30 + floor(gen.r(b.seed, 'receipt', b.n) * 180)::int) END AS receipt_expires_on,
           CASE WHEN b.status = 'COMMISSION' THEN b.ref_day + 5 + floor(gen.r(b.seed, 'commission', b.n) * 55)::int
                WHEN b.status IN ('GRANTED', 'REFUSED', 'APPEAL', 'CLOSED') AND gen.r(b.seed, 'commission', b.n) < 0.15
                THEN b.created_day + floor(s.span * (s.ff + s.fd) / 2)::int END AS commission_on
    FROM (SELECT b.ref_day - b.created_day AS span,
                 0.05 + 0.15 * gen.u(b.h9, 1) AS fa,
                 0.05 + 0.15 * gen.u(b.h9, 1) + 0.05 + 0.15 * gen.u(b.h9, 2) AS ff,
                 0.6 + 0.25 * gen.u(b.h9, 3) AS fd) s
) d;

INSERT INTO app.applicants (id, tenant_id, first_name, last_name, birth_date, nationality, entry_date, languages,
                            interpreter_needed, interpreter_language, phone, email, address_line, postal_code, city,
                            family, family_notes, created_at, updated_at, version)
SELECT ap.applicant_id, ap.tenant_id, ap.first_name, ap.last_name, ap.birth_date, ap.nationality, ap.entry_date,
       ap.languages,
       i.needed,
       CASE WHEN i.needed THEN CASE WHEN ap.languages ->> 0 = 'français' THEN coalesce(ap.languages ->> 1, 'français')
                                    ELSE ap.languages ->> 0 END END,
       CASE WHEN gen.u(ap.h6, 1) < 0.88 THEN
           '0' || CASE WHEN substr(ph.d, 8, 1) < '7' THEN '6' ELSE '7' END || ' ' || substr(ph.d, 1, 2) || ' '
           || substr(ph.d, 3, 2) || ' ' || substr(ph.d, 5, 2) || ' ' || substr(ph.d, 7, 2) END,
       CASE WHEN gen.u(ap.h6, 3) < 0.42 THEN
           coalesce(gen.ascii(ap.first_name) || '.', '') || gen.ascii(ap.last_name)
           || CASE WHEN ap.n % 3 = 0 THEN (ap.n % 97)::text ELSE '' END || '@'
           || (ARRAY['gmail.com', 'yahoo.fr', 'hotmail.fr', 'outlook.fr', 'laposte.net', 'gmail.com'])[1 + ap.n % 6] END,
       ad.address_line,
       CASE WHEN ad.address_line IS NOT NULL OR gen.u(ap.h8, 1) < 0.3
            THEN lpad((ap.postal + ap.n % ap.variants)::text, 5, '0') END,
       CASE WHEN ad.address_line IS NOT NULL OR gen.u(ap.h8, 1) < 0.3 THEN ap.city END,
       jsonb_strip_nulls(jsonb_build_object(
           'maritalStatus', f.marital,
           'spouse', sp.spouse,
           'children', coalesce(k.children, '[]'::jsonb),
           'relativesInFrance', coalesce(r.relatives, '[]'::jsonb))),
       CASE WHEN gen.u(ap.h8, 3) < 0.08 THEN
           (SELECT code FROM gen.slot WHERE name = 'family_note' AND k = gen.pick(10000, gen.r(ap.seed, 'family-note', ap.n))) END,
       ap.created_at - make_interval(hours => floor(gen.r(ap.seed, 'applicant-created', ap.n) * 72)::int),
       date_trunc('second', ap.created_at + (cs.updated_at - ap.created_at) * gen.r(ap.seed, 'applicant-updated', ap.n)),
       0
FROM ap
JOIN fam f ON f.n = ap.n
JOIN cs ON cs.n = ap.n
LEFT JOIN spouse sp ON sp.n = ap.n
LEFT JOIN kids k ON k.n = ap.n
LEFT JOIN rels r ON r.n = ap.n
CROSS JOIN LATERAL (SELECT CASE WHEN ap.languages ? 'français' THEN gen.u(ap.h6, 0) < 0.08
                                ELSE gen.u(ap.h6, 0) < 0.65 END AS needed) i
CROSS JOIN LATERAL (SELECT to_char(floor(gen.u(ap.h6, 2) * 100000000)::bigint, 'FM00000000') AS d) ph
CROSS JOIN LATERAL (SELECT CASE WHEN gen.u(ap.h8, 2) < 0.12 THEN 'Domiciliation : ' || ap.assoc_name
                                WHEN gen.u(ap.h8, 2) < 0.82 THEN
                                    (1 + floor(gen.r(ap.seed, 'street-number', ap.n) * 180))::int || ' '
                                    || (SELECT code FROM gen.slot WHERE name = 'street' AND k = gen.pick(10000, gen.r(ap.seed, 'street', ap.n)))
                           END AS address_line) ad
ORDER BY ap.crank;

INSERT INTO app.cases (id, tenant_id, reference, ground, department, status, created_at, updated_at, version,
                       applicant_id, prefecture, online_filing, conditions_met, assignee_id, assignee_name,
                       appointment_on, filed_on, receipt_expires_on, commission_on, decided_on, notified_on)
SELECT cs.case_id, cs.tenant_id,
       to_char(cs.created_at AT TIME ZONE 'Europe/Paris', 'YYYY') || '-'
       || gen.base36(((cs.n * 2654435761 + cs.seed::bigint * 1000003) % 78364164096 + 78364164096) % 78364164096, 7),
       cs.ground, cs.dept, cs.status, cs.created_at, cs.updated_at, 0,
       cs.applicant_id, cs.prefecture,
       gen.u(cs.h9, 2) < 0.18,
       CASE WHEN gen.u(cs.h8, 3) < 0.4 THEN NULL ELSE gen.u(cs.h8, 3) < 0.9 END,
       st.user_id, st.display_name,
       cs.appointment_on, cs.filed_on, cs.receipt_expires_on, cs.commission_on, cs.decided_on, cs.notified_on
FROM cs
LEFT JOIN gen.staff st ON st.tenant_id = cs.tenant_id AND st.user_id = 'cw-' || cs.tenant_id || '-' || cs.cw
ORDER BY cs.crank;
