#!/usr/bin/env bash
# Measures how long a raw download request takes to appear in the hourly rollup (the scheduled refresh).
# Needs the service running against DB_NAME (default platform_test) and an ACTIVE tenant of its directory.
# Usage: bench/freshness.sh [samples]   (prints one figure per sample in ms, then min/median/p95/max)
set -euo pipefail
DB=${DB_NAME:-platform_test}
SAMPLES=${1:-10}
TENANT=$(psql "postgresql://analytics_app:analytics_app@127.0.0.1/$DB" -Atc \
  "SELECT tenant_id FROM analytics.tenant_directory WHERE status = 'ACTIVE' ORDER BY received_at DESC LIMIT 1")
in_tenant() { # role sql
  psql "postgresql://$1:$1@127.0.0.1/$DB" -Atq -c "BEGIN" -c "SELECT set_config('app.tenant_id', '$TENANT', true)" -c "$2" -c "COMMIT" | tail -n +2
}
figures=()
for i in $(seq "$SAMPLES"); do
  episode=$(cat /proc/sys/kernel/random/uuid)
  start=$(date +%s%3N)
  in_tenant ingest_app "INSERT INTO ingest.download_requests (tenant_id, request_id, occurred_at, method, enclosure_url, episode_id,
      user_agent, agent_kind, bot, household_hash) VALUES ('$TENANT', gen_random_uuid(), now(), 'GET', 'https://cdn.example.test/x.mp3',
      '$episode', 'Overcast/3.0 (+http://overcast.fm/; iOS podcast app)', 'app', false, 'freshness-$i')" >/dev/null
  until [ "$(in_tenant analytics_app "SELECT count(*) FROM analytics.download_hourly WHERE episode_id = '$episode' AND NOT bots_included")" = "1" ]; do
    sleep 0.05
  done
  figures+=($(( $(date +%s%3N) - start )))
  echo "sample $i: ${figures[-1]} ms"
done
printf '%s\n' "${figures[@]}" | sort -n | awk '{a[NR]=$1} END {p=int(NR*0.95+0.999); if (p>NR) p=NR; printf "min %d  median %d  p95 %d  max %d ms (%d samples)\n", a[1], a[int((NR+1)/2)], a[p], a[NR], NR}'
