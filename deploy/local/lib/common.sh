# shellcheck shell=bash
# Shared settings and process helpers for deploy/local/consilium. Sourced, never run.
#
# Every process the stack starts is launched by `launch`: in its own session (setsid, so a whole
# process group can be signalled and it survives the terminal), output appended to
# $DATA/logs/<name>.log, pid in $DATA/pids/<name>.pid. A pid file alone is not trusted: a pid may have
# been reused by another program since, so `running_pid` also checks the process's command line for a
# marker that only our own start command contains (see `marker_args`).

CONSILIUM_ALL_SERVICES=(referral-gateway intake scheduling consult reporting)

say()  { printf '%s\n' "$*"; }
step() { printf '==> %s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die()  { printf 'error: %s\n' "$*" >&2; exit 1; }

# Reads the environment once. Nothing below may use a fixed path or port: a system test runs a
# second stack next to the developer's one with CONSILIUM_DATA and every port overridden.
# shellcheck disable=SC2034 # the settings are used by the other lib/*.sh files
load_config() {
  DATA=${CONSILIUM_DATA:-$REPO/.consilium}
  mkdir -p "$DATA"
  DATA=$(cd "$DATA" && pwd -P)
  # Keycloak's kc.sh word-splits JAVA_OPTS (which carries our marker).
  case "$DATA" in *[[:space:]]*) die "CONSILIUM_DATA must not contain white space: '$DATA'" ;; esac
  RUNTIME=$REPO/deploy/local/target/runtime
  TOOLS_CLASSES=$REPO/deploy/local/target/classes
  LOGS=$DATA/logs
  PIDS=$DATA/pids

  if [ -n "${CONSILIUM_PG_HOST:-}" ]; then
    PG_EXTERNAL=true
    PG_HOST=$CONSILIUM_PG_HOST
  else
    PG_EXTERNAL=false
    PG_HOST=127.0.0.1
  fi
  PG_PORT=${CONSILIUM_PG_PORT:-15432}
  PG_ADMIN_USER=${CONSILIUM_PG_ADMIN_USER:-postgres}
  PG_ADMIN_PASSWORD=${CONSILIUM_PG_ADMIN_PASSWORD:-postgres}
  PG_OS_USER=${CONSILIUM_PG_OS_USER:-nobody}

  KAFKA_PORT=${CONSILIUM_KAFKA_PORT:-19092}
  KAFKA_CONTROLLER_PORT=${CONSILIUM_KAFKA_CONTROLLER_PORT:-19093}
  KAFKA_BOOTSTRAP=localhost:$KAFKA_PORT
  KAFKA_JAVA_OPTS=${CONSILIUM_KAFKA_JAVA_OPTS:--Xms64m -Xmx512m}

  KEYCLOAK_PORT=${CONSILIUM_KEYCLOAK_PORT:-18180}
  # One host name everywhere: the token issuer must equal what the services are configured with.
  KEYCLOAK_URL=http://localhost:$KEYCLOAK_PORT
  KEYCLOAK_REALM=consilium
  OIDC_ISSUER=$KEYCLOAK_URL/realms/$KEYCLOAK_REALM
  KEYCLOAK_HEAP=${CONSILIUM_KEYCLOAK_HEAP:--Xms64m -Xmx512m}

  SERVICE_JAVA_OPTS=${CONSILIUM_SERVICE_JAVA_OPTS:--Xmx256m}

  # CONSILIUM_SERVICES unset: all five. Set (even to ""): exactly that list (spaces or commas).
  if [ "${CONSILIUM_SERVICES+set}" = set ]; then
    read -r -a SERVICES <<<"${CONSILIUM_SERVICES//,/ }"
  else
    SERVICES=("${CONSILIUM_ALL_SERVICES[@]}")
  fi
  local s
  for s in "${SERVICES[@]}"; do is_service "$s" || die "unknown service '$s' in CONSILIUM_SERVICES"; done
}

is_service() {
  local s
  for s in "${CONSILIUM_ALL_SERVICES[@]}"; do [ "$s" = "$1" ] && return 0; done
  return 1
}

# --- naming of the five services ------------------------------------------------------------------

service_port() {
  local var default
  var="CONSILIUM_PORT_$(service_env_name "$1")"
  case "$1" in
    referral-gateway) default=18081 ;;
    intake) default=18082 ;;
    scheduling) default=18083 ;;
    consult) default=18084 ;;
    reporting) default=18085 ;;
  esac
  printf '%s\n' "${!var:-$default}"
}
service_env_name() { local n=${1//-/_}; printf '%s\n' "${n^^}"; }      # referral-gateway -> REFERRAL_GATEWAY
service_db()       { printf '%s\n' "${1//-/_}"; }                        # referral-gateway -> referral_gateway
service_url()      { printf 'http://localhost:%s\n' "$(service_port "$1")"; }
service_url_var() {
  case "$1" in
    referral-gateway) printf 'CONSILIUM_GATEWAY_URL\n' ;;
    *) printf 'CONSILIUM_%s_URL\n' "$(service_env_name "$1")" ;;
  esac
}
service_jar() { printf '%s\n' "$REPO/services/$1/target/quarkus-app/quarkus-run.jar"; }

# --- processes ------------------------------------------------------------------------------------

# Arguments only our own start command of <name> for this data folder has: a process is ours when
# one of its arguments equals one of these (whole arguments, so /x/stack never matches /x/stack2).
# Sets MARKER_ARGS to grep options (-e <marker> ...).
marker_args() {
  case "$1" in
    postgres) MARKER_ARGS=(-e "$DATA/postgres-bin/bin/postgres") ;;
    # bash running kc.sh, or - after kc.sh exec'ed java for a re-augmentation - java itself
    keycloak) MARKER_ARGS=(-e "$DATA/keycloak/bin/kc.sh" -e "-Dconsilium-local.process=keycloak@$DATA") ;;
    *) MARKER_ARGS=(-e "-Dconsilium-local.process=$1@$DATA") ;;
  esac
}

# Prints the pid of <name> if it runs and is really ours; fails otherwise. When the pid file is
# missing or stale, the process is looked up by its marker (and the pid file repaired), so a lost pid
# file never leaves an unstoppable process behind.
running_pid() {
  local file=$PIDS/$1.pid pid
  if [ -f "$file" ]; then
    pid=$(<"$file")
    if [[ $pid =~ ^[0-9]+$ ]] && has_marker "$pid" "$1"; then
      printf '%s\n' "$pid"
      return 0
    fi
  fi
  pid=$(find_by_marker "$1") || return 1
  mkdir -p "$PIDS" && printf '%s\n' "$pid" >"$file"
  printf '%s\n' "$pid"
}

has_marker() {
  marker_args "$2"
  grep -qzxF "${MARKER_ARGS[@]}" "/proc/$1/cmdline" 2>/dev/null
}

# The process-group leader (what `launch` started) whose command line carries the marker of <name>.
find_by_marker() {
  local file pid
  marker_args "$1"
  for file in $(grep -lzxF "${MARKER_ARGS[@]}" /proc/[0-9]*/cmdline 2>/dev/null); do
    pid=${file#/proc/}
    pid=${pid%/cmdline}
    [ "$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ')" = "$pid" ] || continue
    printf '%s\n' "$pid"
    return 0
  done
  return 1
}

# Is the process recorded for <name> alive? Weaker than running_pid, for a process we have just
# launched ourselves: right after the launch its command line is still setsid/setpriv/env, the marker
# appears only once those have exec'ed the real program.
launched_alive() {
  local pid state
  pid=$(cat "$PIDS/$1.pid" 2>/dev/null) || return 1
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  state=$(sed 's/^.*) \(.\).*/\1/' "/proc/$pid/stat" 2>/dev/null) || return 1
  [ -n "$state" ] && [ "$state" != Z ]
}

# launch <name> <working dir> <command...>: starts a background process in a new session.
launch() {
  local name=$1 dir=$2
  shift 2
  mkdir -p "$LOGS" "$PIDS"
  printf '\n===== %s: starting %s =====\n' "$(date '+%F %T')" "$name" >>"$LOGS/$name.log"
  # The subshell is not a process-group leader, so setsid does not fork: $! is the pid of the
  # command itself, and that pid is also its process-group id. fd 9 (the stack lock) is closed so the
  # daemon does not hold the lock forever.
  (cd "$dir" && exec setsid "$@") </dev/null >>"$LOGS/$name.log" 2>&1 9>&- &
  printf '%s\n' "$!" >"$PIDS/$name.pid"
}

# stop_process <name> [seconds]: SIGTERM to the process group, SIGKILL after the timeout.
stop_process() {
  local name=$1 timeout=${2:-30} pid target deadline
  if ! pid=$(running_pid "$name"); then
    rm -f "$PIDS/$name.pid"
    return 0
  fi
  # Signal the whole group (kc.sh runs java as a child, PostgreSQL has its backends) when the process
  # leads its own group, as everything started by `launch` does.
  target=$pid
  [ "$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ')" = "$pid" ] && target=-$pid
  kill -TERM -- "$target" 2>/dev/null || true
  deadline=$((SECONDS + timeout))
  while signalled_alive "$target" && ((SECONDS < deadline)); do sleep 0.2; done
  if signalled_alive "$target"; then
    warn "$name did not stop within ${timeout}s, sending SIGKILL"
    kill -KILL -- "$target" 2>/dev/null || true
    sleep 0.5
  fi
  rm -f "$PIDS/$name.pid"
  say "stopped $name (pid $pid)"
}

# Does a process (pid) or process group (-pgid) still have a live member? Zombies do not count: a
# dead process may wait a moment for its parent to reap it.
signalled_alive() {
  if [[ $1 == -* ]]; then
    ps -o stat= -g "${1#-}" 2>/dev/null | grep -qv '^Z'
  else
    ps -o stat= -p "$1" 2>/dev/null | grep -qv '^Z'
  fi
}

# Resident memory in MB of a process and its direct children (kc.sh + its java; the postmaster + its
# backends, whose shared memory is counted once per process, so PostgreSQL is overstated).
tree_rss_mb() {
  local kb
  kb=$(ps -o rss= --pid "$1" --ppid "$1" 2>/dev/null | awk '{s += $1} END {print s + 0}')
  printf '%s\n' "$((kb / 1024))"
}

fail_with_log() {
  local name=$1 message=$2
  printf 'error: %s %s. Last lines of %s:\n' "$name" "$message" "$LOGS/$name.log" >&2
  tail -n 40 "$LOGS/$name.log" >&2 2>/dev/null || true
  exit 1
}

# wait_for <name> <seconds> <check command...>: polls the check; fails early if the process died.
wait_for() {
  local name=$1 timeout=$2 deadline
  shift 2
  deadline=$((SECONDS + timeout))
  until "$@"; do
    launched_alive "$name" || fail_with_log "$name" "exited while starting"
    ((SECONDS < deadline)) || fail_with_log "$name" "is not healthy after ${timeout}s"
    sleep 0.5
  done
}

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

http_ok() { curl -fsS -o /dev/null --max-time 3 "$1" 2>/dev/null; }

# Refuses to start <name> on a port something else already listens on (it would "become healthy"
# by talking to a stranger).
require_free_port() {
  local name=$1 port=$2
  if port_open 127.0.0.1 "$port"; then
    die "$name: port $port is already in use by another process ($(ss -ltnpH "sport = :$port" 2>/dev/null | awk '{print $NF}' | head -n 1)). Stop it or choose another port (see 'consilium help')."
  fi
}

# Runs one of the Java helpers of this module.
run_tool() {
  java -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$RUNTIME/tools-libs/*:$TOOLS_CLASSES" "$@"
}
