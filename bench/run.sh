#!/usr/bin/env bash
# PhantomDB (lsm, btree) vs PostgreSQL 15 on this machine, same clients: pgbench, YCSB, analytic
# queries. Prints one table; writes results.md, results.csv and ratios.svg to the output directory
# (default bench/results/<UTC timestamp>) and copies the chart to docs/benchmarks-ratios.svg.
# Every server it starts is stopped at the end, on failure and on Ctrl-C.
# See docs/benchmarks.md, "PhantomDB vs PostgreSQL: bench/run.sh". Options: bench/run.sh --help
set -euo pipefail
root=$(cd -- "$(dirname -- "$0")/.." && pwd)
cd "$root"

die() { echo "bench/run.sh: $*" >&2; exit 1; }

for a in "$@"; do
  if [ "$a" = --help ] || [ "$a" = -h ]; then
    exec java -cp "$root/benchmarks/target/benchmarks.jar" io.phantomdb.bench.compare.CompareMain --help 2>&1 || true
  fi
done

home=$(ls -d distribution/target/phantomdb-*/phantomdb-*/ 2>/dev/null | grep -v minimal | head -n 1 || true)
[ -n "$home" ] && [ -x "$home/bin/phantomdb" ] \
  || die "no built PhantomDB tarball under distribution/target: build it first with 'mvn -q package -DskipTests' (README.md)"
command -v pgbench >/dev/null || die "pgbench not found (Debian: apt-get install postgresql-client-15)"
[ -x /usr/lib/postgresql/15/bin/postgres ] || die "PostgreSQL 15 not found in /usr/lib/postgresql/15/bin (Debian: apt-get install postgresql-15)"

jar=benchmarks/target/benchmarks.jar
if [ ! -f "$jar" ] || ! unzip -l "$jar" io/phantomdb/bench/compare/CompareMain.class >/dev/null 2>&1; then
  echo "building $jar (mvn -q -Pbench -pl benchmarks -am package -DskipTests)"
  mvn -q -Pbench -pl benchmarks -am package -DskipTests
fi

out=""
partial=""
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[i]}" in
    --out) out=${args[i+1]:-} ;;
    --systems|--only|--scales|--clients|--ycsb-records) partial=1 ;;
  esac
done
if [ -z "$out" ]; then
  out=bench/results/$(date -u +%Y%m%d-%H%M%S)
  args+=(--out "$out")
fi

# The driver stops its servers itself (finally block and shutdown hook), also on Ctrl-C and
# SIGTERM. SIGINT is reset to its default: a shell that started us in the background may have left
# it ignored, and a JVM never handles a signal ignored at its start.
status=0
env --default-signal=INT java -Dslf4j.internal.verbosity=ERROR -cp "$jar" io.phantomdb.bench.compare.CompareMain --home "$home" "${args[@]}" || status=$?
# Only a run of the whole matrix (default or --quick, any --duration/--runs) replaces the docs' chart.
if [ -f "$out/ratios.svg" ] && [ -z "$partial" ]; then
  cp "$out/ratios.svg" docs/benchmarks-ratios.svg
  echo "chart: $out/ratios.svg and ratios.png (the SVG copied to docs/benchmarks-ratios.svg)"
elif [ -f "$out/ratios.svg" ]; then
  echo "chart: $out/ratios.svg and ratios.png (a partial matrix: docs/benchmarks-ratios.svg left as it was)"
fi
exit $status
