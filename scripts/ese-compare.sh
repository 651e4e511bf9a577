#!/usr/bin/env bash
# Behaviour-unchanged check for the ESE readers: runs `ese header|checkpoint|log|logs` (text and --format json)
# and the EseFile/LogChain records (scripts/EseOutputs.java) on every input under the roots, once with a build
# of BASE (a commit) and once with a build of the work tree, and compares the two outputs byte for byte.
#   scripts/ese-compare.sh BASE [EXTRA_ROOT...]
#   scripts/ese-compare.sh main                  # the default roots: the shared ESE corpus (when present),
#                                                # testdata/demo, the eseutil samples, the ESE fuzz regression inputs
#   scripts/ese-compare.sh 03861f7 /tmp/inputs   # plus any folder of inputs (*.ese-logs-args: see EseOutputs.java)
# Exit 0 identical, 1 different (the first differing lines are shown), 2 usage or build failure.
# BASE is built from `git archive` in a temporary folder (no worktree is added); outputs stay in target/ese-compare/.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { sed -n '2,10p' "$0" >&2; exit 2; }
base="$1"; shift
roots=()
[ -d ../shared/corpus/ese ] && roots+=("$(cd ../shared/corpus/ese && pwd)")
roots+=("$PWD/testdata/demo" "$PWD/src/test/resources/org/patchlens/ese"
        "$PWD/src/test/resources/org/patchlens/fuzz/EseFuzzTestInputs")
for r in "$@"; do roots+=("$(cd "$r" && pwd)"); done
out="$PWD/target/ese-compare"
mkdir -p "$out"
rev=$(git rev-parse --verify "$base^{commit}") || exit 2
basedir=$(mktemp -d "${TMPDIR:-/tmp}/ese-compare-base.XXXXXX")
trap 'rm -rf "$basedir"' EXIT
echo "building $base ($rev) in $basedir" >&2
git archive "$rev" | tar -x -C "$basedir"
(cd "$basedir" && mvn -B -q -DskipTests package) >"$out/base-build.log" 2>&1 || { echo "base build failed: $out/base-build.log" >&2; exit 2; }
echo "building the work tree" >&2
mvn -B -q -DskipTests package >"$out/work-build.log" 2>&1 || { echo "work-tree build failed: $out/work-build.log" >&2; exit 2; }
java -cp "$basedir/target/patchlens.jar" scripts/EseOutputs.java "$out/before.txt" "${roots[@]}"
java -cp target/patchlens.jar scripts/EseOutputs.java "$out/after.txt" "${roots[@]}"
if cmp -s "$out/before.txt" "$out/after.txt"; then
  echo "identical: $(wc -c <"$out/after.txt") bytes, $(grep -c '^### ' "$out/after.txt") command runs and records ($out/before.txt, after.txt)"
else
  echo "DIFFERENT ($out/before.txt vs after.txt):" >&2
  diff "$out/before.txt" "$out/after.txt" | head -40 >&2
  exit 1
fi
