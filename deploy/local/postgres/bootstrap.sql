-- Local-stack bootstrap of ONE database (run by deploy/local for `platform` and `platform_test`).
-- Run as the superuser `postgres`, e.g.:
--   PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -d platform -v ON_ERROR_STOP=1 -f bootstrap.sql
-- Idempotent: every run converges to the same state (roles, passwords, schemas, grants).
--
-- Per service: a schema, an OWNER role (owns the schema and every object in it; Liquibase runs as it)
-- and an APP role (runtime: DML only, through default privileges; never owns anything, cannot create).
-- LOCAL-ONLY credentials: each role's password is its own name (identity_app / identity_app, ...).
-- Roles are cluster-wide; schemas, grants and extensions are per database.

\set ON_ERROR_STOP on
SET client_min_messages = warning;

-- Nobody but the roles granted below may connect or create in `public`.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SELECT format('REVOKE CONNECT ON DATABASE %I FROM PUBLIC', current_database()) \gexec

DO $bootstrap$
DECLARE
  svc record;
  r   text;
BEGIN
  FOR svc IN
    SELECT * FROM (VALUES
      ('identity',  'identity_owner',  'identity_app'),
      ('catalog',   'catalog_owner',   'catalog_app'),
      ('commerce',  'commerce_owner',  'commerce_app'),
      ('ingest',    'ingest_owner',    'ingest_app'),      -- services/attribution-ingest
      ('analytics', 'analytics_owner', 'analytics_app'),   -- services/analytics-query
      ('billing',   'billing_owner',   'billing_app')
    ) AS t(schema_name, owner_role, app_role)
  LOOP
    -- Roles: LOGIN, nothing more. Password = role name (local only).
    FOREACH r IN ARRAY ARRAY[svc.owner_role, svc.app_role] LOOP
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
        EXECUTE format('CREATE ROLE %I LOGIN', r);
      END IF;
      EXECUTE format('ALTER ROLE %I WITH LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE '
                     'NOREPLICATION INHERIT PASSWORD %L', r, r);
      -- Unqualified names resolve to the service's own schema (a JDBC currentSchema still wins).
      EXECUTE format('ALTER ROLE %I SET search_path = %I', r, svc.schema_name);
      EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', current_database(), r);
    END LOOP;

    -- Schema owned by the owner role.
    EXECUTE format('CREATE SCHEMA IF NOT EXISTS %I AUTHORIZATION %I', svc.schema_name, svc.owner_role);
    EXECUTE format('ALTER SCHEMA %I OWNER TO %I', svc.schema_name, svc.owner_role);
    EXECUTE format('REVOKE ALL ON SCHEMA %I FROM PUBLIC', svc.schema_name);
    EXECUTE format('REVOKE CREATE ON SCHEMA %I FROM %I', svc.schema_name, svc.app_role);
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', svc.schema_name, svc.app_role);

    -- What the owner creates later is usable (not ownable) by the app role.
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I '
                   'GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I',
                   svc.owner_role, svc.schema_name, svc.app_role);
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I '
                   'GRANT USAGE, SELECT ON SEQUENCES TO %I',
                   svc.owner_role, svc.schema_name, svc.app_role);
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I '
                   'GRANT EXECUTE ON FUNCTIONS TO %I',
                   svc.owner_role, svc.schema_name, svc.app_role);
    -- Nothing is re-granted on existing objects: their privileges are the migrations' decision (an
    -- append-only audit table revokes UPDATE and DELETE, and a re-run must not undo that).

    -- Guard: the runtime role must never own anything in this database.
    IF EXISTS (SELECT 1 FROM pg_class c JOIN pg_roles o ON o.oid = c.relowner
               WHERE o.rolname = svc.app_role) THEN
      RAISE EXCEPTION 'role % owns relations in database %: the app role must never own tables',
        svc.app_role, current_database();
    END IF;
  END LOOP;
END
$bootstrap$;

-- pg_partman (Debian: postgresql-15-partman, 4.x API) in its own schema, when installed.
-- Never preload pg_partman_bgw (it makes `pg_ctl stop` hang): run maintenance from the service.
DO $partman$
DECLARE
  owner_role text;
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_partman') THEN
    CREATE SCHEMA IF NOT EXISTS partman;
    CREATE EXTENSION IF NOT EXISTS pg_partman SCHEMA partman;
    -- The owner roles may call partman (create_parent, run_maintenance) from their migrations.
    FOREACH owner_role IN ARRAY ARRAY['identity_owner', 'catalog_owner', 'commerce_owner',
                                      'ingest_owner', 'analytics_owner', 'billing_owner'] LOOP
      -- CREATE: create_parent() keeps a template table per partitioned table in schema partman.
      EXECUTE format('GRANT USAGE, CREATE ON SCHEMA partman TO %I', owner_role);
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA partman TO %I', owner_role);
      EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA partman TO %I', owner_role);
      EXECUTE format('GRANT EXECUTE ON ALL ROUTINES IN SCHEMA partman TO %I', owner_role);
    END LOOP;
  ELSE
    RAISE WARNING 'pg_partman is not installed (apt-get install postgresql-15-partman): skipped';
  END IF;
END
$partman$;

-- postgresql-hll (Debian: postgresql-15-hll) in schema public, when installed: analytics keeps its unique-listener
-- sketches with it (without it, analytics counts listeners distinct at query time: exact, but slow over months).
DO $hll$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'hll') THEN
    CREATE EXTENSION IF NOT EXISTS hll SCHEMA public;
  ELSE
    RAISE WARNING 'hll is not installed (apt-get install postgresql-15-hll): skipped';
  END IF;
END
$hll$;

-- TimescaleDB is never required (not in Debian). Created only when installed AND preloaded.
DO $timescale$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb')
     AND current_setting('shared_preload_libraries') LIKE '%timescaledb%' THEN
    CREATE EXTENSION IF NOT EXISTS timescaledb;
  END IF;
END
$timescale$;

-- One line for the caller's log.
SELECT format('bootstrap ok: database=%s schemas=%s partman=%s hll=%s timescaledb=%s',
              current_database(),
              (SELECT string_agg(nspname, ',' ORDER BY nspname) FROM pg_namespace
                WHERE nspname IN ('identity','catalog','commerce','ingest','analytics','billing')),
              COALESCE((SELECT extversion FROM pg_extension WHERE extname = 'pg_partman'), 'absent'),
              COALESCE((SELECT extversion FROM pg_extension WHERE extname = 'hll'), 'absent'),
              COALESCE((SELECT extversion FROM pg_extension WHERE extname = 'timescaledb'), 'absent'))
  AS result \gset
\echo :result
