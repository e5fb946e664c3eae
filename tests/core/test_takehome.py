"""Take-home plan files: encrypted round trips, and every kind of bad file refused plainly."""

from __future__ import annotations

import io
import json
import struct
import sys
import zlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import TEST_PASSPHRASE, protect, run
from vocplan.demo import load_demo
from vocplan.export import takehome
from vocplan.export.json_plan import document_bytes, person_plan_document
from vocplan.export.takehome import (
    HEADER_SIZE,
    MAGIC,
    IncompleteTakeHomeFile,
    KdfParameters,
    NewerTakeHomeFile,
    NotATakeHomeFile,
    PassphraseTooShort,
    WrongPassphraseOrChanged,
    read_takehome,
    write_takehome,
)
from vocplan.storage.database import Database

PASSPHRASE = TEST_PASSPHRASE
"""The take-home file's passphrase: by default the same as the one that unlocks the data."""
OTHER_PASSPHRASE = "correct horse battery staple"
FAST = KdfParameters(time_cost=1, memory_kib=64, parallelism=1)


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Cheap Argon2 for speed; the strong default is tested on its own below."""
    monkeypatch.setattr(takehome, "KDF_PARAMETERS", FAST)
    yield


@pytest.fixture
def documents(database: Database) -> list[dict[str, Any]]:
    people = load_demo(database, today=date(2026, 11, 23))
    return [person_plan_document(database, person.id) for person in people]


@pytest.fixture
def sealed(documents: list[dict[str, Any]]) -> bytes:
    return write_takehome(documents[0], PASSPHRASE)


def test_every_demo_persona_round_trips(documents: list[dict[str, Any]]) -> None:
    assert len(documents) == 4
    for document in documents:
        data = write_takehome(document, PASSPHRASE)
        assert data.startswith(MAGIC)
        assert read_takehome(data, PASSPHRASE) == document
        assert document_bytes(read_takehome(data, PASSPHRASE)) == document_bytes(document)


def test_two_files_of_the_same_plan_differ(documents: list[dict[str, Any]]) -> None:
    first = write_takehome(documents[0], PASSPHRASE)
    second = write_takehome(documents[0], PASSPHRASE)
    assert first[:20] == second[:20]  # magic, version, parameters
    assert first[20:48] != second[20:48]  # salt and nonce are new every time


def test_no_plaintext_in_the_encrypted_bytes(documents: list[dict[str, Any]]) -> None:
    for document in documents:
        data = write_takehome(document, PASSPHRASE)
        plain = document_bytes(document)
        name = document["person"]["full_name"]
        for secret in (name, name.split()[-1], document["person"]["uid"], "vocplan-plan"):
            assert secret.encode("utf-8") not in data
            assert secret.encode("utf-16-le") not in data
        assert plain[:64] not in data
        assert zlib.compress(plain, 9)[:32] not in data


def test_the_header_holds_the_parameters(sealed: bytes) -> None:
    version, kdf, time_cost, memory, lanes = struct.unpack(">HBIIB", sealed[8:20])
    assert (version, kdf) == (1, 1)
    assert (time_cost, memory, lanes) == (1, 64, 1)
    (length,) = struct.unpack(">I", sealed[48:52])
    assert length == len(sealed) - HEADER_SIZE


def test_the_parameters_can_rise_and_older_files_still_open(
    documents: list[dict[str, Any]],
) -> None:
    stronger = KdfParameters(time_cost=2, memory_kib=256, parallelism=2)
    data = write_takehome(documents[1], PASSPHRASE, kdf=stronger)
    assert struct.unpack(">IIB", data[11:20]) == (2, 256, 2)
    assert read_takehome(data, PASSPHRASE) == documents[1]


def test_a_wrong_passphrase_is_refused_honestly(sealed: bytes) -> None:
    with pytest.raises(WrongPassphraseOrChanged) as refused:
        read_takehome(sealed, "correct horse battery stapler")
    assert "The passphrase is wrong, or the file has been changed since it was saved" in str(
        refused.value
    )


def test_unicode_forms_of_the_same_passphrase_are_the_same(
    documents: list[dict[str, Any]],
) -> None:
    data = write_takehome(documents[0], "Gwyn a\u0302 chyfrinach")  # a + combining circumflex
    assert read_takehome(data, "Gwyn \u00e2 chyfrinach") == documents[0]


@pytest.mark.parametrize("where", [HEADER_SIZE + 5, -1, -20])
def test_a_changed_byte_in_the_body_is_refused(sealed: bytes, where: int) -> None:
    changed = bytearray(sealed)
    changed[where] ^= 0x01
    with pytest.raises(WrongPassphraseOrChanged, match="changed since it was saved"):
        read_takehome(bytes(changed), PASSPHRASE)


@pytest.mark.parametrize("where", [25, 40, 18])  # salt, nonce, memory cost
def test_a_changed_byte_in_the_header_is_refused(sealed: bytes, where: int) -> None:
    changed = bytearray(sealed)
    changed[where] ^= 0x01
    with pytest.raises(WrongPassphraseOrChanged, match="changed since it was saved"):
        read_takehome(bytes(changed), PASSPHRASE)


@pytest.mark.parametrize("keep", [3, 10, HEADER_SIZE - 1, HEADER_SIZE, HEADER_SIZE + 7, -1])
def test_a_truncated_file_is_incomplete(sealed: bytes, keep: int) -> None:
    with pytest.raises(IncompleteTakeHomeFile, match="incomplete"):
        read_takehome(sealed[:keep], PASSPHRASE)


def test_a_changed_length_is_refused(sealed: bytes) -> None:
    changed = bytearray(sealed)
    changed[50] ^= 0x01
    with pytest.raises(takehome.TakeHomeFileError):
        read_takehome(bytes(changed), PASSPHRASE)


def test_bytes_after_the_end_are_refused(sealed: bytes) -> None:
    with pytest.raises(takehome.DamagedTakeHomeFile, match="damaged"):
        read_takehome(sealed + b"\n", PASSPHRASE)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b'{"format": "vocplan-plan", "schema_version": 1}\n',
        bytes(range(256)) * 4,
        b"%PDF-1.4\n",
        b"VOCPLAX\x1a" + bytes(100),
    ],
)
def test_other_files_are_not_take_home_files(data: bytes) -> None:
    with pytest.raises(NotATakeHomeFile, match="not a VocPlan take-home file"):
        read_takehome(data, PASSPHRASE)


def test_a_plain_json_plan_file_is_not_a_take_home_file(documents: list[dict[str, Any]]) -> None:
    with pytest.raises(NotATakeHomeFile):
        read_takehome(document_bytes(documents[0]), PASSPHRASE)


def test_a_newer_format_is_refused_before_anything_else(sealed: bytes) -> None:
    newer = MAGIC + struct.pack(">H", 2) + b"\xff" * 5  # a later layout may differ entirely
    with pytest.raises(NewerTakeHomeFile, match="newer version of VocPlan"):
        read_takehome(newer, PASSPHRASE)
    with pytest.raises(NewerTakeHomeFile):
        read_takehome(sealed[:8] + struct.pack(">H", 2) + sealed[10:], PASSPHRASE)


def test_a_header_asking_for_absurd_work_is_refused(sealed: bytes) -> None:
    greedy = sealed[:15] + struct.pack(">I", 0xFFFFFFFF) + sealed[19:]
    with pytest.raises(takehome.DamagedTakeHomeFile):
        read_takehome(greedy, PASSPHRASE)


@pytest.mark.parametrize("passphrase", ["", "short", "1234567", "  \u00e9\u00e9  "])
def test_short_passphrases_are_refused_on_writing(
    documents: list[dict[str, Any]], passphrase: str
) -> None:
    with pytest.raises(PassphraseTooShort, match="at least 8 characters"):
        write_takehome(documents[0], passphrase)


def test_the_default_is_strong_and_opens_with_its_own_settings(
    documents: list[dict[str, Any]],
) -> None:
    # Its cost is measured by benchmarks/takehome.py, never asserted here.
    strong = takehome.STRONG_KDF
    assert (strong.time_cost, strong.memory_kib, strong.parallelism) == (3, 64 * 1024, 4)
    data = write_takehome(documents[0], PASSPHRASE, kdf=strong)
    assert read_takehome(data, PASSPHRASE) == documents[0]


# --- the command line --------------------------------------------------------------


@pytest.fixture
def no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))


def names(capsys: pytest.CaptureFixture[str], folder: Path) -> list[object]:
    code, out, _err = run(capsys, "--data-dir", str(folder), "people", "--json")
    assert code == 0
    return [person["full_name"] for person in json.loads(out)]


def test_cli_round_trip_with_the_environment_variable(
    folder: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    no_terminal: None,
) -> None:
    monkeypatch.setenv("VOCPLAN_PASSPHRASE", PASSPHRASE)
    target = tmp_path / "plan.vocplan"
    code, out, err = run(capsys, "--data-dir", str(folder), "export", "Aisha Rahman",
                         "--format", "vocplan", "-o", str(target))  # fmt: skip
    assert (code, err) == (0, "")
    assert str(target) in out
    assert target.read_bytes().startswith(MAGIC)
    assert b"Aisha" not in target.read_bytes()
    assert [path.name for path in tmp_path.iterdir()] == ["data", "plan.vocplan"]

    home = tmp_path / "home"
    protect(home)
    code, out, err = run(capsys, "--data-dir", str(home), "import", str(target),
                         "--format", "vocplan")  # fmt: skip
    assert (code, err) == (0, "")
    assert "Added Aisha Rahman" in out
    assert names(capsys, home) == ["Aisha Rahman"]
    # Found from the file itself when --format is left out; the same plan changes nothing.
    code, out, err = run(capsys, "--data-dir", str(home), "import", str(target))
    assert (code, err) == (0, "")
    assert "Nothing was changed" in out


def test_cli_round_trip_with_a_passphrase_file_for_the_take_home_file(
    folder: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    no_terminal: None,
) -> None:
    secret = tmp_path / "file-passphrase.txt"
    secret.write_text(OTHER_PASSPHRASE + "\n", encoding="utf-8")
    target = tmp_path / "plan.vocplan"
    code, _out, err = run(capsys, "--data-dir", str(folder), "export", "Tomasz Nowak",
                          "--format", "vocplan", "-o", str(target),
                          "--file-passphrase-file", str(secret))  # fmt: skip
    assert (code, err) == (0, "")
    assert read_takehome(target.read_bytes(), OTHER_PASSPHRASE)["person"]["full_name"] == (
        "Tomasz Nowak"
    )

    home = tmp_path / "home"
    protect(home)
    code, _out, err = run(capsys, "--data-dir", str(home), "import", str(target),
                          "--format", "vocplan")  # fmt: skip
    assert code == 1
    assert "The passphrase is wrong, or the file has been changed" in err
    assert not (home / "vocplan.db").exists()  # refused before any data was opened
    code, _out, err = run(capsys, "--data-dir", str(home), "import", str(target),
                         "--format", "vocplan", "--file-passphrase-file", str(secret))  # fmt: skip
    assert (code, err) == (0, "")
    assert names(capsys, home) == ["Tomasz Nowak"]


def test_cli_import_of_someone_already_there_shows_differences_and_changes_nothing(
    folder: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    no_terminal: None,
) -> None:
    plain = tmp_path / "plan.json"
    base = ["--data-dir", str(folder), "export", "Gareth Price", "--format", "json"]
    assert run(capsys, *base, "-o", str(plain))[0] == 0
    document = json.loads(plain.read_text(encoding="utf-8"))
    document["plan"]["not_agreed"] = "Something new from home."
    target = tmp_path / "changed.vocplan"
    target.write_bytes(write_takehome(document, PASSPHRASE))
    monkeypatch.setenv("VOCPLAN_PASSPHRASE", PASSPHRASE)
    code, out, err = run(capsys, "--data-dir", str(folder), "import", str(target),
                         "--format", "vocplan")  # fmt: skip
    assert code == 1
    assert "already in VocPlan" in out and "What the file would change" in out
    assert "add --yes" in err
    after = tmp_path / "after.json"
    assert run(capsys, *base, "-o", str(after))[0] == 0
    assert after.read_bytes() == plain.read_bytes()
    code, out, err = run(capsys, "--data-dir", str(folder), "import", str(target), "--yes")
    assert (code, err) == (0, "")
    assert run(capsys, *base, "-o", str(after), "--force")[0] == 0
    assert json.loads(after.read_text(encoding="utf-8"))["plan"]["not_agreed"] == (
        "Something new from home."
    )


def test_cli_passphrase_file_is_used_when_no_file_passphrase_file_is_given(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], no_terminal: None
) -> None:
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE, encoding="utf-8")
    target = tmp_path / "plan.vocplan"
    code, _out, err = run(capsys, "--data-dir", str(folder), "export", "Sam Okafor",
                          "--format", "vocplan", "-o", str(target),
                          "--passphrase-file", str(secret))  # fmt: skip
    assert (code, err) == (0, "")
    assert read_takehome(target.read_bytes(), PASSPHRASE)["person"]["full_name"] == "Sam Okafor"


def test_cli_without_a_passphrase_and_no_terminal_fails_clearly(
    folder: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    no_terminal: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("VOCPLAN_PASSPHRASE")
    target = tmp_path / "plan.vocplan"
    code, _out, err = run(capsys, "--data-dir", str(folder), "export", "Aisha Rahman",
                          "--format", "vocplan", "-o", str(target))  # fmt: skip
    assert code == 1
    assert "needs a passphrase" in err and "--file-passphrase-file" in err
    assert not target.exists()
    some_file = tmp_path / "some.vocplan"
    some_file.write_bytes(MAGIC + bytes(60))
    code, _out, err = run(capsys, "--data-dir", str(folder), "import", str(some_file))
    assert code == 1 and "needs a passphrase" in err


def test_cli_refuses_a_short_passphrase_before_writing(
    folder: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    no_terminal: None,
) -> None:
    monkeypatch.setenv("VOCPLAN_PASSPHRASE", "short")
    target = tmp_path / "plan.vocplan"
    code, _out, err = run(capsys, "--data-dir", str(folder), "export", "Aisha Rahman",
                          "--format", "vocplan", "-o", str(target))  # fmt: skip
    assert code == 1 and "at least 8 characters" in err
    assert not target.exists()


def test_taking_a_plan_home_is_recorded_as_an_export(database: Database) -> None:
    from vocplan.export.takehome import export_takehome
    from vocplan.services.audit import events
    from vocplan.services.people import PersonInput, add_person

    person = add_person(database, PersonInput(full_name="Ann Smith"))
    export_takehome(database, person.id, "a long enough passphrase")
    exports = [event for event in events(database) if event.action == "export"]
    assert [event.detail for event in exports] == ["vocplan"]
