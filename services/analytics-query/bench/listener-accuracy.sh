#!/usr/bin/env bash
# How far the unique listeners the dashboards answer (HyperLogLog sketches where the hll extension is installed) are
# from the exact distinct count of the same listener rows: for the whole tenant by day over DAYS days (default 30) and
# over the whole period, and per country over the period. The exact counts are computed here with count(DISTINCT) as
# the superuser postgres (row-level security does not bind it) over analytics.download_listener_hourly, in UTC.
# Reads the data bench/generate.sh wrote (acme demo tenant of `platform`); needs curl, jq and psql.
#
#   services/analytics-query/bench/listener-accuracy.sh [DAYS]
set -euo pipefail

DAYS=${1:-30}
URL=${BENCH_URL:-http://127.0.0.1:18085}
KEYCLOAK=${KEYCLOAK_URL:-http://127.0.0.1:8180/realms/podcast-platform}
TENANT=${BENCH_TENANT:-a1a1a1a1-0000-4000-8000-000000000001}
DB=${BENCH_DB:-platform}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGPASSWORD=${PGPASSWORD:-postgres}
TODAY=$(date -u +%Y-%m-%d)
FROM=$(date -u -d "$TODAY - $((DAYS - 1)) days" +%Y-%m-%d)

token=$(curl -sf -d grant_type=password -d client_id=platform-cli -d "username=${BENCH_USER:-alice@acme.test}" \
  -d "password=${BENCH_PASSWORD:-alice}" "$KEYCLOAK/protocol/openid-connect/token" | jq -r .access_token)
api() { curl -sf -H "Authorization: Bearer $token" "$URL$1"; }
sql() { psql -d "$DB" -XAtq -F ' ' -c "$1"; }

series=$(api "/v1/dashboards/listeners?from=$FROM&to=$TODAY&granularity=day")
[ "$(jq -r .timeZone <<<"$series")" = UTC ] || { echo "the tenant's dashboard zone is not UTC: the exact counts here are per UTC day" >&2; exit 1; }
echo "counting: $(jq -c .uniqueListenersCounting <<<"$series")"
period="tenant_id = '$TENANT' AND NOT bots_included AND hour_start >= '$FROM' AND hour_start < '$TODAY'::date + 1"

report() {  # lines "key estimate exact" -> per-line error, then the worst and the mean absolute relative error
  awk -v what="$1" '{ e = ($3 == 0) ? 0 : ($2 - $3) / $3 * 100; a = e < 0 ? -e : e; sum += a; if (a > worst) worst = a;
                      if (verbose) printf "  %-12s estimate %9d exact %9d error %+.3f %%\n", $1, $2, $3, e }
       END { printf "%-36s %4d values, mean |error| %.3f %%, worst %.3f %%\n", what, NR, sum / NR, worst }' verbose="${VERBOSE:-}"
}

join -j 1 <(jq -r '.buckets[] | "\(.start[0:10]) \(.uniqueListeners)"' <<<"$series" | sort) \
          <(sql "SELECT (hour_start AT TIME ZONE 'UTC')::date, count(DISTINCT listener) FROM analytics.download_listener_hourly WHERE $period GROUP BY 1" | sort) \
  | report "whole tenant, per day"
echo "period $(jq -r .uniqueListeners <<<"$series") $(sql "SELECT count(DISTINCT listener) FROM analytics.download_listener_hourly WHERE $period")" \
  | report "whole tenant, $DAYS days"
for by in country app; do
  column=$([ "$by" = country ] && echo country_code || echo app_name)
  join -j 1 <(api "/v1/dashboards/breakdown?by=$by&from=$FROM&to=$TODAY" | jq -r '.rows[] | "\(.value | gsub(" "; "_")) \(.uniqueListeners)"' | sort) \
            <(sql "SELECT replace(COALESCE($column, 'unknown'), ' ', '_'), count(DISTINCT listener) FROM analytics.download_listener_hourly WHERE $period GROUP BY 1" | sort) \
    | report "per $by, $DAYS days"
done
