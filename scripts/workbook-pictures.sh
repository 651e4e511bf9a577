#!/usr/bin/env bash
# Renders one picture per workbook sheet for docs/report.md, as LibreOffice prints them: the restore-check
# workbook of the demo (check --demo) and the Runbook sheet of the before-restore demo, a hive dump and a hive diff of the demo's SYSTEM hive (its
# ParametersPrivate key against the registry checkpoint the cluster would replay). The demo hive has no
# deleted records, so there is no picture of a dump's Recovered sheet (it looks like the Dump sheet).
#   scripts/workbook-pictures.sh            # writes docs/pictures/workbook-*.png (and docs/report-summary.png,
#                                           # the README's picture of the Summary)
#   scripts/workbook-pictures.sh OUTDIR     # somewhere else
# Needs LibreOffice (soffice or libreoffice) and poppler-utils (pdftotext, pdftoppm); .ci/run installs both.
# Run it again whenever the layout changes, and look at every picture before committing it.
# Each picture is the first page of its sheet: the Summary whole at 70 dpi, a table's first rows at 80 dpi.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-docs/pictures}"
office=$(command -v soffice || command -v libreoffice || true)
[ -n "$office" ] || { echo "$0: LibreOffice not found (Debian: libreoffice-calc-nogui)" >&2; exit 2; }
for t in pdftotext pdftoppm; do
  command -v "$t" >/dev/null || { echo "$0: $t not found (Debian: poppler-utils)" >&2; exit 2; }
done
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Run in the temporary folder with names relative to it, so the command lines the workbooks show (and the
# pictures) are the same on every run and every machine.
repo="$PWD"
cp -r testdata/demo "$tmp/demo"
system="demo/NODE1/system32/config/SYSTEM"
cpt="demo/Q/MSCS/2B9B5D5A-4C1D-4E52-9F0C-7D1E8A6B0022/00000002.CPT"
(
  cd "$tmp"
  set +e # check and hive diff exit 1 when they find something
  "$repo/patchlens" check --demo -o check.xlsx --deterministic >/dev/null 2>err || [ $? -eq 1 ] \
    || { cat err >&2; exit 1; }
  "$repo/patchlens" check --demo before-restore -o before.xlsx --deterministic >/dev/null 2>err || [ $? -eq 1 ] \
    || { cat err >&2; exit 1; }
  "$repo/patchlens" hive dump "$system" --path 'ControlSet001\Services\MSExchangeIS' -o dump.xlsx \
    --deterministic >/dev/null 2>err || [ $? -eq 1 ] || { cat err >&2; exit 1; }
  "$repo/patchlens" hive diff "$system" "$cpt" --path 'ControlSet001\Services\MSExchangeIS\ParametersPrivate' \
    --b-path '\' -o diff.xlsx --deterministic >/dev/null 2>err || [ $? -eq 1 ] || { cat err >&2; exit 1; }
)

HOME="$tmp" "$office" -env:UserInstallation="file://$tmp/lo-profile" --headless --norestore --convert-to pdf \
  --outdir "$tmp" "$tmp/check.xlsx" "$tmp/before.xlsx" "$tmp/dump.xlsx" "$tmp/diff.xlsx" >/dev/null 2>&1

# picture NAME PDF PAGE [HEIGHT [DPI]]: page PAGE of PDF (its top HEIGHT pixels when given) as OUT/workbook-NAME.png
picture() {
  local crop=()
  [ -n "${4:-}" ] && crop=(-x 0 -y 0 -W 1200 -H "$4")
  pdftoppm -png -r "${5:-80}" -f "$3" -l "$3" -singlefile "${crop[@]}" "$2" "$out/workbook-$1"
  echo "$out/workbook-$1.png"
}

# first PDF REGEX: the first page whose first printed line below the page header (sheet, title, file) matches
# REGEX (a sheet's header row)
first() {
  local pages n
  pages=$(pdfinfo "$1" | awk '/^Pages:/ {print $2}')
  for n in $(seq 1 "$pages"); do
    pdftotext -f "$n" -l "$n" -layout "$1" "$tmp/page.txt" # a file, not a pipe cut short (pipefail)
    if awk 'NF && ++k == 2 { print; exit }' "$tmp/page.txt" | grep -Eq "$2"; then
      echo "$n"
      return
    fi
  done
  echo "$0: no page of $1 starts with /$2/" >&2
  exit 1
}

check="$tmp/check.pdf"
picture summary "$check" 1 "" 70
[ "$out" = docs/pictures ] && cp "$out/workbook-summary.png" docs/report-summary.png
picture findings "$check" "$(first "$check" '^ *# +Rule +Severity')" 360
picture registry "$check" "$(first "$check" '^ *File +Source +Key')" 420
picture cluster "$check" "$(first "$check" '^ *Record +Cluster hive')" 430
picture store "$check" "$(first "$check" "^ *Field \(eseutil's label\)")" 470
picture log-chain "$check" "$(first "$check" '^ *Generation +Generation')" 165
picture evidence "$check" "$(first "$check" '^ *# +File +Kind')" 330
picture references "$check" "$(first "$check" '^ *KB +Title')" 330
# the Runbook sheet of the before-restore demo (docs/check.md, "Before the restore")
picture runbook "$tmp/before.pdf" "$(first "$tmp/before.pdf" '^ *Step +Phase +Action')" 900
picture dump-summary "$tmp/dump.pdf" 1 400
picture dump "$tmp/dump.pdf" "$(first "$tmp/dump.pdf" '^ *Path +Key last written')" 300
picture diff "$tmp/diff.pdf" "$(first "$tmp/diff.pdf" '^ *Change +Object')" 170
