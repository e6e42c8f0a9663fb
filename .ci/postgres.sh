# Starts a throw-away PostgreSQL cluster on 127.0.0.1:55432 and exports GONGKAI_TEST_POSTGRES.
# Sourced by .ci/run; can be sourced by hand to run the PostgreSQL tests locally.
pgver=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1)
if [ -n "$pgver" ]; then
  pgdir=/tmp/gongkai-pg
  if [ ! -f "$pgdir/PG_VERSION" ]; then
    rm -rf "$pgdir"; mkdir -p "$pgdir"; chown postgres "$pgdir"
    su postgres -c "/usr/lib/postgresql/$pgver/bin/initdb -D $pgdir -U postgres --auth=trust -E UTF8 >/dev/null"
  fi
  if ! su postgres -c "/usr/lib/postgresql/$pgver/bin/pg_ctl -D $pgdir status" >/dev/null 2>&1; then
    su postgres -c "/usr/lib/postgresql/$pgver/bin/pg_ctl -D $pgdir -l $pgdir/log -o '-p 55432 -k /tmp -c listen_addresses=127.0.0.1' -w start" >/dev/null
  fi
  export GONGKAI_TEST_POSTGRES="Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres"
fi
