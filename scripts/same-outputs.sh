#!/usr/bin/env bash
# The outputs a refactoring of the report, check and deleted-record code must leave byte for byte as they
# were, for a before/after comparison (corpus-outputs.sh covers every other hive command):
#   scripts/same-outputs.sh JAR OUTDIR [CORPUS]     # CORPUS defaults to ../shared/corpus
#   git stash; mvn -B -q -DskipTests package; cp target/patchlens.jar /tmp/before.jar; git stash pop
#   scripts/same-outputs.sh /tmp/before.jar /tmp/same-before
#   mvn -B -q -DskipTests package; scripts/same-outputs.sh target/patchlens.jar /tmp/same-after
#   diff -r /tmp/same-before /tmp/same-after && echo identical
# check --demo as text, JSONL, CSV and a deterministic workbook; check on files named for their roles, and
# its one-line refusals of a file in the wrong role; then for each hive of CORPUS/hives (every file that is
# not an oracle or a log): hive deleted (jsonl), hive dump --deleted (jsonl), hive dump and hive dump
# --deleted as deterministic workbooks, and a deterministic diff workbook from the hive before it (in name
# order) to it, or from it as found to it replayed when logs sit beside it; last, every hive in one batch
# dump into a new folder. Each command's stdout, stderr and exit code are kept (NAME.out, NAME.err,
# NAME.rc) beside the workbooks (NAME.xlsx), so diff -r names the first difference.
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

cd "$out"
run check-demo-text check --demo
run check-demo-jsonl check --demo --format jsonl
run check-demo-csv check --demo --format csv
rm -f check-demo.xlsx
run check-demo-xlsx check --demo -o "$out/check-demo.xlsx" --deterministic
# files named for their roles (the demo tree of the checkout), and the one-line refusals of a wrong role
demo="$here/testdata/demo"
run check-named-jsonl check --system "$demo/NODE1/system32/config/SYSTEM" \
  --software "$demo/NODE1/system32/config/SOFTWARE" --cluster "$demo/NODE1/Cluster/CLUSDB" --checkpoint "$demo/Q/MSCS" \
  --checkpoint "$demo/Q/MSCS/2B9B5D5A-4C1D-4E52-9F0C-7D1E8A6B0020/00000001.CPT" --store "$demo/D/exchsrvr/MDBDATA/PRIV.EDB" \
  --logs "$demo/E/exchsrvr/MDBDATA" --format jsonl --fail-on never @"$demo/check.args"
run check-folder-and-named check "$demo" --system "$demo/NODE1/system32/config/SYSTEM" --format csv
run check-wrong-role check --cluster "$demo/NODE1/system32/config/SYSTEM"
run check-not-evidence check --system "$demo/check.args"
run check-store-not-ese check --store "$demo/NODE1/Cluster/CLUSDB"
run check-missing-named check --system "$demo/nothing-here"
run check-logs-not-folder check "$demo" --logs "$demo/check.args"
run check-checkpoint-missing check --checkpoint "$demo/Q/none.CPT"

cd "$corpus/hives"
previous=""
find . -type f ! -name '*.oracle*' ! -iname '*.LOG' ! -iname '*.LOG1' ! -iname '*.LOG2' | LC_ALL=C sort |
while IFS= read -r f; do
  h="${f#./}"
  n="${h//\//__}"
  echo "$h" >&2
  run "$n.deleted-jsonl" hive deleted "$h" --format jsonl
  run "$n.dump-deleted-jsonl" hive dump "$h" --deleted --format jsonl
  rm -f "$out/$n.dump.xlsx" "$out/$n.dump-deleted.xlsx" "$out/$n.diff.xlsx"
  run "$n.dump-xlsx" hive dump "$h" -o "$out/$n.dump.xlsx" --deterministic
  run "$n.dump-deleted-xlsx" hive dump "$h" --deleted -o "$out/$n.dump-deleted.xlsx" --deterministic
  if has_logs "$h"; then
    run "$n.diff-xlsx" hive diff "$h" --replayed -o "$out/$n.diff.xlsx" --deterministic
  elif [ -n "$previous" ]; then
    run "$n.diff-xlsx" hive diff "$previous" "$h" -o "$out/$n.diff.xlsx" --deterministic
  fi
  previous="$h"
done
# every hive in one batch (names that repeat become NAME.2.jsonl, ...), into a new folder
cd "$corpus/hives"
rm -rf "$out/batch"
find . -type f ! -name '*.oracle*' ! -iname '*.LOG' ! -iname '*.LOG1' ! -iname '*.LOG2' | LC_ALL=C sort |
  xargs java "${java_opts[@]}" -jar "$jar" hive dump --format jsonl -o "$out/batch" >"$out/batch.out" 2>"$out/batch.err"
echo $? >"$out/batch.rc"
sed -i "s#$out/#OUT/#g" "$out/batch.out" "$out/batch.err"
echo "outputs in $out ($(ls "$out" | wc -l) files)" >&2
