"""The serve command: the trainer's page and the HTTP API on a local port (web/app.py)."""
from __future__ import annotations

import ipaddress
import socket
import sys

import click

from commands.common import EXIT_INPUT, EXIT_INTERRUPTED, fail

LOCAL_NAMES = ("localhost", "127.0.0.1", "::1")


def is_local(host: str) -> bool:
    """Whether ``host`` only reaches this machine (a loopback address or 'localhost')."""
    if host.lower() in LOCAL_NAMES or host.lower().endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on host:port (port 0: a free port), or one line and exit 2."""
    try:
        infos = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        fail(f"serve: --host: {host!r} is not a known host name or address ({exc.strerror or exc})")
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as exc:
        sock.close()
        reason = "the port is in use; choose another with --port" if exc.errno == 98 else (exc.strerror or str(exc))
        fail(f"serve: cannot listen on {host}:{port} ({reason})", EXIT_INPUT)
    sock.set_inheritable(True)
    return sock


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but localhost makes the page reachable for others: it has no login.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on (0: any free port; the line at start says which).")
def serve(host: str, port: int) -> None:
    """Serve the trainer's page and the HTTP API (FastAPI, uvicorn) until Ctrl-C.

    The page (/) has the form, the side-by-side comparison, the grid and the explanations;
    the API is documented at /docs and /openapi.json. The knowledge base and the engine load
    once, at start; nothing is fetched from the network.

    \b
    Examples:
      bijeenkomstwijzer serve
      bijeenkomstwijzer serve --port 8080
      curl -s --data-binary @examples/azc-informatiemarkt.yaml \\
           -H 'Content-Type: application/yaml' 'http://127.0.0.1:8000/api/advise?lang=en'
    """
    import uvicorn

    from facts.files import Interrupted
    from web.app import create_app, warm_up
    local = is_local(host)
    if not local:
        click.echo(f"bijeenkomstwijzer: warning: listening on {host}, not on localhost; the page has no login, "
                   "so everyone who can reach this address can use it", err=True)
    warm_up()
    sock = bind(host, port)
    actual = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    app = create_app(allowed_hosts=[*LOCAL_NAMES, host] if local else None)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off",
                            timeout_graceful_shutdown=5)
    server = uvicorn.Server(config)
    click.echo(f"bijeenkomstwijzer: listening on http://{shown}:{actual}/ (API docs at /docs; Ctrl-C stops)")
    sys.stdout.flush()  # the line is there at once, also when stdout is a pipe or a file
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        fail("stopped (Ctrl-C)", EXIT_INTERRUPTED)
    except Interrupted as exc:
        fail(f"stopped ({exc.name()})", EXIT_INTERRUPTED)
    finally:
        sock.close()
