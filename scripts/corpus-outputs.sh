#!/usr/bin/env bash
# Every hive command's output on every corpus hive, for a before/after comparison of a change that must
# not change behaviour (a refactoring):
#   scripts/corpus-outputs.sh JAR OUTDIR [CORPUS]     # CORPUS defaults to ../shared/corpus
#   git stash; mvn -B -q -DskipTests package; cp target/patchlens.jar /tmp/before.jar; git stash pop
#   scripts/corpus-outputs.sh /tmp/before.jar /tmp/out-before
#   mvn -B -q -DskipTests package; scripts/corpus-outputs.sh target/patchlens.jar /tmp/out-after
#   diff -r /tmp/out-before /tmp/out-after && echo identical
# For each hive (every file of CORPUS/hives that is not an oracle or a log): hive info (text, json), dump
# (jsonl, csv, text, listing), deleted (jsonl, text), replay (ledger jsonl and text, the recovered image
# with -o); for a hive with logs beside it also dump --no-logs (listing), deleted --no-logs (jsonl),
# diff --replayed (jsonl). Then check (jsonl) on a folder that holds each hive with logs, and every dirty
# hive, at a registry checkpoint's place (GUID\00000001.CPT, its logs beside it: check opens those with
# their logs, as it opens SYSTEM), and check --demo. Each command's stdout, stderr and exit code are
# kept (NAME.out, NAME.err, NAME.rc), so diff -r names the first difference.
set -uo pipefail
[ $# -ge 2 ] || { sed -n '2,15p' "$0" >&2; exit 2; }
jar="$(realpath "$1")"
out="$2"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="$(realpath "${3:-$here/../shared/corpus}")"
[ -f "$jar" ] && [ -d "$corpus/hives" ] || { echo "no $jar or no $corpus/hives" >&2; exit 2; }
mkdir -p "$out"
out="$(realpath "$out")"
export LC_ALL=C.UTF-8
java_opts=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -Xshare:auto)

# run NAME ARGS...: patchlens ARGS, stdout/stderr/exit code under $out/NAME.*
run() {
  local name="$1"
  shift
  java "${java_opts[@]}" -jar "$jar" "$@" >"$out/$name.out" 2>"$out/$name.err"
  echo $? >"$out/$name.rc"
  # the output folder's own name is the one thing that differs between two runs
  sed -i "s#$out/#OUT/#g" "$out/$name.out" "$out/$name.err"
}

# has_logs HIVE: FILE.LOG, .LOG1 or .LOG2 beside it (any case), as the commands look for them
has_logs() {
  local dir base x
  dir="$(dirname "$1")"
  base="$(basename "$1")"
  shopt -s nocasematch
  for x in "$dir"/*; do
    case "$(basename "$x")" in
      "$base.LOG" | "$base.LOG1" | "$base.LOG2") shopt -u nocasematch; return 0 ;;
    esac
  done
  shopt -u nocasematch
  return 1
}

evidence="$out/check-evidence"
rm -rf "$evidence"
places=0
# place HIVE: a copy of the hive and its logs at the next checkpoint place of $evidence
place() {
  local dir x
  places=$((places + 1))
  dir="$evidence/$(printf '{%08d-0000-0000-0000-000000000000}' "$places")"
  mkdir -p "$dir"
  cp "$1" "$dir/00000001.CPT"
  for x in LOG LOG1 LOG2; do
    [ -f "$1.$x" ] && cp "$1.$x" "$dir/00000001.CPT.$x"
  done
}

cd "$corpus/hives"
find . -type f ! -name '*.oracle*' ! -iname '*.LOG' ! -iname '*.LOG1' ! -iname '*.LOG2' | LC_ALL=C sort |
while IFS= read -r f; do
  h="${f#./}"
  n="${h//\//__}"
  echo "$h" >&2
  run "$n.info" hive info "$h"
  run "$n.info-json" hive info --format json "$h"
  for fmt in jsonl csv text listing; do
    run "$n.dump-$fmt" hive dump "$h" --format "$fmt"
  done
  run "$n.deleted-jsonl" hive deleted "$h" --format jsonl
  run "$n.deleted-text" hive deleted "$h" --format text
  run "$n.replay-jsonl" hive replay "$h" --ledger-format jsonl
  run "$n.replay-text" hive replay "$h"
  rm -f "$out/$n.recovered"
  run "$n.replay-image" hive replay "$h" -o "$out/$n.recovered"
  if has_logs "$h"; then
    run "$n.dump-nologs-listing" hive dump "$h" --no-logs --format listing
    run "$n.deleted-nologs-jsonl" hive deleted "$h" --no-logs --format jsonl
    run "$n.diff-replayed" hive diff "$h" --replayed --format jsonl
    place "$h"
  elif grep -q '"dirty":true' "$out/$n.replay-jsonl.out"; then
    place "$h"
  fi
done
cd "$out"
run check-evidence check "$evidence" --format jsonl --fail-on never
run check-demo check --demo --format jsonl
echo "outputs in $out ($(ls "$out" | wc -l) files)" >&2
