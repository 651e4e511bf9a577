#!/usr/bin/env bash
# Whole-process comparison of `patchlens hive dump` with hivexml, reglookup and regfexport, on
#   (a) the largest corpus hive (regipy/SYSTEM, 11.8 MB),
#   (b) a >= 100 MB SYSTEM-like hive made by the test-scope HiveBuilder (target/bench/synthetic-100MB.hive),
#   (c) a batch of 50 corpus hives: one patchlens process against 50 hivexml runs,
#   (d) patchlens check --demo (target: under 1.5 s),
#   (e) a tree of 1,000 hives (the corpus's normal hives that hivexml reads, repeated, each with its logs),
#       built at run time under target/bench/tree: one `patchlens hive dump TREE -o DIR` and one
#       `patchlens hive artifacts TREE -o FILE` against a loop of 1,000 hivexml runs, each writing its XML to a
#       file of its own as the dump does (TREE_HIVES=N for another size). Each timed command first deletes
#       its own previous output, as a user running it again would; BENCH_OUT=/dev/shm/DIR writes the outputs to
#       memory instead of target/bench, which takes the file system's cost of deleting and creating 1,000 files
#       out of both tools' times (docs/performance.md).
# Each command runs RUNS times (default 5) after one untimed warm-up; the median wall-clock time and
# the median CPU time (user + sys, which other load on the machine disturbs less) are printed, with
# each peer's time divided by patchlens's (> 1: patchlens is faster). Outputs go to /dev/null.
#   bench/compare.sh            # all three
#   RUNS=9 bench/compare.sh a   # only (a)
# Needs: java, mvn, hivexml (libhivex-bin), reglookup (reglookup), regfexport (libregf-utils). Missing
# peers are installed with apt-get when the script runs as root (as on the project's machines; set
# PATCHLENS_NO_INSTALL=1 to skip that); a peer still missing is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v hivexml >/dev/null 2>&1 || missing+=(libhivex-bin)
command -v reglookup >/dev/null 2>&1 || missing+=(reglookup)
command -v regfexport >/dev/null 2>&1 || missing+=(libregf-utils)
if [ ${#missing[@]} -gt 0 ] && [ "$(id -u)" = 0 ] && [ -z "${PATCHLENS_NO_INSTALL:-}" ]; then
  echo "installing the peer tools: ${missing[*]}" >&2
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } >/dev/null 2>&1 \
    || echo "could not install ${missing[*]}; those peers are skipped" >&2
fi
RUNS="${RUNS:-5}"
which_cases="${1:-abcde}"
corpus="${PATCHLENS_CORPUS:-../shared/corpus}"
mkdir -p target/bench
./patchlens --version >/dev/null   # builds the jar if needed

have() { command -v "$1" >/dev/null 2>&1; }

# time_cmd LABEL CMD...: runs CMD RUNS times; prints "LABEL|median_wall|median_cpu"
time_cmd() {
  local label="$1"; shift
  "$@" >/dev/null 2>&1 || true          # warm-up (page cache, the AppCDS archive on a first run)
  local walls=() cpus=() t
  for _ in $(seq "$RUNS"); do
    t=$(mktemp)
    /usr/bin/time -f "%e %U %S" -o "$t" "$@" >/dev/null 2>&1 || true
    read -r w u s < <(tail -n 1 "$t"); rm -f "$t"   # GNU time adds "Command exited with non-zero status N" first
    walls+=("$w"); cpus+=("$(echo "$u + $s" | bc)")
  done
  printf '%s|%s|%s\n' "$label" "$(printf '%s\n' "${walls[@]}" | sort -g | sed -n "$(( (RUNS + 1) / 2 ))p")" \
    "$(printf '%s\n' "${cpus[@]}" | sort -g | sed -n "$(( (RUNS + 1) / 2 ))p")"
}

report() { # report TITLE: reads "label|wall|cpu" lines, the first being patchlens
  local title="$1" base_w base_c
  echo "== $title (median of $RUNS runs)"
  printf '  %-28s %9s %9s %12s %12s\n' tool wall_s cpu_s "wall ratio" "cpu ratio"
  while IFS='|' read -r label w c; do
    if [ -z "${base_w:-}" ]; then base_w=$w; base_c=$c; fi
    printf '  %-28s %9.3f %9.3f %12s %12s\n' "$label" "$w" "$c" \
      "$(echo "scale=2; $w / $base_w" | bc | sed 's/^\./0./')x" "$(echo "scale=2; $c / $base_c" | bc | sed 's/^\./0./')x"
  done
}

one_hive() { # one_hive TITLE FILE
  local f="$2"
  {
    time_cmd "patchlens hive dump" ./patchlens hive dump "$f"
    have hivexml && time_cmd hivexml hivexml "$f"
    have reglookup && time_cmd reglookup reglookup "$f"
    have regfexport && time_cmd regfexport regfexport "$f"
  } | report "$1: $f ($(stat -c %s "$f") bytes)"
}

if [[ "$which_cases" == *a* ]]; then
  one_hive "(a) largest corpus hive" "$corpus/hives/regipy/SYSTEM"
fi

if [[ "$which_cases" == *b* ]]; then
  if [ ! -f target/bench/synthetic-100MB.hive ]; then
    echo "generating target/bench/synthetic-100MB.hive ..." >&2
    mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench/cp.txt >&2
    java -Xmx4g -cp "target/test-classes:target/classes:$(cat target/bench/cp.txt)" org.patchlens.bench.BenchHives 100 >/dev/null
  fi
  one_hive "(b) builder hive" target/bench/synthetic-100MB.hive
fi

if [[ "$which_cases" == *c* ]]; then
  # 50 hives: the corpus hives (MANIFEST kind hive, class normal or dirty) that hivexml reads, cycled
  mapfile -t pool < <(awk -F'\t' '$4 == "hive" && ($5 == "normal" || $5 == "dirty") {print $1}' "$corpus/MANIFEST.tsv" \
    | while read -r p; do hivexml "$corpus/$p" >/dev/null 2>&1 && echo "$corpus/$p"; done)
  batch=()
  while [ ${#batch[@]} -lt 50 ]; do batch+=("${pool[@]}"); done
  batch=("${batch[@]:0:50}")
  total=$(stat -c %s "${batch[@]}" | paste -sd+ | bc)
  out=target/bench/batch-out
  hivexml_all() { for f in "$@"; do hivexml "$f" >/dev/null; done; }
  export -f hivexml_all
  {
    # the previous run's outputs deleted first, as in (e): a run into a folder of earlier outputs checks each
    # of them before replacing it (docs/performance.md), which is not what this case measures
    time_cmd "patchlens (1 process)" bash -c 'out="$1"; shift; rm -rf "$out"; ./patchlens hive dump "$@" -o "$out"' _ \
      "$out" "${batch[@]}"
    have hivexml && time_cmd "hivexml (50 processes)" bash -c 'hivexml_all "$@"' _ "${batch[@]}"
  } | report "(c) batch of 50 hives (${#pool[@]} distinct, $total bytes)"
  rm -rf "$out"
fi
if [[ "$which_cases" == *d* ]]; then
  time_cmd "patchlens check --demo" ./patchlens check --demo | report "(d) check on the bundled demo evidence"
fi
if [[ "$which_cases" == *e* ]]; then
  n_tree="${TREE_HIVES:-1000}"
  tree=target/bench/tree
  if [ ! -f "$tree/.complete-$n_tree" ]; then
    rm -rf "$tree"; mkdir -p "$tree"
    mapfile -t pool < <(awk -F'\t' '$4 == "hive" && $5 == "normal" {print $1}' "$corpus/MANIFEST.tsv" \
      | while read -r p; do hivexml "$corpus/$p" >/dev/null 2>&1 && echo "$p"; done)
    for i in $(seq 0 $((n_tree - 1))); do
      p="${pool[$((i % ${#pool[@]}))]}"
      d="$tree/$(printf '%04d' $((i / ${#pool[@]})))/$(dirname "${p#hives/}")"
      mkdir -p "$d"
      cp "$corpus/$p" "$d/"
      for l in "$corpus/$p".LOG "$corpus/$p".LOG1 "$corpus/$p".LOG2; do [ -f "$l" ] && cp "$l" "$d/"; done
    done
    touch "$tree/.complete-$n_tree"
  fi
  mapfile -t tree_hives < <(find "$tree" -type f ! -name '*.LOG*' ! -name '.complete-*' | sort)
  total=$(find "$tree" -type f ! -name '*.LOG*' ! -name '.complete-*' -printf '%s\n' | paste -sd+ | bc)
  outs="${BENCH_OUT:-target/bench}"
  mkdir -p "$outs"
  out="$outs/tree-out"
  # hivexml writes one XML file per hive into a folder: the same work as the dump's one output per hive
  hivexml_list() { local d="$1" i=0; shift; rm -rf "$d"; mkdir -p "$d"
    for f in "$@"; do i=$((i + 1)); hivexml "$f" >"$d/$i.xml"; done; }
  export -f hivexml_list
  {
    time_cmd "patchlens hive dump TREE" bash -c 'rm -rf "$1"; ./patchlens hive dump "$2" -o "$1"' _ "$out" "$tree"
    time_cmd "patchlens hive artifacts TREE" bash -c 'rm -f "$1"; ./patchlens hive artifacts "$2" -o "$1"' _ \
      "$outs/tree-artifacts.jsonl" "$tree"
    have hivexml && time_cmd "hivexml (${#tree_hives[@]} processes)" bash -c 'hivexml_list "$@"' _ "$outs/tree-xml" \
      "${tree_hives[@]}"
  } | report "(e) tree of ${#tree_hives[@]} hives ($total bytes; outputs in $outs)"
  rm -rf "$out" "$outs/tree-artifacts.jsonl" "$outs/tree-xml"
fi
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, load average $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
