#!/usr/bin/env bash
# Throughput of the Spark job (docs/scale.md) beside the command line's batch dump, over one tree: every
# corpus hive and log (oracles left out) repeated once per host. Spark runs as spark-submit runs it (SparkSubmit,
# the jar as the application, Spark's module openings), in local mode, from the pom's Spark jars.
#
#   mvn -B -o package -DskipTests && bench/fleet.sh [HOSTS] [MASTER]     (default: 16 hosts, about 1,000 files; local[2])
set -euo pipefail
cd "$(dirname "$0")/.."
hosts=${1:-16}
master=${2:-local[2]}
corpus=${PATCHLENS_CORPUS:-../shared/corpus}/hives
jar=target/patchlens.jar
[ -f "$jar" ] || { echo "no $jar: mvn -B -o package -DskipTests first" >&2; exit 2; }
work=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] && echo "kept $work" || rm -rf "$work"' EXIT

# hard links where the file system allows (the same bytes, nothing copied), else copies
for h in $(seq -w 1 "$hosts"); do
  (cd "$corpus" && find . -type f ! -name '*.oracle*') | while read -r f; do
    mkdir -p "$work/tree/host$h/$(dirname "$f")"
    ln "$corpus/$f" "$work/tree/host$h/$f" 2>/dev/null || cp "$corpus/$f" "$work/tree/host$h/$f"
  done
done
files=$(find "$work/tree" -type f | wc -l)
primaries=$(find "$work/tree" -type f ! -iname '*.log' ! -iname '*.log1' ! -iname '*.log2' | wc -l)
bytes=$(find "$work/tree" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
echo "tree: $hosts hosts, $files files ($primaries not logs), $((bytes / 1000000)) MB"

mvn -B -o -q dependency:build-classpath -Dmdep.includeScope=compile -Dmdep.outputFile="$work/cp.txt" >/dev/null
opens=$(sed -n 's:.*<spark.opens>\(.*\)</spark.opens>.*:\1:p' pom.xml)

# warm the page cache for both
cat $(find "$work/tree" -type f) > /dev/null

start=$(date +%s.%N)
# shellcheck disable=SC2086
java -Xmx4g $opens -cp "$(cat "$work/cp.txt")" org.apache.spark.deploy.SparkSubmit --master "$master" \
  --conf spark.ui.enabled=false --conf spark.sql.shuffle.partitions=8 \
  --class org.patchlens.spark.FleetJob "$jar" dump --input "file://$work/tree/*" --output "$work/spark" \
  2> "$work/spark.err" || { tail -20 "$work/spark.err"; exit 1; }
spark=$(echo "$(date +%s.%N) - $start" | bc)

find "$work/tree" -type f ! -iname '*.log' ! -iname '*.log1' ! -iname '*.log2' | sort > "$work/hives.txt"
start=$(date +%s.%N)
# exit 1/2: the corpus's damaged and non-hive files, reported as the job reports them in its files table
java -Xmx4g -jar "$jar" hive dump $(cat "$work/hives.txt") -o "$work/cli" > /dev/null 2>&1 || true
cli=$(echo "$(date +%s.%N) - $start" | bc)

sparkout=$(du -sm "$work/spark" | cut -f1)
cliout=$(du -sm "$work/cli" | cut -f1)
echo "spark-submit $master, dump to Parquet: $spark s ($sparkout MB written)"
echo "hive dump FILE... -o DIR (JSONL):     $cli s ($cliout MB written)"
echo "ratio spark/cli: $(echo "scale=2; $spark / $cli" | bc)"
