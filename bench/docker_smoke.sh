#!/usr/bin/env bash
# The Dockerfile's install and start commands, run in a plain Python 3.11 venv (no docker daemon here).
#
#   bash bench/docker_smoke.sh            # ~1-2 minutes: a fresh venv and a non-editable `pip install .`
#
# Mirrors the Dockerfile step by step: copy only what it COPYs, `pip install .`, `lundao corpus check`, `lundao index build`,
# then its CMD (`lundao db upgrade && exec lundao run`) from another directory, against a fake Slack Web
# API and a SQLite file, all on loopback. Checks /healthz, a signed slash command, an unsigned request,
# and that SIGTERM stops the server. Prints one PASS/FAIL line per check; exits 1 if any failed.
# Keep it in step with the Dockerfile.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
python=${PYTHON:-python3.11}
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT
failures=0
check() {  # check NAME COMMAND...: one line, PASS or FAIL
  if "${@:2}"; then echo "PASS $1"; else echo "FAIL $1"; failures=$((failures + 1)); fi
}

# COPY pyproject.toml README.md ./ ; COPY bot knowledge config
mkdir -p "$work/app"
cp "$root/pyproject.toml" "$root/README.md" "$work/app/"
cp -r "$root/bot" "$root/knowledge" "$root/config" "$work/app/"
find "$work/app" -name __pycache__ -prune -exec rm -rf {} +

"$python" -m venv "$work/venv"
export PATH="$work/venv/bin:$PATH" PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
start=$(date +%s)
(cd "$work/app" && pip install --quiet --no-cache-dir .) || { echo "FAIL pip install ."; exit 1; }
echo "PASS pip install . ($(($(date +%s) - start)) s)"
# The image must not need the source tree: from here on everything runs elsewhere.
rm -rf "$work/app"
mkdir -p "$work/run" "$work/data"
cd "$work/run" || exit 1
check "lundao corpus check" lundao corpus check
export LUNDAO_CACHE_DIR=$work/cache LUNDAO_INDEX_DIR=$work/cache/index   # as the Dockerfile's ENV
check "lundao index build bakes the query engine's graph" sh -c 'lundao index build >/dev/null && ls "$LUNDAO_CACHE_DIR/e5-onnx" | grep -q onnx'
check "lundao search bakes the index cache" sh -c 'lundao search 开源模型 >/dev/null && ls "$LUNDAO_CACHE_DIR" | grep -q .'

port=$(python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python - "$work/fake.url" <<'PY' &
import sys, time
from pathlib import Path
from bot.fake_slack import FakeSlack
with FakeSlack() as slack:
    Path(sys.argv[1]).write_text(slack.api_url)
    time.sleep(300)  # killed by the script; bounded either way
PY
pids+=($!)
for _ in $(seq 100); do [ -s "$work/fake.url" ] && break; sleep 0.1; done

export SLACK_BOT_TOKEN=xoxb-smoke SLACK_SIGNING_SECRET=smoke-secret SLACK_API_BASE_URL=$(cat "$work/fake.url")
export PORT=$port LUNDAO_DATA_DIR=$work/data DATABASE_URL="sqlite:///$work/data/lundao.sqlite3"
unset SLACK_APP_TOKEN

check "lundao db upgrade" lundao db upgrade

begin=$(date +%s.%N)
lundao run >"$work/run.log" 2>&1 &
server=$!
pids+=($server)
ready=""
for _ in $(seq 600); do
  if curl -s -o /dev/null -m 1 "http://127.0.0.1:$port/slack/events" 2>/dev/null; then ready=1; break; fi
  sleep 0.1
done
[ -n "$ready" ] && echo "PASS port $port bound after $(python -c "print(round($(date +%s.%N) - $begin, 1))") s" \
  || { echo "FAIL port never bound"; failures=$((failures + 1)); }

code=$(curl -s -o /dev/null -w '%{http_code}' -m 5 "http://127.0.0.1:$port/healthz")
check "GET /healthz is 200 (got $code)" test "$code" = 200

slash() {
  python - "$port" <<'PY'
import sys, time, urllib.request
from bot.slack_payloads import FORM, signed_headers, slash_command_body
body = slash_command_body("开源")
request = urllib.request.Request(f"http://127.0.0.1:{sys.argv[1]}/slack/events", body.encode(),
                                 signed_headers("smoke-secret", body, FORM))
for _ in range(100):  # the app may still be warming up
    text = urllib.request.urlopen(request, timeout=5).read().decode()
    if "warming up" not in text:
        break
    time.sleep(0.2)
sys.exit(0 if '"response_type": "ephemeral"' in text or '"blocks"' in text else 1)
PY
}
check "signed /insight answered" slash
code=$(curl -s -o /dev/null -w '%{http_code}' -m 5 -X POST -d 'command=/insight' "http://127.0.0.1:$port/slack/events")
check "unsigned POST is 401 (got $code)" test "$code" = 401

kill -TERM "$server"
stopped=""
for _ in $(seq 300); do
  if ! kill -0 "$server" 2>/dev/null; then stopped=1; break; fi
  sleep 0.1
done
wait "$server" 2>/dev/null
status=$?
check "SIGTERM stops lundao run within 30 s (exit $status)" test -n "$stopped"
if grep -q Traceback "$work/run.log"; then
  echo "FAIL the server log has a traceback:"; sed -n '1,40p' "$work/run.log"; failures=$((failures + 1))
fi
echo "$failures failed"
[ "$failures" -eq 0 ]
