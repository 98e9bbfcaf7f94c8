-- Schema gen: the generator's parameters, helper functions, reference data and plans.
-- psql variables: seed, associations, cases, tasks, reference (an instant), engine_tz.
--
-- Every random choice is a function of (seed, purpose, row number) through md5, never of
-- random() or of the order rows happen to come in, so the same parameters give the same
-- bytes. Weighted sums are done on integers or numerics, so no float rounding depends on the
-- order of a sum.
SET client_min_messages = warning;
DROP SCHEMA IF EXISTS gen CASCADE;
CREATE SCHEMA gen;

CREATE TABLE gen.params AS
SELECT :seed::int                 AS seed,
       :associations::int         AS n_assoc,
       :cases::int                AS n_cases,
       :tasks::bigint             AS n_tasks,
       :'reference'::timestamptz  AS ref,
       (:'reference'::timestamptz AT TIME ZONE 'Europe/Paris')::date AS ref_day,
       :'engine_tz'::text         AS engine_tz;

-- md5 of (seed, purpose, n): 32 hex digits, i.e. four independent 32-bit draws.
CREATE FUNCTION gen.hash(seed int, purpose text, n bigint) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT md5(seed::text || ':' || purpose || ':' || n::text) $$;

-- The i-th (0..3) 32-bit slice of such a hash, as a uniform number in [0, 1).
CREATE FUNCTION gen.u(h text, i int) RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT ('x' || substr(h, 1 + 8 * i, 8))::bit(32)::bigint::float8 / 4294967296.0::float8 $$;

-- One uniform draw in [0, 1) for (seed, purpose, n).
CREATE FUNCTION gen.r(seed int, purpose text, n bigint) RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT ('x' || substr(md5(seed::text || ':' || purpose || ':' || n::text), 1, 8))::bit(32)::bigint::float8 / 4294967296.0::float8 $$;

-- A UUID (version 4 layout) for (seed, purpose, n): ids are reproducible too.
CREATE FUNCTION gen.uuid(seed int, purpose text, n bigint) RETURNS uuid
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT overlay(overlay(md5(seed::text || ':' || purpose || ':' || n::text) PLACING '4' FROM 13) PLACING '8' FROM 17)::uuid $$;

-- A standard normal number from two uniforms (Box-Muller).
CREATE FUNCTION gen.normal(u1 double precision, u2 double precision) RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT sqrt(-2.0 * ln(1.0 - u1)) * cos(2.0 * pi() * u2) $$;

-- 1..n from a uniform in [0, 1).
CREATE FUNCTION gen.pick(n int, u double precision) RETURNS int
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT 1 + least(n - 1, floor(u * n)::int) $$;

-- v in base 36, zero-padded to width digits (case references, as the service writes them).
CREATE FUNCTION gen.base36(v bigint, width int) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT string_agg(substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', ((v / power(36, i)::bigint) % 36)::int + 1, 1), ''
                      ORDER BY i DESC)
    FROM generate_series(0, width - 1) AS i
$$;

-- Lower-case ASCII letters only (e-mail local parts).
CREATE FUNCTION gen.ascii(t text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT regexp_replace(translate(lower(t), 'àâäáãåçéèêëíìîïñóòôöõøúùûüýÿışğ', 'aaaaaaceeeeiiiinoooooouuuuyyisg'),
                          '[^a-z]', '', 'g')
$$;

-- A local date and time of day (seconds) in a zone, as an instant.
CREATE FUNCTION gen.at(d date, seconds int, zone text) RETURNS timestamptz
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT (d + make_interval(secs => seconds)) AT TIME ZONE zone $$;
