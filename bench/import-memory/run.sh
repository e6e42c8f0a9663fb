#!/usr/bin/env bash
# Peak memory (RSS) and CPU time of `gongkai import` per reader, per MB of input.
# Usage: bench/import-memory/run.sh [path to the gongkai executable]
# Needs python3 and GNU time (/usr/bin/time). Writes the inputs to a temporary folder; prints a
# Markdown table (docs/import-limits.md holds the last run).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cli=${1:-$root/src/Gongkai.Cli/bin/Release/net10.0/gongkai}
if [ ! -x "$cli" ]; then dotnet build -c Release "$root/src/Gongkai.Cli" >/dev/null; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$root/bench/import-memory/inputs.py" "$root/tests/Gongkai.Import.Tests/Fixtures" "$work"
echo "| input | size | answer | peak RSS | CPU s | RSS per MB of input |"
echo "|---|---:|---|---:|---:|---:|"
base=$( { /usr/bin/time -f "%M" "$cli" import "$work/empty.txt" >/dev/null 2>/dev/null; } 2>&1 | tail -1 )
for f in $(cd "$work" && ls | grep -v '^empty'); do
  size=$(stat -c %s "$work/$f")
  out=$( { /usr/bin/time -f "TIME %M %U %S" "$cli" import "$work/$f" >/dev/null 2>"$work/err"; } 2>&1; true)
  read -r _ rss user sys < <(grep TIME "$work/err")
  answer=$(grep -o 'SOURCE\.[a-z-]*' "$work/err" | head -1 || true)
  python3 - "$f" "$size" "${answer:-read}" "$rss" "$user" "$sys" "$base" <<'PY'
import sys
f, size, answer, rss, user, sys_, base = sys.argv[1:]
size, rss, base = int(size), int(rss), int(base)
mb = size / 1048576
print(f"| {f} | {mb:.2f} MB | {answer} | {rss/1024:.0f} MB | {float(user)+float(sys_):.2f} | {(rss-base)/1024/max(mb,0.01):.0f} MB |")
PY
done
