"""The local directory of services: editing, CSV export and all-or-nothing import."""

from __future__ import annotations

from pathlib import Path

import pytest

from vocplan.domain.enums import ServiceKind
from vocplan.domain.errors import NotFoundError, ValidationError
from vocplan.services import directory
from vocplan.services.directory import (
    COLUMNS,
    DirectoryFileError,
    DirectoryInput,
    add_entry,
    delete_entry,
    export_csv,
    get_entry,
    import_csv,
    list_entries,
    load_starter_directory,
    restore_entry,
    update_entry,
)
from vocplan.storage.database import Database

HEADER = "name,kind,area,address,phone,email,website,notes\n"


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def names(database: Database) -> list[str]:
    return [entry.name for entry in list_entries(database)]


def test_add_update_list_and_delete(database: Database) -> None:
    college = add_entry(
        database, DirectoryInput("  Leeds   City College ", kind="college", area="Leeds")
    )
    assert college.name == "Leeds City College" and college.kind == ServiceKind.COLLEGE
    assert college.kind_label == "College or adult learning"
    add_entry(database, DirectoryInput("Advice Leeds", kind="welfare_rights"))
    assert names(database) == ["Advice Leeds", "Leeds City College"]
    assert [e.name for e in list_entries(database, kind=ServiceKind.COLLEGE)] == [college.name]
    assert [e.name for e in list_entries(database, text="advice")] == ["Advice Leeds"]

    updated = update_entry(
        database,
        college.uid,
        DirectoryInput("Leeds City College", kind="college", area="Leeds", phone="0113 000"),
    )
    assert updated.phone == "0113 000" and get_entry(database, college.uid).phone == "0113 000"

    deleted = delete_entry(database, college.uid)
    assert names(database) == ["Advice Leeds"]
    with pytest.raises(NotFoundError):
        get_entry(database, college.uid)
    assert restore_entry(database, deleted).uid == college.uid
    assert names(database) == ["Advice Leeds", "Leeds City College"]


@pytest.mark.parametrize(
    ("entry", "field"),
    [
        (DirectoryInput("  "), "name"),
        (DirectoryInput("A", kind="bakery"), "kind"),
        (DirectoryInput("A", email="jo at nhs"), "email"),
        (DirectoryInput("A", email="jo@nhs"), "email"),
        (DirectoryInput("A", website="not a website"), "website"),
    ],
)
def test_bad_entries_are_refused_by_field(
    database: Database, entry: DirectoryInput, field: str
) -> None:
    with pytest.raises(ValidationError) as raised:
        add_entry(database, entry)
    assert list(raised.value.field_errors) == [field]
    assert names(database) == []


def test_good_email_and_website_and_a_kind_by_its_label_are_accepted(database: Database) -> None:
    entry = add_entry(
        database,
        DirectoryInput(
            "Jobcentre Plus", kind="Jobcentre Plus", email="jo@dwp.gov.uk", website="www.gov.uk"
        ),
    )
    assert entry.kind == ServiceKind.JOBCENTRE_PLUS


def test_the_same_service_twice_is_refused_but_the_same_name_elsewhere_is_not(
    database: Database,
) -> None:
    add_entry(database, DirectoryInput("Jobcentre Plus", area="Leeds"))
    add_entry(database, DirectoryInput("Jobcentre Plus", area="Sheffield"))
    with pytest.raises(ValidationError) as raised:
        add_entry(database, DirectoryInput("jobcentre  plus", area="leeds"))
    assert "name" in raised.value.field_errors


def test_csv_round_trip_keeps_every_field(database: Database, tmp_path: Path) -> None:
    add_entry(
        database,
        DirectoryInput(
            "Cardiff & Vale College",
            kind="college",
            area="Cardiff",
            address="Dumballs Road,\nCardiff",
            phone="+44 29 0000 0000",
            email="info@example.ac.uk",
            website="https://example.ac.uk",
            notes='Ask for the "Moving On" adviser. Cymraeg: ŵ, ŷ; Polski: ł',
        ),
    )
    add_entry(database, DirectoryInput("=HYPERLINK(1)", kind="other", notes="-5 is fine"))
    path = tmp_path / "directory.csv"
    assert export_csv(database, path) == 2
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf" + ",".join(COLUMNS).encode())  # UTF-8 for spreadsheets
    assert b"'=HYPERLINK" in raw and b"'+44" in raw  # never run as a formula
    before = list_entries(database)

    for entry in before:
        delete_entry(database, entry.uid)
    report = import_csv(database, path)
    assert report.ok and report.added == 2 and report.encoding == "utf-8"
    after = list_entries(database)
    fields = [field for field in COLUMNS]
    assert [[getattr(e, f) for f in fields] for e in after] == [
        [getattr(e, f) for f in fields] for e in before
    ]


def test_bad_rows_are_reported_by_line_and_nothing_is_imported(
    database: Database, tmp_path: Path
) -> None:
    add_entry(database, DirectoryInput("Already here"))
    path = write(
        tmp_path / "bad.csv",
        HEADER
        + "Leeds Volunteer Centre,volunteering_centre,Leeds,,,,,\n"
        + ",college,Leeds,,,,,\n"  # line 3: no name
        + "\n"
        + 'Mind,"charity\nshop",Leeds,,,,,\n'  # line 5 (two lines long): unknown kind
        + "Advice,welfare_rights,,,,not-an-email,,\n"  # line 7
        + "Leeds volunteer centre,volunteering_centre,LEEDS,,,,,\n",  # line 8: same as line 2
    )
    report = import_csv(database, path)
    assert not report.ok and report.added == 0
    assert [problem.line for problem in report.problems] == [3, 5, 7, 8]
    texts = [problem.text for problem in report.problems]
    assert texts[0] == "Line 3: the name of the service is missing."
    assert texts[1].startswith("Line 5: the kind “charity\nshop” is not one VocPlan knows.")
    assert texts[2].startswith("Line 7: email: This does not look like an email address")
    assert texts[3] == "Line 8: this is the same service as line 2."
    assert report.messages[0].startswith("Nothing was imported.")
    assert names(database) == ["Already here"]


def test_existing_services_are_skipped_and_reported_or_updated_when_asked(
    database: Database, tmp_path: Path
) -> None:
    add_entry(database, DirectoryInput("Advice Leeds", kind="welfare_rights", phone="1"))
    path = write(
        tmp_path / "shared.csv",
        HEADER + "ADVICE LEEDS,welfare_rights,,,2,,,\nRecovery College,college,,,,,,\n",
    )
    report = import_csv(database, path)
    assert (report.added, report.updated) == (1, 0)
    assert [(row.line, row.name) for row in report.skipped] == [(2, "ADVICE LEEDS")]
    assert report.messages == [
        "1 service was added.",
        "Line 2: ADVICE LEEDS is already in the directory, so it was left as it is.",
    ]
    assert list_entries(database, text="advice")[0].phone == "1"

    report = import_csv(database, path, update_existing=True)
    assert (report.added, report.updated, report.skipped) == (0, 2, ())
    assert list_entries(database, text="advice")[0].phone == "2"


def test_a_windows_file_is_read_as_cp1252_and_says_so(database: Database, tmp_path: Path) -> None:
    path = write(
        tmp_path / "old.csv", HEADER + "Café Repair,other,Swansea,,,,,£5 a visit\n", "cp1252"
    )
    report = import_csv(database, path)
    assert report.ok and report.encoding == "cp1252"
    assert any("cp1252" in message for message in report.messages)
    assert list_entries(database)[0].name == "Café Repair"
    assert list_entries(database)[0].notes == "£5 a visit"


def test_whole_file_problems_are_reported_plainly(database: Database, tmp_path: Path) -> None:
    empty = import_csv(database, write(tmp_path / "empty.csv", "\n\n"))
    assert [p.text for p in empty.problems] == ["The file is empty."]
    no_header = import_csv(database, write(tmp_path / "no_header.csv", "Mind,other\n"))
    assert no_header.problems[0].line == 1
    assert "must name the columns, including name" in no_header.problems[0].text
    missing = import_csv(database, tmp_path / "missing.csv")
    assert missing.problems[0].text.startswith("VocPlan could not open the file")
    unreadable = import_csv(
        database, write_bytes(tmp_path / "bin.csv", HEADER.encode() + b"\x81\x8d\n")
    )
    assert "Save it as CSV UTF-8" in unreadable.problems[0].text
    assert names(database) == []


def write_bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_semicolons_header_order_missing_and_unknown_columns(
    database: Database, tmp_path: Path
) -> None:
    path = write(
        tmp_path / "excel.csv",
        "Kind;Name;Contact person\nCollege or adult learning;Sheffield College;Jo\n",
    )
    report = import_csv(database, path)
    assert report.ok and report.ignored_columns == ("contact person",)
    entry = list_entries(database)[0]
    assert (entry.name, entry.kind, entry.area) == ("Sheffield College", ServiceKind.COLLEGE, "")


def test_the_file_is_written_whole_or_not_at_all(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_entry(database, DirectoryInput("Mind"))
    path = tmp_path / "directory.csv"
    path.write_text("the old file\n", encoding="utf-8")

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(directory.os, "fsync", full_disk)
    with pytest.raises(DirectoryFileError) as raised:
        export_csv(database, path)
    assert "No space left on device" in str(raised.value)
    assert path.read_text(encoding="utf-8") == "the old file\n"
    assert sorted(child.name for child in tmp_path.iterdir()) == [
        "data",
        "directory.csv",
    ]  # no temporary file left

    monkeypatch.undo()
    original_replace = Path.replace

    def refuse(self: Path, target: Path) -> Path:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "replace", refuse)
    with pytest.raises(DirectoryFileError):
        export_csv(database, path)
    assert path.read_text(encoding="utf-8") == "the old file\n"
    assert sorted(child.name for child in tmp_path.iterdir()) == ["data", "directory.csv"]
    monkeypatch.setattr(Path, "replace", original_replace)
    assert export_csv(database, path) == 1
    assert path.read_text(encoding="utf-8-sig").splitlines()[1] == "Mind,other,,,,,,"


def test_the_starter_list_is_empty_documented_and_loaded_only_into_an_empty_directory(
    database: Database,
) -> None:
    starter = directory.starter_directory_path()
    assert starter.read_text(encoding="utf-8").splitlines() == [",".join(COLUMNS)]
    readme = (starter.parent / "README.md").read_text(encoding="utf-8")
    for words in ("Access to Work", "Jobcentre Plus", "welfare rights", "Export", "Import"):
        assert words.lower() in readme.lower()
    report = load_starter_directory(database)
    assert report is not None and report.ok and report.added == 0
    add_entry(database, DirectoryInput("Mind"))
    assert load_starter_directory(database) is None


def test_every_bad_row_is_listed_even_after_a_row_with_too_many_values(
    database: Database, tmp_path: Path
) -> None:
    path = tmp_path / "services.csv"
    path.write_text(
        "name,kind\nGood College,college\nToo Long,college,extra,values\nOdd Place,shop\n",
        encoding="utf-8",
    )
    report = import_csv(database, path)
    assert not report.ok
    assert sorted(problem.line for problem in report.problems) == [3, 4]
    assert list_entries(database) == []
