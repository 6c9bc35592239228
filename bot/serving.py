"""``lundao run`` in HTTP mode under gunicorn, started from Python (gunicorn's "Custom Application").

Why these settings:

* ``backlog`` 2048: the kernel queue of connections not yet accepted. Python's default of 5 dropped 47-50
  of 1000 signed requests at concurrency 50 (issue 10); Slack sends bursts (a channel's worth of clicks,
  retries after an outage). Linux caps it at ``net.core.somaxconn`` (4096 on current kernels).
* ``gthread`` workers: listeners run before the ack (``process_before_response``) and spend most of their
  time waiting on the Web API, so threads serve a burst (a question is acked at once and answered by a
  pool of ``bot.app.ANSWER_THREADS`` threads, drained on SIGTERM); ``WEB_CONCURRENCY`` (Heroku sets it from the dyno
  size) is the number of processes, ``LUNDAO_THREADS`` the threads in each.
* ``preload_app`` stays off. With it gunicorn would load the app in the master *before* binding the port,
  so the index build (seconds) would happen with nothing listening: Heroku's boot timeout (R10) and Slack's
  3-second limit would see a dead port. Preloading would share the index's memory between workers
  (copy-on-write), but the numbers are small next to a dyno (tens of MB per worker for the bundled knowledge
  base) and threads (not processes) are the way to scale within a dyno here. Instead each worker binds first
  (the master owns the socket), answers ``/healthz`` at once and "warming up" to slash commands, and builds
  the app in a background thread, then swaps it in (``SlackGate.install``).
* ``graceful_timeout`` (``LUNDAO_GRACEFUL_TIMEOUT``, default 25 s): on SIGTERM workers stop accepting and
  finish the requests in flight, then run ``ServedApp.close`` (finish the slash-command answers sent after
  their ack, stop the digest scheduler, waiting for a post in progress). Heroku sends SIGKILL 30 s after
  SIGTERM, so 25 s leaves the master time to exit itself.
* A worker whose app cannot start (bad token, broken knowledge base) exits with gunicorn's boot-error code,
  which stops the master too: ``lundao run`` fails with the reason instead of restarting workers forever.
"""

from __future__ import annotations

import gc
import logging
import os
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bot.server import AnswersAfterResponse, FastAck, Readiness, SlackGate

if TYPE_CHECKING:
    from slack_bolt import App

    from config.settings import Settings

log = logging.getLogger("lundao.serve")

DEFAULT_BACKLOG = 2048
DEFAULT_WORKERS = 1
DEFAULT_THREADS = 8
DEFAULT_GRACEFUL_TIMEOUT = 25
# gunicorn's Arbiter.WORKER_BOOT_ERROR: a worker exiting with it makes the master stop instead of respawning.
WORKER_BOOT_ERROR = 3


@dataclass
class ServedApp:
    """What the app factory returns: the Bolt app, its readiness check, and what to run when the worker exits."""

    app: App
    ready: Callable[[], Readiness] | None = None
    close: Callable[[], None] | None = None
    answers: AnswersAfterResponse | None = None
    """The app's listener executor, when answers sent after the ack should start once it is written."""
    fast_ack: FastAck | None = None
    """The slash command the gate acknowledges itself before Bolt (``SlackGate``'s fast ack), with ``answers``."""


AppFactory = Callable[[], "ServedApp | App"]


def _env_int(environ: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    raw = (environ.get(name) or "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ValueError(f"{name} must be a whole number, not {raw!r}") from None
    if not low <= value <= high:
        raise ValueError(f"{name} must be between {low} and {high}, not {value}")
    return value


def gunicorn_options(port: int, host: str = "0.0.0.0", environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """gunicorn settings for ``lundao run``; raise ValueError naming a bad environment variable."""
    env = os.environ if environ is None else environ
    return {
        "bind": [f"{host}:{port}"],
        "backlog": _env_int(env, "LUNDAO_BACKLOG", DEFAULT_BACKLOG, 64, 65535),
        "workers": _env_int(env, "WEB_CONCURRENCY", DEFAULT_WORKERS, 1, 64),
        "threads": _env_int(env, "LUNDAO_THREADS", DEFAULT_THREADS, 1, 256),
        "worker_class": "gthread",
        # A request is a slash command answered within Slack's 3 s, or a listener waiting on the Web API.
        "timeout": 30,
        "graceful_timeout": _env_int(env, "LUNDAO_GRACEFUL_TIMEOUT", DEFAULT_GRACEFUL_TIMEOUT, 1, 600),
        "keepalive": 5,
        "preload_app": False,
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "info",
        "proc_name": "lundao",
        # Heroku and most proxies terminate TLS and forward plain HTTP from addresses we do not know.
        "forwarded_allow_ips": "*",
        # gunicorn 23+ opens a control socket under $HOME: two servers on one machine (or a read-only
        # home in a container) would collide on it, and nothing here uses it.
        "control_socket_disable": True,
    }


def settle_heap() -> None:
    """Move everything built at start-up (index, dictionaries, corpus: ~100k objects) out of the GC's sight.

    Each full collection otherwise walks them all: 60-70 ms pauses every few hundred requests, the p99
    of a burst (bench/slash_load.py). ``gc.freeze`` keeps them out of every later collection; they
    live as long as the process anyway.

    Only the young generations are collected first: start-up's garbage is young (with a current database,
    a young collection frees ~40 objects in under 1 ms; a full one then finds ~10 more and takes 20-45 ms
    on the first answer's path, bench/RESULTS.md), and freezing a few objects of garbage costs less than that.
    """
    gc.collect(1)
    gc.freeze()


def _worker_load(app_factory: AppFactory, settings: Settings) -> SlackGate:
    """Runs in each worker: a gate answering at once, and the app built behind it in a thread."""
    secret = settings.signing_secret.reveal() if settings.signing_secret is not None else ""
    gate = SlackGate(secret, language=settings.language)

    def build() -> None:
        try:
            built = app_factory()
        except Exception as exc:
            # One line: the reason is for the operator; a traceback would only repeat it per worker.
            log.error("lundao could not start: %s", str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
            gate.fail(type(exc).__name__)
            logging.shutdown()
            os._exit(WORKER_BOOT_ERROR)
        served = built if isinstance(built, ServedApp) else ServedApp(built)
        settle_heap()
        _WORKER_STATE["served"] = served
        gate.install(served.app, served.ready, served.answers, served.fast_ack)
        log.info("lundao is ready (worker %s)", os.getpid())

    threading.Thread(target=build, name="lundao-warm-up", daemon=True).start()
    return gate


# Per worker process (each forks from the master before loading): what worker_exit must close.
_WORKER_STATE: dict[str, ServedApp] = {}


def _worker_exit(server: Any, worker: Any) -> None:
    served = _WORKER_STATE.pop("served", None)
    if served is not None and served.close is not None:
        try:
            served.close()
        except Exception as exc:  # the worker is exiting either way; say what did not close
            log.error("closing the app failed: %s", exc)


def serve_http(
    app_factory: AppFactory,
    port: int,
    settings: Settings,
    *,
    host: str = "0.0.0.0",
    environ: Mapping[str, str] | None = None,
) -> int:
    """Serve ``app_factory()``'s app under gunicorn until SIGTERM/SIGINT; the exit status (0 when stopped cleanly).

    ``app_factory`` runs once in each worker, after the port is bound; it may be slow.
    """
    from gunicorn.app.base import BaseApplication  # type: ignore[import-untyped]

    if settings.signing_secret is None:
        raise ValueError("the HTTP server needs SLACK_SIGNING_SECRET")
    options = gunicorn_options(port, host, environ)
    options["worker_exit"] = _worker_exit

    class LundaoGunicorn(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            for key, value in options.items():
                if key in self.cfg.settings:  # control_socket_disable exists only in newer gunicorns
                    self.cfg.set(key, value)

        def load(self) -> SlackGate:
            return _worker_load(app_factory, settings)

    try:
        LundaoGunicorn().run()
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return 0
