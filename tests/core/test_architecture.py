"""The house rules a newcomer cannot see from one file."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import vocplan

ROOT = Path(__file__).resolve().parents[2]


def test_importing_every_core_module_loads_no_qt() -> None:
    modules = [info.name for info in pkgutil.walk_packages(vocplan.__path__, "vocplan.")]
    modules = [name for name in modules if ".migrations" not in name and name != "vocplan.__main__"]
    assert len(modules) > 15
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'ui')))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.strip() == ""


def test_core_source_never_names_qt_or_the_ui_package() -> None:
    offenders = []
    for path in (ROOT / "vocplan").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [
                f"{path.relative_to(ROOT)}: {name}"
                for name in names
                if name.split(".")[0] in {"PySide6", "shiboken6", "ui"}
            ]
    assert offenders == []


def test_widgets_never_open_database_sessions() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "ui").rglob("*.py")
        if any(
            word in path.read_text(encoding="utf-8")
            for word in ("sqlmodel", "sqlalchemy", "Session(")
        )
    ]
    assert offenders == []
