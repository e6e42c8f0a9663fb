#!/usr/bin/env bash
# Runs every test of Gongkai: the README's test command.
#
# 1. Installs what the tests need when it is missing (Debian packages; as root, or through sudo):
#    PostgreSQL, Chromium, the Noto CJK fonts, poppler-utils (pdftotext), LibreOffice Writer (the
#    import zoo's converted forms), pandoc, w3m and lynx (the zoo's HTML-to-text and -Markdown
#    forms), pdfminer.six (pdf2txt: the zoo's PDF-to-text form of Python scrapers), Tesseract with
#    simplified Chinese (OCR).
# 2. Starts a throw-away PostgreSQL cluster on a free port in a temporary folder, so the tests run on
#    SQLite and on PostgreSQL, and stops and removes it afterwards.
# 3. Runs `dotnet test Gongkai.slnx` with any extra arguments given (e.g. --filter ...).
#
# With CI=true (what .ci/run sets) a test that needs PostgreSQL or Chromium fails when it is missing;
# without it, the PostgreSQL variants are reported as skipped with the reason.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Test hosts neither watch appsettings.json nor use inotify for wwwroot: hundreds of hosts would exhaust
# the per-user inotify instances (128). The web test assembly sets the same in a module initialiser.
export DOTNET_hostBuilder__reloadConfigOnChange=false DOTNET_USE_POLLING_FILE_WATCHER=true

need=()
command -v pg_ctlcluster >/dev/null || [ -n "$(ls /usr/lib/postgresql 2>/dev/null)" ] || need+=(postgresql)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || need+=(fonts-noto-cjk)
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)
command -v pandoc >/dev/null || need+=(pandoc)
command -v w3m >/dev/null || need+=(w3m)
command -v lynx >/dev/null || need+=(lynx)
command -v pdf2txt >/dev/null || need+=(python3-pdfminer)
command -v tesseract >/dev/null || need+=(tesseract-ocr)
[ -f /usr/share/tesseract-ocr/5/tessdata/chi_sim.traineddata ] || ls /usr/share/tesseract-ocr/*/tessdata/chi_sim.traineddata >/dev/null 2>&1 || need+=(tesseract-ocr-chi-sim)
if [ ${#need[@]} -gt 0 ]; then
  echo "test.sh: installing ${need[*]}" >&2
  if [ "$(id -u)" -eq 0 ]; then apt=(apt-get); elif sudo -n true 2>/dev/null; then apt=(sudo -E apt-get); else apt=(); fi
  if [ ${#apt[@]} -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    "${apt[@]}" update -qq
    "${apt[@]}" install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "test.sh: cannot install ${need[*]} (not root, no sudo); the tests that need them will say so." >&2
  fi
fi

# A throw-away PostgreSQL cluster on a free port, unless GONGKAI_TEST_POSTGRES already names a server.
pgdir=""
stop_pg() {
  if [ -n "$pgdir" ]; then
    $as_pg "$pgbin/pg_ctl -D $pgdir -m immediate stop" >/dev/null 2>&1 || true
    rm -rf "$pgdir"
  fi
}
if [ -z "${GONGKAI_TEST_POSTGRES:-}" ]; then
  pgver=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1 || true)
  if [ -n "$pgver" ]; then
    pgbin=/usr/lib/postgresql/$pgver/bin
    port=55432
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
    pgdir=$(mktemp -d /tmp/gongkai-pg.XXXXXX)
    if [ "$(id -u)" -eq 0 ]; then
      chown postgres "$pgdir"
      as_pg="su postgres -s /bin/sh -c"
    else
      as_pg="sh -c"
    fi
    trap stop_pg EXIT
    $as_pg "$pgbin/initdb -D $pgdir -U postgres --auth=trust -E UTF8 >/dev/null"
    $as_pg "$pgbin/pg_ctl -D $pgdir -l $pgdir/log -o '-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off' -w start" >/dev/null
    export GONGKAI_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
    echo "test.sh: PostgreSQL $pgver on 127.0.0.1:$port" >&2
  fi
fi

dotnet test Gongkai.slnx "$@"
