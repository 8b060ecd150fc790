#!/usr/bin/env bash
# Builds the fuzz target with libFuzzer and AddressSanitizer and runs it.
#   Fuzz/run.sh [SECONDS]   (default 600)
# Crashes, hangs (-timeout) and slow inputs land in Fuzz/findings/; keep each as a regression
# test in Tests/DossierModelTests/Fixtures/hostile/.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-600}
# The build plan names the main package's files; SwiftPM does not notice a file added there
# since the last fuzz build (its compile then fails), so the plan is made anew each time.
rm -f .build-fuzz/release/description.json .build-fuzz/release.yaml
swift build -c release --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
mkdir -p findings work
cp -n seeds/* work/ 2>/dev/null || true
exec ./.build-fuzz/release/dossier-fuzz work -artifact_prefix=findings/ -max_total_time="$seconds" \
    -timeout=10 -rss_limit_mb=4096 -max_len=65536 -print_final_stats=1
