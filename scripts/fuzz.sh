#!/usr/bin/env bash
# Fuzzes one Jazzer target for a fixed time; findings land in src/test/resources/org/patchlens/fuzz/<Class>Inputs/<method>/.
#   scripts/fuzz.sh HiveFuzzTest#hiveBytes 10m
#   scripts/fuzz.sh all 5m          # every target, one after the other
# The generated corpus is kept in .cifuzz-corpus/ (not committed) and reused by the next run.
# The targets' @Timeout(10) becomes libFuzzer's per-input -timeout (a hang is a finding); JUnit's own
# timeout is switched off here, since in fuzzing mode the whole run is one test invocation.
set -euo pipefail
cd "$(dirname "$0")/.."
targets=(HiveFuzzTest#hiveBytes HiveFuzzTest#patchedHive HiveFuzzTest#dumpWriters HiveFuzzTest#deletedRecords
         HiveFuzzTest#logReplay HiveFuzzTest#logHistory CliFuzzTest#hiveCommands
         EvidenceFuzzTest#classify EseFuzzTest#eseHeader EseFuzzTest#eseutilText CliFuzzTest#eseCommands
         WorkbookFuzzTest#hiveWorkbooks CheckFuzzTest#checkEvidence CheckFuzzTest#checkWorkbook EvidenceFuzzTest#scanTree
         ArtifactFuzzTest#fileTime ArtifactFuzzTest#bamRecord ArtifactFuzzTest#mruListEx ArtifactFuzzTest#guid
         ArtifactFuzzTest#timeFields ArtifactFuzzTest#computerName ArtifactFuzzTest#timezoneData ArtifactFuzzTest#shutdown
         ArtifactFuzzTest#services ArtifactFuzzTest#bam ArtifactFuzzTest#exchange55Server
         ArtifactFuzzTest#softwarePersistence ArtifactFuzzTest#installedProgramsSoftware ArtifactFuzzTest#profilelist
         ArtifactFuzzTest#lastLogon ArtifactFuzzTest#ntuserPersistence ArtifactFuzzTest#installedProgramsNtuser
         ArtifactFuzzTest#typedUrls ArtifactFuzzTest#typedPaths ArtifactFuzzTest#wordWheelQuery
         ArtifactFuzzTest#exchange55Cluster
         ArtifactFuzzTest#shimCacheData ArtifactFuzzTest#shimcache ArtifactFuzzTest#userAssistRecord
         ArtifactFuzzTest#userAssist ArtifactFuzzTest#samUserValues ArtifactFuzzTest#samparse
         ArtifactFuzzTest#amcache
         ArtifactFuzzTest#mountData ArtifactFuzzTest#systemTime ArtifactFuzzTest#gatewayHardware
         ArtifactFuzzTest#usbstor ArtifactFuzzTest#usbDevices ArtifactFuzzTest#mountedDevices ArtifactFuzzTest#networkData
         ArtifactFuzzTest#networklist
         ArtifactFuzzTest#shellItemList ArtifactFuzzTest#ntuserShellbags
         ArtifactFuzzTest#usrclassShellbags ArtifactFuzzTest#recentDocs)
[ $# -ge 1 ] || { echo "usage: $0 Class#method|all [duration, default 10m]" >&2; printf '  %s\n' "${targets[@]}" >&2; exit 2; }
duration="${2:-10m}"
[ "$1" = all ] && run=("${targets[@]}") || run=("$1")
mkdir -p target/fuzz
for t in "${run[@]}"; do
  log="target/fuzz/${t//#/.}.log"
  echo "fuzzing $t for $duration (log: $log)" >&2
  set +e
  JAZZER_FUZZ=1 mvn -B test -Dpatchlens.build.dir="$PWD/target/fuzz-build" -Dtest="$t" -Djazzer.hooks=true -Djazzer.max_duration="$duration" \
      -Djunit.jupiter.execution.timeout.mode=disabled -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1
  rc=$?
  set -e
  done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 || true)
  [ -n "$done_line" ] || done_line=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
  echo "$t: exit $rc; ${done_line:-no libFuzzer status line}" >&2
  grep -E '== Java Exception|artifact_prefix|Test unit written|crash-' "$log" >&2 || true
done
