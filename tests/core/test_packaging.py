"""An installed VocPlan (a built wheel) finds its shipped files, as a checkout does."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_the_wheel_carries_resources_translations_and_migrations(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--wheel-dir", str(tmp_path), str(ROOT)],
        check=True, capture_output=True,
    )  # fmt: skip
    (wheel,) = tmp_path.glob("vocplan-*.whl")
    unpacked = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        archive.extractall(unpacked)
    assert "vocplan/_data/translations/vocplan.pot" in names
    assert any(name.startswith("vocplan/_data/resources/") for name in names)
    assert any(name.startswith("vocplan/storage/migrations/versions/0001_") for name in names)
    assert "ui/app.py" in names

    script = (
        "import vocplan.paths as p, vocplan.storage.schema as s\n"
        "print(p.resources_dir()); print(p.translations_dir()); print(s.known_revisions())\n"
    )
    environment = {**os.environ, "PYTHONPATH": str(unpacked)}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True,
        env=environment, cwd=tmp_path,
    )  # fmt: skip
    resources, translations, revisions = result.stdout.splitlines()
    assert Path(resources) == unpacked / "vocplan" / "_data" / "resources"
    assert Path(translations) == unpacked / "vocplan" / "_data" / "translations"
    assert "0001" in revisions
