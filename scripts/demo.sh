#!/usr/bin/env bash
# Builds siterank and ranks the embedded Hangzhou sample for an example
# project (an IC packaging-and-test plant), and writes the HTML report to
# build/report.html. Other profiles: configs/profiles/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh >/dev/null
profile="${1:-configs/profiles/ic_packaging_test_plant.json}"
build/bin/siterank rank --profile "$profile" --top 15
build/bin/siterank report --profile "$profile" -o build/report.html -q
echo "map and breakdowns: build/report.html (open it in a browser; it needs no network)"
