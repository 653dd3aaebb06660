#!/usr/bin/env bash
# Renders what a user sees in the demo output (the coloured ledger, 回访清单, 联席会议汇总, and the
# joint meeting of the three fixture units) to PNGs
# for the README, through LibreOffice and poppler: npm run demo && bash scripts/render-screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/images
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
soffice "-env:UserInstallation=file://$work/profile" --headless --convert-to pdf --outdir "$work" demo-output/sample-ledger.tricolor.xlsx >/dev/null
pdf="$work/sample-ledger.tricolor.pdf"
# First page of each sheet, found by its title text.
# (awk reads to the end: exiting early would kill pdftotext with SIGPIPE and, under pipefail, the script)
page_of() { pdftotext -layout "$pdf" - | awk -v RS='\f' -v want="$1" '!found && index($0, want) { found = NR } END { print found }'; }
render() { pdftoppm -png -r 110 -f "$1" -l "$1" -singlefile "$pdf" "$out/$2"; }
# The ledger prints fitted to the page width, so show two readable crops of its last page (the
# newest disputes, most of them still open): the user's columns and the add-in's columns.
last=$(( $(page_of '填表说明') - 1 ))
pdftoppm -png -r 200 -f "$last" -l "$last" -x 60 -y 100 -W 1150 -H 560 -singlefile "$pdf" "$out/ledger-left"
pdftoppm -png -r 200 -f "$last" -l "$last" -x 1560 -y 100 -W 700 -H 560 -singlefile "$pdf" "$out/ledger-right"
render "$(page_of '回访清单（截至')" due-list
render "$(page_of '矛盾纠纷联席会议汇总表')" meeting-summary

# The joint meeting of the 派出所, 司法所 and 法庭 fixtures: its first page (title, blanks, counts),
# with the charts, the key-case list, and one 责任人's revisit list.
soffice "-env:UserInstallation=file://$work/profile" --headless --convert-to pdf --outdir "$work" "demo-output/联席会议汇总.tricolor.xlsx" >/dev/null
pdf="$work/联席会议汇总.tricolor.pdf"
render "$(page_of '三调联动联席会议矛盾纠纷汇总表')" meeting-joint-first
render "$(page_of '突出矛盾纠纷台账（')" meeting-joint-key-cases
render "$(page_of '责任人/单位：')" meeting-joint-due-list
ls -la "$out"
