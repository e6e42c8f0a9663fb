#!/usr/bin/env bash
# Steady-state CPU per report of the text import: the working tree (or NEW commit) against BASE,
# both loaded into one process (Program.cs), rounds alternating. Prints new/base per round and the
# median. Start-up and JIT are not in this figure: time whole processes for those (docs/benchmarks.md).
#
# Usage: bench/import-side-by-side/run.sh BASE [NEW] [ROUNDS] [ITERATIONS]
#   BASE, NEW: commits (NEW defaults to the working tree). Defaults: 21 rounds × 200 iterations of
#   the two published samples (000: tabs; 001: scraped html2text pipes).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
base=${1:?usage: run.sh BASE [NEW] [ROUNDS] [ITERATIONS]}
new=${2:-}
rounds=${3:-21}
iterations=${4:-200}
work=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$work/base-src" >/dev/null 2>&1 || true; git -C "$root" worktree remove --force "$work/new-src" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

build() { # $1: source tree, $2: output folder
  dotnet build -c Release "$1/src/Gongkai.Import" -o "$2" -p:CopyLocalLockFileAssemblies=true -v q -nologo -clp:ErrorsOnly
}

git -C "$root" worktree add --detach "$work/base-src" "$base" >/dev/null
build "$work/base-src" "$work/base"
if [ -n "$new" ]; then
  git -C "$root" worktree add --detach "$work/new-src" "$new" >/dev/null
  build "$work/new-src" "$work/new"
else
  build "$root" "$work/new"
fi
dotnet build -c Release "$root/bench/import-side-by-side" -o "$work/tool" -v q -nologo -clp:ErrorsOnly
samples=$root/../shared/samples
"$work/tool/side-by-side" "$work/new" "$work/base" "$rounds" "$iterations" \
  "$samples"/000_*.txt "$samples"/001_*.txt
