#!/usr/bin/env bash
# Builds siterank and ranks the embedded Hangzhou sample for an example
# project (an IC packaging-and-test plant). Other profiles: configs/profiles/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh >/dev/null
profile="${1:-configs/profiles/ic_packaging_test_plant.json}"
build/bin/siterank rank --profile "$profile" --top 15
