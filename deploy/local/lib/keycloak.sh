# shellcheck shell=bash
# Keycloak in dev mode (H2 database in $DATA/keycloak/data), realm imported from
# deploy/keycloak/realm-consilium.json on the first start.

keycloak_install() {
  [ -x "$DATA/keycloak/bin/kc.sh" ] && return 0
  local zip tmp
  zip=$(ls "$RUNTIME"/keycloak-quarkus-dist-*.zip 2>/dev/null | head -n 1)
  [ -n "$zip" ] || die "no Keycloak distribution in $RUNTIME (build deploy/local first)"
  say "unpacking $(basename "$zip") into $DATA/keycloak"
  tmp=$DATA/keycloak.tmp
  rm -rf "$tmp" && mkdir -p "$tmp"
  unzip -q "$zip" -d "$tmp"
  mv "$tmp"/keycloak-* "$DATA/keycloak"
  rm -rf "$tmp"
}

keycloak_start() {
  if running_pid keycloak >/dev/null; then
    say "Keycloak: already running"
    return 0
  fi
  require_free_port keycloak "$KEYCLOAK_PORT"
  keycloak_install
  # Imported only while the realm does not exist yet (see deploy/keycloak/README.md to re-import).
  mkdir -p "$DATA/keycloak/data/import"
  cp "$REPO/deploy/keycloak/realm-consilium.json" "$DATA/keycloak/data/import/"
  step "starting Keycloak on $KEYCLOAK_URL"
  # --hostname fixes the issuer to http://localhost:<port> whatever address a client used.
  # The admin console user (master realm) is created on the first start only.
  launch keycloak "$DATA/keycloak" env \
    "JAVA_OPTS_KC_HEAP=$KEYCLOAK_HEAP" \
    "JAVA_OPTS_APPEND=-Dconsilium-local.process=keycloak@$DATA" \
    "KC_BOOTSTRAP_ADMIN_USERNAME=${CONSILIUM_KEYCLOAK_ADMIN:-admin}" \
    "KC_BOOTSTRAP_ADMIN_PASSWORD=${CONSILIUM_KEYCLOAK_ADMIN_PASSWORD:-admin}" \
    "$DATA/keycloak/bin/kc.sh" start-dev --http-host=127.0.0.1 "--http-port=$KEYCLOAK_PORT" \
    "--hostname=$KEYCLOAK_URL" --import-realm
}

keycloak_healthy() { http_ok "$OIDC_ISSUER/.well-known/openid-configuration"; }

keycloak_wait() { wait_for keycloak 240 keycloak_healthy; }

keycloak_stop() { stop_process keycloak 30; }
