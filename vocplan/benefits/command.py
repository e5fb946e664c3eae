"""``vocplan benefits --input FILE``: one household in as JSON, the better-off result out.

The input and output are described in docs/benefits-cli.md. Bad input is a
VocPlanError naming the field, which the command line prints before exiting
with code 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vocplan.domain.errors import VocPlanError
from vocplan.i18n import _

if TYPE_CHECKING:
    from vocplan.startup import StartOptions


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register the ``benefits`` command on the ``vocplan`` command line."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "benefits",
        help=_("work out benefits, tax and how much better off work would make someone"),
        description=_(
            "Read one household as JSON and print, as JSON, its money now and with the "
            "work described, step by step. See docs/benefits-cli.md."
        ),
    )
    parser.add_argument(
        "--input",
        required=True,
        metavar="FILE",
        help=_("the household as JSON; '-' reads it from standard input"),
    )
    parser.set_defaults(run=run)
    return parser


def read_input(name: str) -> Any:
    if name == "-":
        text = sys.stdin.read()
    else:
        path = Path(name).expanduser()
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise VocPlanError(_("There is no file at {file}.").format(file=path)) from None
        except (OSError, UnicodeDecodeError) as problem:
            raise VocPlanError(
                _("{file} cannot be read ({reason}).").format(
                    file=path, reason=type(problem).__name__
                )
            ) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as problem:
        raise VocPlanError(
            _("The input is not valid JSON: {problem} (line {line}, column {column}).").format(
                problem=problem.msg, line=problem.lineno, column=problem.colno
            )
        ) from None


def run(_start: StartOptions, options: argparse.Namespace) -> int:
    from vocplan.benefits.engine import calculate
    from vocplan.benefits.inputs import household_from_dict
    from vocplan.benefits.output import result_to_dict, to_json

    household = household_from_dict(read_input(options.input))
    print(to_json(result_to_dict(calculate(household))))
    return 0
