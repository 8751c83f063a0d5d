#!/usr/bin/env bash
# Fills ingest.download_requests with N benchmark download requests (default 10,000,000) for one tenant of one database,
# shaped like a network (see generate.sql), plus the episodes' lengths in analytics' episode copy and the tenant in
# analytics' tenant directory; then, with --rollups, builds the hourly rollups of the whole period through the running
# service (POST /v1/rollups/recompute, one day per call) and times every step.
#
#   bench/generate.sh [N] [--rollups]     # data, then the rollups through the service at BENCH_URL
#   BENCH_URL=http://127.0.0.1:18085 bench/generate.sh --rollups-only   # rollups of data generated earlier
#   bench/generate.sh --clean             # deletes the benchmark rows (enclosure_url https://bench.example.test/...)
#
# Runs as the superuser postgres over 127.0.0.1:5432 (row-level security does not bind it). By default the rows go to
# the acme demo tenant of database `platform`, so the Keycloak demo user alice@acme.test can read the dashboards.
# Environment: PGHOST PGPORT PGUSER PGPASSWORD BENCH_DB BENCH_TENANT BENCH_DAYS (60) BENCH_PODCASTS (200)
# BENCH_EPISODES (episodes per show, 50) BENCH_URL BENCH_USER BENCH_PASSWORD.
set -euo pipefail
cd "$(dirname "$0")"

export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGPASSWORD=${PGPASSWORD:-postgres}
DB=${BENCH_DB:-platform}
TENANT=${BENCH_TENANT:-a1a1a1a1-0000-4000-8000-000000000001}
DAYS=${BENCH_DAYS:-60}
PODCASTS=${BENCH_PODCASTS:-200}
EPISODES=${BENCH_EPISODES:-50}
URL=${BENCH_URL:-http://127.0.0.1:18085}
KEYCLOAK=${KEYCLOAK_URL:-http://127.0.0.1:8180/realms/podcast-platform}
CHUNK_SESSIONS=250000   # one million requests per statement

sql() { psql -X -q -v ON_ERROR_STOP=1 -d "$DB" -At "$@"; }
now_ms() { date +%s%3N; }

token() {
  curl -sf -d grant_type=password -d client_id=platform-cli -d "username=${BENCH_USER:-alice@acme.test}" \
       -d "password=${BENCH_PASSWORD:-alice}" "$KEYCLOAK/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}

# The period ends at the start of the current UTC hour and reaches BENCH_DAYS back; --rollups-only reads the days
# holding benchmark rows from the table.
PERIOD_END=$(date -u +%Y-%m-%dT%H:00:00Z)
PERIOD_START=$(date -u -d "$PERIOD_END - $DAYS days" +%Y-%m-%dT%H:00:00Z)

rollups() {
  local first last day next started elapsed token
  first=$(sql -c "SELECT to_char(min(occurred_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') FROM ingest.download_requests
                   WHERE tenant_id = '$TENANT' AND enclosure_url LIKE 'https://bench.example.test/%'")
  last=$(sql -c "SELECT to_char(max(occurred_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') FROM ingest.download_requests
                  WHERE tenant_id = '$TENANT' AND enclosure_url LIKE 'https://bench.example.test/%'")
  [ -n "$first" ] || { echo "no benchmark rows for tenant $TENANT in $DB" >&2; exit 1; }
  echo "rollups $first .. $last through $URL"
  started=$(now_ms)
  day=$first
  while [[ ! "$day" > "$last" ]]; do
    next=$(date -u -d "$day + 1 day" +%Y-%m-%d)
    token=$(token)   # tokens live five minutes; a day's recompute takes seconds
    curl -sf -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
         -d "{\"from\":\"${day}T00:00:00Z\",\"to\":\"${next}T00:00:00Z\"}" "$URL/v1/rollups/recompute" >/dev/null \
      || { echo "recompute of $day failed" >&2; exit 1; }
    day=$next
  done
  elapsed=$(( $(now_ms) - started ))
  echo "rollups built in $((elapsed / 1000)) s: $(sql -c "SET app.tenant_id = '$TENANT'; SELECT count(*) || ' hourly rows, ' || sum(downloads) FILTER (WHERE NOT bots_included) || ' downloads without bots, ' || sum(downloads) FILTER (WHERE bots_included) || ' with' FROM analytics.download_hourly WHERE tenant_id = '$TENANT'")"
}

case "${1:-}" in
  --clean)
    sql -c "DELETE FROM ingest.download_requests WHERE tenant_id = '$TENANT' AND enclosure_url LIKE 'https://bench.example.test/%'"
    for rollup in download_hourly download_tenant_hourly download_podcast_hourly download_episode_daily download_episode_cumulative download_listener_hourly; do
      sql -c "DELETE FROM analytics.$rollup WHERE tenant_id = '$TENANT'"
    done
    sql -c "DELETE FROM analytics.episode_copy WHERE tenant_id = '$TENANT' AND episode_id IN
              (SELECT md5('bench-episode-' || s || '-' || e)::uuid FROM generate_series(0, $PODCASTS - 1) s, generate_series(0, $EPISODES - 1) e)"
    sql -c "DELETE FROM analytics.tenant_directory WHERE tenant_id = '$TENANT' AND version = 0"   # only the entry this script made
    echo "benchmark rows of $TENANT deleted from $DB"; exit 0 ;;
  --rollups-only)
    rollups; exit 0 ;;
esac

N=${1:-10000000}
SESSIONS=$(( N / 4 ))
LISTENERS=$(( SESSIONS / 3 ))
echo "$N requests ($SESSIONS sessions, $LISTENERS listeners, $PODCASTS shows x $EPISODES episodes) for $TENANT in $DB, $PERIOD_START .. $PERIOD_END"
df -h "$(sql -c 'SHOW data_directory')" | tail -1

# Daily partitions for the whole period: ingest's pg_partman set-up keeps 31 days back and 14 ahead; older rows would
# land in the default partition. Made like partman makes them, then owned and secured like ingest's own.
sql -o /dev/null <<SQL
SELECT partman.create_partition_time('ingest.download_requests',
       ARRAY(SELECT generate_series(date_trunc('day', '$PERIOD_START'::timestamptz), '$PERIOD_END'::timestamptz, interval '1 day')));
DO \$\$
DECLARE part regclass;
BEGIN
    FOR part IN SELECT inhrelid::regclass FROM pg_inherits WHERE inhparent = 'ingest.download_requests'::regclass LOOP
        EXECUTE format('ALTER TABLE %s OWNER TO ingest_owner', part);
    END LOOP;
END
\$\$;
SET ROLE ingest_owner;
SELECT ingest.secure_partitions('ingest.download_requests');
SQL

# The tenant in analytics' directory (version 0: identity's own announcement, if any, wins) and the episodes' lengths:
# 20-80 MB, 20-80 minutes, so one minute of audio is about one megabyte.
sql -o /dev/null <<SQL
INSERT INTO analytics.tenant_directory (tenant_id, slug, name, status, tier, version, updated_at)
VALUES ('$TENANT', 'bench-' || left('$TENANT', 8), 'Benchmark tenant', 'ACTIVE', 'enterprise', 0, now())
ON CONFLICT DO NOTHING;
INSERT INTO analytics.episode_copy (episode_id, tenant_id, podcast_id, enclosure_length, duration_seconds, deleted, version)
SELECT md5('bench-episode-' || s || '-' || e)::uuid, '$TENANT', md5('bench-podcast-' || s)::uuid,
       (20 + (s * 7 + e * 13) % 60) * 1000000::bigint, 1200 + (s * 11 + e * 17) % 3600, false, 1
  FROM generate_series(0, $PODCASTS - 1) s, generate_series(0, $EPISODES - 1) e
ON CONFLICT (episode_id) DO NOTHING;
SQL

started=$(now_ms)
for (( lo = 0; lo < SESSIONS; lo += CHUNK_SESSIONS )); do
  hi=$(( lo + CHUNK_SESSIONS < SESSIONS ? lo + CHUNK_SESSIONS : SESSIONS ))
  sql -v lo=$lo -v hi=$hi -v tenant="$TENANT" -v period_start="$PERIOD_START" -v period_end="$PERIOD_END" \
      -v podcasts=$PODCASTS -v episodes=$EPISODES -v listeners=$LISTENERS -f generate.sql
  echo "  $(( hi * 4 )) requests after $(( ($(now_ms) - started) / 1000 )) s (load $(cut -d' ' -f1-3 /proc/loadavg))"
done
sql -c "ANALYZE ingest.download_requests"
echo "generated $N requests in $(( ($(now_ms) - started) / 1000 )) s"
df -h "$(sql -c 'SHOW data_directory')" | tail -1

if [ "${2:-}" = "--rollups" ]; then rollups; fi
