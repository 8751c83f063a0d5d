#!/usr/bin/env bash
# Times the main dashboard queries against a running analytics-query: each query RUNS times (default 200) after 20
# warm-up calls, one at a time, and prints p50 / p95 / max of the HTTP round trip (curl's time_total, so the client's own
# start-up is not counted) and the load average. Reads the data bench/generate.sh wrote (acme demo tenant of `platform`
# by default, signed in as alice@acme.test through Keycloak's platform-cli client).
#
#   HTTP_PORT=18085 DB_NAME=platform ROLLUP_REFRESH_EVERY=off java -jar services/analytics-query/target/quarkus-app/quarkus-run.jar &
#   services/analytics-query/bench/dashboards.sh [RUNS]
set -euo pipefail

RUNS=${1:-200}
URL=${BENCH_URL:-http://127.0.0.1:18085}
KEYCLOAK=${KEYCLOAK_URL:-http://127.0.0.1:8180/realms/podcast-platform}
TODAY=$(date -u +%Y-%m-%d)
DAYS_AGO() { date -u -d "$TODAY - $1 days" +%Y-%m-%d; }
# the most listened show and episode of generate.sql's power-law draw
TOP_PODCAST=$(printf 'bench-podcast-0' | md5sum | sed -E 's/^(.{8})(.{4})(.{4})(.{4})(.{12}).*/\1-\2-\3-\4-\5/')
TOP_EPISODE=$(printf 'bench-episode-0-0' | md5sum | sed -E 's/^(.{8})(.{4})(.{4})(.{4})(.{12}).*/\1-\2-\3-\4-\5/')

token() {
  curl -sf -d grant_type=password -d client_id=platform-cli -d "username=${BENCH_USER:-alice@acme.test}" \
       -d "password=${BENCH_PASSWORD:-alice}" "$KEYCLOAK/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}

QUERIES=(
  "downloads by day, 30 days|/v1/dashboards/downloads?from=$(DAYS_AGO 29)&to=$TODAY&granularity=day"
  "downloads by day, 90 days|/v1/dashboards/downloads?from=$(DAYS_AGO 89)&to=$TODAY&granularity=day"
  "downloads by week, 90 days|/v1/dashboards/downloads?from=$(DAYS_AGO 89)&to=$TODAY&granularity=week"
  "downloads by month, 90 days|/v1/dashboards/downloads?from=$(DAYS_AGO 89)&to=$TODAY&granularity=month"
  "downloads by hour, 7 days|/v1/dashboards/downloads?from=$(DAYS_AGO 6)&to=$TODAY&granularity=hour"
  "downloads by day, 30 days, bots included|/v1/dashboards/downloads?from=$(DAYS_AGO 29)&to=$TODAY&granularity=day&bots=include"
  "downloads by day, 90 days, top podcast|/v1/dashboards/downloads?from=$(DAYS_AGO 89)&to=$TODAY&granularity=day&podcastId=$TOP_PODCAST"
  "downloads by day, 90 days, top episode|/v1/dashboards/downloads?from=$(DAYS_AGO 89)&to=$TODAY&granularity=day&episodeId=$TOP_EPISODE"
  "top 10 episodes, 30 days|/v1/dashboards/top-episodes?from=$(DAYS_AGO 29)&to=$TODAY&limit=10"
  "top 100 episodes, 90 days|/v1/dashboards/top-episodes?from=$(DAYS_AGO 89)&to=$TODAY&limit=100"
  "unique listeners by day, 30 days|/v1/dashboards/listeners?from=$(DAYS_AGO 29)&to=$TODAY&granularity=day"
  "unique listeners by week, 90 days|/v1/dashboards/listeners?from=$(DAYS_AGO 89)&to=$TODAY&granularity=week"
  "unique listeners by hour, 7 days|/v1/dashboards/listeners?from=$(DAYS_AGO 6)&to=$TODAY&granularity=hour"
  "unique listeners by day, 30 days, top podcast|/v1/dashboards/listeners?from=$(DAYS_AGO 29)&to=$TODAY&granularity=day&podcastId=$TOP_PODCAST"
  "unique listeners by day, 30 days, top episode|/v1/dashboards/listeners?from=$(DAYS_AGO 29)&to=$TODAY&granularity=day&episodeId=$TOP_EPISODE"
  "breakdown by country, 30 days|/v1/dashboards/breakdown?by=country&from=$(DAYS_AGO 29)&to=$TODAY"
  "breakdown by app, 30 days|/v1/dashboards/breakdown?by=app&from=$(DAYS_AGO 29)&to=$TODAY"
  "breakdown by device, 90 days|/v1/dashboards/breakdown?by=device&from=$(DAYS_AGO 89)&to=$TODAY"
  "breakdown by platform, 7 days|/v1/dashboards/breakdown?by=platform&from=$(DAYS_AGO 6)&to=$TODAY"
  "breakdown by country, 30 days, top episode|/v1/dashboards/breakdown?by=country&from=$(DAYS_AGO 29)&to=$TODAY&episodeId=$TOP_EPISODE"
  "breakdown by country, 30 days, top podcast|/v1/dashboards/breakdown?by=country&from=$(DAYS_AGO 29)&to=$TODAY&podcastId=$TOP_PODCAST"
)
# endpoints other features add, timed when the running service has them
for extra in ${BENCH_EXTRA_QUERIES:-}; do QUERIES+=("$extra|$extra"); done

percentile() { sort -n | awk -v p="$1" '{ v[NR] = $1 } END { i = int(NR * p / 100 + 0.999999); if (i < 1) i = 1; printf "%.1f", v[i] }'; }

printf '%-45s %8s %8s %8s   (%s runs, ms)\n' query p50 p95 max "$RUNS"
for entry in "${QUERIES[@]}"; do
  name=${entry%%|*}; path=${entry#*|}
  auth="Authorization: Bearer $(token)"
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "$auth" "$URL$path")
  if [ "$status" != 200 ]; then printf '%-45s HTTP %s (skipped)\n' "$name" "$status"; continue; fi
  for _ in $(seq "${WARMUP:-20}"); do curl -s -o /dev/null -H "$auth" "$URL$path"; done
  times=$(for _ in $(seq "$RUNS"); do curl -s -o /dev/null -H "$auth" -w '%{time_total}\n' "$URL$path"; done | awk '{ printf "%.3f\n", $1 * 1000 }')
  printf '%-45s %8s %8s %8s\n' "$name" "$(percentile 50 <<<"$times")" "$(percentile 95 <<<"$times")" "$(percentile 100 <<<"$times")"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
