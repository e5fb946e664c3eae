"""The command line, run in-process as a user would type it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import open_folder, protect, run
from vocplan.services.people import PersonInput, add_person


def add_real_person(folder: Path, name: str = "Real Person") -> None:
    database = open_folder(folder)
    add_person(database, PersonInput(full_name=name))
    database.close()


def test_a_folder_not_set_up_says_how_to_set_it_up_and_stays_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--data-dir", str(tmp_path), "people")
    assert code == 1
    assert "vocplan init --mode personal" in err and "Traceback" not in err + out
    assert list(tmp_path.iterdir()) == []


def test_people_on_a_new_folder_says_nobody_is_there(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    protect(tmp_path)
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "people")
    assert code == 0
    assert "Nobody" in out
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "people", "--json")
    assert json.loads(out) == []


def test_data_dir_comes_from_the_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VOCPLAN_DATA_DIR", str(tmp_path / "env"))
    add_real_person(tmp_path / "env", "Ann Smith")
    code, out, _ = run(capsys, "people", "--json")
    assert code == 0
    assert [person["full_name"] for person in json.loads(out)] == ["Ann Smith"]


def test_demo_then_people_lists_the_four_personas(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    protect(tmp_path)
    assert run(capsys, "--data-dir", str(tmp_path), "demo")[0] == 0
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "people", "--json")
    people = json.loads(out)
    assert code == 0
    assert sorted(person["full_name"] for person in people) == [
        "Aisha Rahman",
        "Gareth Price",
        "Sam Okafor",
        "Tomasz Nowak",
    ]
    assert all(person["demo"] for person in people)
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "people")
    assert "Gareth Price (demo)" in out


def test_demo_refuses_a_folder_with_real_people(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_real_person(tmp_path)
    code, _, err = run(capsys, "--data-dir", str(tmp_path), "demo")
    assert code == 1
    assert "--force" in err
    _, out, _ = run(capsys, "--data-dir", str(tmp_path), "people", "--json")
    assert [person["full_name"] for person in json.loads(out)] == ["Real Person"]
    assert run(capsys, "--data-dir", str(tmp_path), "demo", "--force")[0] == 0
    _, out, _ = run(capsys, "--data-dir", str(tmp_path), "people", "--json")
    assert len(json.loads(out)) == 5


def test_backup_refuses_to_overwrite_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    add_real_person(data)
    target = tmp_path / "copy.db"
    target.write_bytes(b"precious")
    code, _, err = run(capsys, "--data-dir", str(data), "backup", str(target))
    assert code == 1
    assert "--force" in err
    assert target.read_bytes() == b"precious"
    assert run(capsys, "--data-dir", str(data), "backup", str(target), "--force")[0] == 0
    copied = target.read_bytes()
    assert len(copied) > 4096 and not copied.startswith(b"SQLite format 3")  # encrypted
    assert b"Real Person" not in copied
    assert (tmp_path / "copy.db.keys.json").read_bytes() == (
        data / "vocplan-keys.json"
    ).read_bytes()


def test_restore_asks_first_and_keeps_the_data_it_replaces(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    add_real_person(data, "Ann Smith")
    saved = tmp_path / "saved.db"
    assert run(capsys, "--data-dir", str(data), "backup", str(saved))[0] == 0
    add_real_person(data, "Bob Jones")

    code, _, err = run(capsys, "--data-dir", str(data), "restore", str(saved))
    assert code == 1  # no terminal to ask on, so the answer is no
    assert "--yes" in err
    _, out, _ = run(capsys, "--data-dir", str(data), "people", "--json")
    assert len(json.loads(out)) == 2

    assert run(capsys, "--data-dir", str(data), "restore", str(saved), "--yes")[0] == 0
    _, out, _ = run(capsys, "--data-dir", str(data), "people", "--json")
    assert [person["full_name"] for person in json.loads(out)] == ["Ann Smith"]
    kept = list((data / "backups").glob("*-before-restore.db"))
    assert len(kept) == 1


def test_restore_refuses_a_file_that_is_not_vocplan_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    add_real_person(data)
    bad = tmp_path / "notes.db"
    bad.write_text("not a database at all, just some notes" * 10)
    before = (data / "vocplan.db").read_bytes()
    code, _, err = run(capsys, "--data-dir", str(data), "restore", str(bad), "--yes")
    assert code == 1
    assert "not a copy of this VocPlan's data" in err
    assert (data / "vocplan.db").read_bytes() == before


def test_a_bad_data_file_gives_a_clear_message_and_exit_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "vocplan.db").write_text("garbage " * 100)
    code, out, err = run(capsys, "--data-dir", str(tmp_path), "people")
    assert code == 1
    assert "not a VocPlan data file" in err
    assert "Traceback" not in err + out
    assert (tmp_path / "vocplan.db").read_text() == "garbage " * 100


@pytest.mark.slow
def test_python_dash_m_vocplan_runs(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "vocplan", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.startswith("VocPlan ")
    result = subprocess.run(
        [sys.executable, "-m", "vocplan", "--data-dir", str(tmp_path), "frobnicate"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
