#!/usr/bin/env bash
# Checks a deployed bot from the outside, as Teams and a stranger see it:
#   infra/smoke-test.sh https://<botHostName>
# - GET /          answers (the app started: configuration, identity and reference data were accepted)
# - GET /health    200 "healthy": liveness, App Service's health-check path (the process and its store answer)
# - GET /status    200 "healthy": no parked fulfilment events; 503 "degraded" counts what is stuck (no details: public)
# - POST /api/messages without a token, and with a forged one: 401 each (inbound authentication is on)
# Exits 0 when every check passes, 1 otherwise, printing one line per check. Needs curl.
set -uo pipefail

base="${1:-}"
if [[ -z "$base" ]]; then
  echo "usage: infra/smoke-test.sh https://<botHostName>" >&2
  exit 2
fi
base="${base%/}"
command -v curl > /dev/null || { echo "smoke-test needs curl" >&2; exit 2; }
if [[ "$base" == http://* && ! "$base" =~ ^http://(127\.0\.0\.1|localhost)([:/]|$) ]]; then
  echo "warning: $base is plain http; Teams only calls a bot over https" >&2
fi

failures=0
body="$(mktemp)"
trap 'rm -f "$body"' EXIT

pass() { echo "ok    $1"; }
fail() { echo "FAIL  $1"; failures=$((failures + 1)); }

# status <method> <path> [curl arguments...]: the HTTP status, the body in $body; 000 when nothing answered.
status() {
  local method="$1" path="$2"
  shift 2
  curl -s -o "$body" -w '%{http_code}' --max-time 30 -X "$method" "$@" "$base$path" || true
}

code="$(status GET /)"
if [[ "$code" == 200 ]]; then pass "GET / answers 200"; else fail "GET / answered $code (000: nothing listens at $base)"; fi

# Both reports start {"status":"...",...}; read the one field without a JSON tool.
report_status() { grep -o '"status" *: *"[a-z]*"' "$body" | head -n 1 | sed 's/.*"\([a-z]*\)"$/\1/'; }

code="$(status GET /health)"
health="$(report_status)"
if [[ "$code" == 200 && "$health" == healthy ]]; then
  pass "GET /health is healthy"
else
  fail "GET /health answered $code, status '${health:-not JSON}': $(head -c 400 "$body")"
fi

code="$(status GET /status)"
health="$(report_status)"
if [[ "$code" == 200 && "$health" == healthy ]]; then
  pass "GET /status: nothing parked"
else
  fail "GET /status answered $code, status '${health:-not JSON}': $(head -c 400 "$body")"
fi

# A harmless activity (typing): if authentication were off, the bot would accept it and do nothing visible.
activity='{"type":"typing","id":"smoke-test","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/teams/",
  "from":{"id":"29:smoke-test"},"recipient":{"id":"28:smoke-test"},"conversation":{"id":"a:smoke-test"}}'

code="$(status POST /api/messages -H 'Content-Type: application/json' --data "$activity")"
if [[ "$code" == 401 ]]; then
  pass "POST /api/messages without a token is refused (401)"
else
  fail "POST /api/messages without a token answered $code, not 401: is MicrosoftAppId set?"
fi

# A well-formed JWT signed by nobody the Bot Connector knows.
forged="$(printf '{"alg":"RS256","kid":"smoke-test","typ":"JWT"}' | base64 | tr -d '=\n' | tr '/+' '_-').$(printf '{"iss":"https://api.botframework.com","aud":"smoke-test","exp":4102444800}' | base64 | tr -d '=\n' | tr '/+' '_-').c2lnbmF0dXJl"
code="$(status POST /api/messages -H 'Content-Type: application/json' -H "Authorization: Bearer $forged" --data "$activity")"
if [[ "$code" == 401 ]]; then
  pass "POST /api/messages with a forged token is refused (401)"
else
  fail "POST /api/messages with a forged token answered $code, not 401"
fi

if ((failures > 0)); then
  echo "$failures check(s) failed against $base"
  exit 1
fi
echo "all checks passed against $base"
