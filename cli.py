"""bijeenkomstwijzer: a thin command line over the advisor (read -> validate -> run -> render).

Run ``bijeenkomstwijzer --help`` or ``python cli.py --help``.
"""
from __future__ import annotations

import os
import signal
import sys

import click

from commands.common import EXIT_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_OK, fail

#: set to 1 to see the traceback of an unexpected error (for developers)
DEBUG_ENV = "BIJEENKOMSTWIJZER_DEBUG"


def _signals() -> None:
    """SIGTERM and SIGHUP (terminal closed, ssh dropped) become ``Interrupted``, so every
    ``finally`` runs: temporary files go, workers stop, the interview rescues its answers."""
    from facts.files import raise_interrupted
    for name in ("SIGTERM", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is not None and signal.getsignal(sig) in (signal.SIG_DFL, None):
            try:
                signal.signal(sig, raise_interrupted)
            except (ValueError, OSError):  # not the main thread
                pass


class _Closed:
    """Stands in for a closed standard stream (``advise X >&-``): reading gives end of input,
    writing fails, so the advice is never dropped silently."""

    closed = False
    encoding = "utf-8"
    errors = "strict"

    def __init__(self, name: str):
        self.name = name

    def write(self, data):
        raise OSError(9, f"standard {self.name} is closed")

    def read(self, *args):
        return ""

    def readline(self, *args):
        return ""

    def flush(self):
        pass

    def isatty(self):
        return False

    def fileno(self):
        raise OSError(9, f"standard {self.name} is closed")

    @property
    def buffer(self):
        return self


def _streams() -> None:
    """Closed standard streams become _Closed; an output encoding that cannot show the
    advice (PYTHONIOENCODING=latin-1) shows a '?' instead of stopping with an error."""
    for name in ("stdin", "stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, _Closed({"stdin": "input", "stdout": "output", "stderr": "error"}[name]))
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
        if encoding not in ("utf-8", "utf8") and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="replace")
            except (ValueError, OSError):
                pass


def _flush_stdout() -> None:
    """Flush now, so a full disk or a closed reader is reported (or quiet), not lost at exit."""
    from facts.files import discard_stdout
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        discard_stdout()


#: every command and where it lives; a command's module is imported only when it runs (or for
#: the help), so `advise` does not pay for the web app, verify or the trainer tools.
COMMANDS = {
    "advise": "commands.advice:advise", "batch": "commands.batch:batch",
    "explain": "commands.trainer:explain", "whatif": "commands.trainer:whatif",
    "sweep": "commands.trainer:sweep", "sensitivity": "commands.trainer:sensitivity",
    "kb": "commands.knowledge:kb", "rules": "commands.knowledge:rules_group",
    "monitor-query": "commands.knowledge:monitor_query", "verify": "commands.batch:verify",
    "schema": "commands.advice:schema", "serve": "commands.serve:serve",
}


class Group(click.Group):
    """Click group that reports usage errors as one line on stderr (exit 2), and turns every
    way a run can end into one of the exit codes: 0 done, 1 expectations failed, 2 invalid
    input or usage, 3 the rules (or the program) could not finish, 130 interrupted. A broken
    pipe ends quietly with the code the command had; no traceback reaches the user.
    Commands load lazily from COMMANDS."""

    def list_commands(self, ctx):
        return sorted({*COMMANDS, *self.commands})

    def get_command(self, ctx, name):
        if name not in self.commands and name in COMMANDS:
            import importlib
            module, attr = COMMANDS[name].split(":")
            self.commands[name] = getattr(importlib.import_module(module), attr)
        return self.commands.get(name)

    def invoke(self, ctx):
        from facts.files import discard_stdout
        try:
            return super().invoke(ctx)
        except BrokenPipeError:  # before click turns it into exit 1 (the code for a failed expectation)
            discard_stdout()  # the reader (`| head -1`) has what it wants
            return EXIT_OK

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        from facts.files import Interrupted, discard_stdout
        _signals()
        _streams()
        code = EXIT_OK
        try:
            code = super().main(args=args, prog_name=prog_name, complete_var=complete_var,
                                standalone_mode=False, **extra)
            code = code if isinstance(code, int) else EXIT_OK
            _flush_stdout()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (EXIT_OK if exc.code is None else EXIT_INPUT)
            try:
                _flush_stdout()
            except OSError as err:
                fail(f"cannot write the output ({err.strerror or err})")
        except click.exceptions.NoArgsIsHelpError as exc:
            click.echo(exc.ctx.get_help() if exc.ctx else exc.format_message(), err=True)
            code = EXIT_INPUT
        except click.UsageError as exc:
            path = exc.ctx.command_path if exc.ctx else ""
            where = f"{path.split(' ', 1)[1]}: " if " " in path else ""  # "bijeenkomstwijzer:" comes from fail
            fail(f"{where}{exc.format_message()} (see --help)")
        except click.ClickException as exc:
            fail(exc.format_message())
        except click.Abort as exc:
            if isinstance(exc.__context__, EOFError):
                fail("standard input ended before the answers were complete", EXIT_INPUT)
            fail("interrupted", EXIT_INTERRUPTED)
        except (KeyboardInterrupt, Interrupted) as exc:
            how = exc.name() if isinstance(exc, Interrupted) else "Ctrl-C"
            fail(f"interrupted ({how})", EXIT_INTERRUPTED)
        except BrokenPipeError:
            discard_stdout()  # the reader (`| head -1`) has what it wants
            code = EXIT_OK
        except OSError as exc:
            where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
            fail(f"{where}cannot write the output ({exc.strerror or exc})")
        except MemoryError:
            fail("out of memory", EXIT_INTERNAL)
        except Exception as exc:  # a bug: one line, exit 3, no traceback (unless debugging)
            if os.environ.get(DEBUG_ENV):
                raise
            fail(f"internal error: {type(exc).__name__}: {exc} (set {DEBUG_ENV}=1 for details)", EXIT_INTERNAL)
        sys.exit(code)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="bijeenkomstwijzer", message="%(prog)s %(version)s")
def main() -> None:
    """Advice for residents' meetings about asylum reception, status-holder housing and
    labour-migrant housing, with every recommendation cited from the five Dutch guides.

    \b
    Examples:
      bijeenkomstwijzer advise examples/azc-informatiemarkt.yaml
      bijeenkomstwijzer advise examples/azc-informatiemarkt.yaml --format json --lang en
      bijeenkomstwijzer advise --save mijn-situatie.yaml      # interview
      bijeenkomstwijzer batch examples/ --format json
      bijeenkomstwijzer kb export --format json
      bijeenkomstwijzer schema
    """



if __name__ == "__main__":
    main()
