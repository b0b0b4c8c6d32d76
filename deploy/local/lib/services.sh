# shellcheck shell=bash
# The five Quarkus services, each `java -jar` on its packaged quarkus-app, configured by environment.

service_start() {
  local name=$1 jar db port jvm_opts
  if running_pid "$name" >/dev/null; then
    say "$name: already running"
    return 0
  fi
  jar=$(service_jar "$name")
  [ -f "$jar" ] || die "$name is not built ($jar missing); run 'consilium up --build'"
  port=$(service_port "$name")
  require_free_port "$name" "$port"
  db=$(service_db "$name")
  step "starting $name on $(service_url "$name")"
  # Working directory in the data folder: whatever a service writes stays out of the repository.
  mkdir -p "$DATA/work/$name"
  read -r -a jvm_opts <<<"$SERVICE_JAVA_OPTS"
  launch "$name" "$DATA/work/$name" env \
    "QUARKUS_HTTP_PORT=$port" \
    "QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://$PG_HOST:$PG_PORT/$db" \
    "QUARKUS_DATASOURCE_USERNAME=$db" \
    "QUARKUS_DATASOURCE_PASSWORD=$(pg_service_password "$db")" \
    "KAFKA_BOOTSTRAP_SERVERS=$KAFKA_BOOTSTRAP" \
    "QUARKUS_OIDC_AUTH_SERVER_URL=$OIDC_ISSUER" \
    java "${jvm_opts[@]}" "-Dconsilium-local.process=$name@$DATA" -jar "$jar"
}

service_healthy() { http_ok "$(service_url "$1")/q/health/ready"; }

service_wait() { wait_for "$1" "${CONSILIUM_SERVICE_WAIT_SECONDS:-120}" service_healthy "$1"; }

service_stop() { stop_process "$1" 30; }
