"""``vocplan export`` and ``vocplan import``, run in-process as a user would type them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fhir.resources.R4B.bundle import Bundle

from tests.conftest import protect, run
from vocplan.cli import main
from vocplan.export.importing import read_plan_file


def people(capsys: pytest.CaptureFixture[str], folder: Path) -> list[dict[str, object]]:
    code, out, _err = run(capsys, "--data-dir", str(folder), "people", "--json")
    assert code == 0
    records: list[dict[str, object]] = json.loads(out)
    return records


@pytest.mark.parametrize(
    ("export_format", "opening"),
    [("pdf", b"%PDF-"), ("easy-read", b"%PDF-"), ("json", b"{\n"), ("fhir", b"{\n")],
)
def test_export_writes_each_format(
    folder: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    export_format: str,
    opening: bytes,
) -> None:
    target = tmp_path / f"plan.{export_format}"
    code, out, err = run(
        capsys,
        "--data-dir",
        str(folder),
        "export",
        "Aisha Rahman",
        "--format",
        export_format,
        "-o",
        str(target),
    )
    assert (code, err) == (0, "")
    assert str(target) in out
    assert target.read_bytes().startswith(opening)
    assert not [path for path in tmp_path.iterdir() if path.name.startswith(".")]  # no leftovers
    if export_format == "json":
        assert read_plan_file(target)["person"]["full_name"] == "Aisha Rahman"
    if export_format == "fhir":
        Bundle.model_validate(json.loads(target.read_text(encoding="utf-8")))


def test_export_finds_people_by_number_too(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sam = next(person for person in people(capsys, folder) if person["full_name"] == "Sam Okafor")
    target = tmp_path / "sam.json"
    code, _out, _err = run(
        capsys, "--data-dir", str(folder), "export", str(sam["id"]), "--format", "json",
        "-o", str(target),
    )  # fmt: skip
    assert code == 0
    assert read_plan_file(target)["person"]["full_name"] == "Sam Okafor"


def test_export_never_replaces_a_file_unless_forced(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "plan.json"
    target.write_text("keep me", encoding="utf-8")
    arguments = ["--data-dir", str(folder), "export", "Gareth Price", "--format", "json"]
    code, _out, err = run(capsys, *arguments, "-o", str(target))
    assert code == 1
    assert "already exists" in err and "--force" in err
    assert target.read_text(encoding="utf-8") == "keep me"
    code, _out, _err = run(capsys, *arguments, "-o", str(target), "--force")
    assert code == 0
    assert read_plan_file(target)["person"]["full_name"] == "Gareth Price"


def test_export_needs_a_file_a_format_and_someone_who_is_there(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--data-dir", str(folder), "export"]
    with pytest.raises(SystemExit) as no_file:
        main([*base, "Aisha Rahman", "--format", "json"])
    assert no_file.value.code == 2
    with pytest.raises(SystemExit) as bad_format:
        main([*base, "Aisha Rahman", "--format", "docx", "-o", str(tmp_path / "x")])
    assert bad_format.value.code == 2
    capsys.readouterr()
    code, _out, err = run(
        capsys, *base, "Nobody Here", "--format", "json", "-o", str(tmp_path / "x.json")
    )
    assert code == 1 and "Nobody in VocPlan has that name" in err
    assert not (tmp_path / "x.json").exists()


def test_import_adds_a_new_person_with_a_line_saying_so(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.json"
    run(capsys, "--data-dir", str(folder), "export", "Tomasz Nowak", "--format", "json",
        "-o", str(plan))  # fmt: skip
    elsewhere = tmp_path / "elsewhere"
    protect(elsewhere)
    code, out, err = run(capsys, "--data-dir", str(elsewhere), "import", str(plan))
    assert (code, err) == (0, "")
    assert "Added Tomasz Nowak" in out
    assert [person["full_name"] for person in people(capsys, elsewhere)] == ["Tomasz Nowak"]


def test_import_of_someone_already_there_shows_the_differences_and_asks(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.json"
    run(capsys, "--data-dir", str(folder), "export", "Aisha Rahman", "--format", "json",
        "-o", str(plan))  # fmt: skip
    document = json.loads(plan.read_text(encoding="utf-8"))
    document["goals"][0]["what"] = "Work in the central library"
    plan.write_text(json.dumps(document), encoding="utf-8")
    before = tmp_path / "before.json"
    run(capsys, "--data-dir", str(folder), "export", "Aisha Rahman", "--format", "json",
        "-o", str(before))  # fmt: skip

    code, out, err = run(capsys, "--data-dir", str(folder), "import", str(plan))
    assert code == 1  # no terminal to ask on, and no --yes
    assert "Aisha Rahman is already in VocPlan" in out
    assert "My plan" in out and "Work in the central library" in out
    assert "Nothing was changed" in err and "--yes" in err
    after = tmp_path / "after.json"
    run(capsys, "--data-dir", str(folder), "export", "Aisha Rahman", "--format", "json",
        "-o", str(after))  # fmt: skip
    assert after.read_bytes() == before.read_bytes()
    assert len(people(capsys, folder)) == 4

    code, out, _err = run(capsys, "--data-dir", str(folder), "import", str(plan), "--yes")
    assert code == 0 and "Replaced the plan of Aisha Rahman" in out
    assert read_plan_file(plan)["goals"][0]["what"] == "Work in the central library"
    run(capsys, "--data-dir", str(folder), "export", "Aisha Rahman", "--format", "json",
        "-o", str(after), "--force")  # fmt: skip
    assert read_plan_file(after)["goals"][0]["what"] == "Work in the central library"
    assert len(people(capsys, folder)) == 4

    code, out, _err = run(capsys, "--data-dir", str(folder), "import", str(plan))
    assert code == 0 and "Nothing was changed" in out  # the same plan: nothing to ask


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"name,kind\nMind,other\n", "not a VocPlan plan"),
        (b"[]", "not a VocPlan plan"),
        (b'{"format": "vocplan-plan", "schema_version": 1, "person": {"full_na', "incomplete"),
        (b'{"format": "vocplan-plan", "schema_version": 7, "person": {}}', "newer version"),
    ],
)
def test_import_refuses_a_bad_file_and_changes_nothing(
    folder: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: bytes,
    message: str,
) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    code, _out, err = run(capsys, "--data-dir", str(folder), "import", str(path), "--yes")
    assert code == 1 and message in err
    assert len(people(capsys, folder)) == 4
