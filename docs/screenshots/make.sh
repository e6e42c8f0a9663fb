#!/usr/bin/env bash
# Regenerates the screenshots of the rendered sample report (兰陵县卫健局 2021):
#   report-html.png      the HTML page in headless Chromium (A4 width at 150 dpi)
#   report-pdf-1.png …   the first PDF pages at 60 dpi
# Needs chromium, pdftoppm (poppler-utils) and fonts-noto-cjk. See docs/rendering.md.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

# The test writes report.html, report.pdf and report.docx into $GONGKAI_RENDER_OUT.
GONGKAI_RENDER_OUT="$out" dotnet test "$root/tests/Gongkai.Render.Tests" --filter "Category=Screenshots" --nologo -v q

chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
  --screenshot="$here/report-html.png" --window-size=1240,1754 "file://$out/report.html" 2>/dev/null
pdftoppm -png -r 60 -f 1 -l 2 "$out/report.pdf" "$here/report-pdf"
ls -l "$here"/*.png
