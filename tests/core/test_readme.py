"""The README's two set-up commands are the ones CI runs and the ones that work."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = re.search(r"```sh\n(.*?)```", text, re.DOTALL)
    assert first_block is not None, "the README must open with a sh code block"
    assert text.index("```sh") < text.index("\n## "), "the commands come before any section"
    lines = [line.split("#")[0].strip() for line in first_block.group(1).splitlines()]
    return [line for line in lines if line]


def test_readme_opens_with_exactly_two_commands() -> None:
    commands = readme_commands()
    assert len(commands) == 2
    assert commands[0].endswith(".venv/bin/vocplan")
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command_and_nothing_else() -> None:
    ci_lines = [
        line.strip()
        for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert ci_lines[-1] == readme_commands()[1]
    assert all(line.startswith(("set ", "cd ")) for line in ci_lines[:-1])
