"""bijeenkomstwijzer: a thin command line over the advisor (read -> validate -> run -> render).

Run ``bijeenkomstwijzer --help`` or ``python cli.py --help``.
"""
from __future__ import annotations

import sys

import click

from commands.common import EXIT_OK, fail


class Group(click.Group):
    """Click group that reports usage errors as one line on stderr, exit 2."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            code = super().main(args=args, prog_name=prog_name, complete_var=complete_var,
                                standalone_mode=False, **extra)
        except click.UsageError as exc:
            where = f"{exc.ctx.command_path}: " if exc.ctx else ""
            fail(f"{where}{exc.format_message()} (see --help)")
        except click.ClickException as exc:
            fail(exc.format_message())
        except click.Abort:
            fail("aborted")
        sys.exit(code if isinstance(code, int) else EXIT_OK)


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


from commands.advice import advise, schema  # noqa: E402  (the commands hang off main)
from commands.batch import batch, verify  # noqa: E402
from commands.knowledge import kb, monitor_query, rules_group  # noqa: E402
from commands.trainer import explain, sensitivity, sweep, whatif  # noqa: E402

for _command in (advise, batch, explain, whatif, sweep, sensitivity, kb, rules_group, monitor_query, verify, schema):
    main.add_command(_command)


if __name__ == "__main__":
    main()
