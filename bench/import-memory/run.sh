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
err=$(mktemp)
trap 'rm -rf "$work" "$err"' EXIT
python3 "$root/bench/import-memory/inputs.py" "$root/tests/Gongkai.Import.Tests/Fixtures" "$work"
echo "| input | size | answer | peak RSS | CPU s | (peak − baseline) per MB of input |"
echo "|---|---:|---|---:|---:|---:|"
/usr/bin/time -f "TIME %M" "$cli" import "$work/empty.txt" >/dev/null 2>"$err" || true
base=$(grep TIME "$err" | cut -d' ' -f2)
for f in $(cd "$work" && ls | grep -v '^empty'); do
  size=$(stat -c %s "$work/$f")
  /usr/bin/time -f "TIME %M %U %S" "$cli" import "$work/$f" >/dev/null 2>"$err" || true
  read -r _ rss user sys < <(grep TIME "$err")
  answer=$(grep -o 'SOURCE\.[a-z-]*' "$err" | head -1 || true)
  python3 - "$f" "$size" "${answer:-read}" "$rss" "$user" "$sys" "$base" <<'PY'
import sys
f, size, answer, rss, user, sys_, base = sys.argv[1:]
size, rss, base = int(size), int(rss), int(base)
mb = size / 1048576
per = f"{(rss-base)/1024/mb:.0f} MB" if mb >= 0.25 else "—"
print(f"| {f} | {size/1024:,.0f} KB | {answer} | {rss/1024:.0f} MB | {float(user)+float(sys_):.2f} | {per} |")
PY
done
