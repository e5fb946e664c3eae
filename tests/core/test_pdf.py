"""The plan documents: the record PDF and the easy-read copy, checked with poppler.

Every demo persona's two PDFs are opened with ``pdfinfo``, ``pdffonts`` and
``pdftotext`` (poppler-utils, installed by scripts/setup.sh), written only
under pytest's temporary folders.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from vocplan.benefits.engine import calculate
from vocplan.benefits.from_plan import household_from_plan, result_json, rules_year_for
from vocplan.demo import load_demo
from vocplan.domain.enums import (
    ActivityKind,
    CarePlanFramework,
    OptionStatus,
    PlanSection,
    PlanStatus,
    Voice,
)
from vocplan.export.pdf import easy_read_pdf, record_pdf
from vocplan.export.pdf_facts import (
    MoneyState,
    check_again_year,
    money_result,
    options_to_compare,
)
from vocplan.export.pdf_layout import Footer
from vocplan.formatting import format_money
from vocplan.i18n import install
from vocplan.services.editing import add_item, update_part
from vocplan.services.money import record_calculation
from vocplan.services.outline import plan_outline
from vocplan.services.people import PersonInput, add_person
from vocplan.services.plans import Agreement, agree_plan, plan_overview
from vocplan.storage.database import Database, open_database

TODAY = date(2026, 11, 23)
NAMES = ["Aisha Rahman", "Gareth Price", "Tomasz Nowak", "Sam Okafor"]
NHS_NUMBERS = {
    "Aisha Rahman": "999 214 3657",
    "Gareth Price": "999 305 1721",
    "Tomasz Nowak": "999 418 2633",
    "Sam Okafor": "999 527 3845",
}
VERSIONS = {
    "Aisha Rahman": "Version 1",
    "Gareth Price": "Draft, not agreed",
    "Tomasz Nowak": "Draft, not agreed",
    "Sam Okafor": "Version 1",
}
OWN_WORDS = {
    "Aisha Rahman": ["Afternoons are a must. I am not lazy, it is my tablets."],
    "Gareth Price": ["Dw i'n gallu trwsio bron unrhyw beth yn y tŷ.", "Mae'r gŵr"],
    "Tomasz Nowak": ["Kuchnia była całym moim światem", "Kiedy źle śpię", "My friend Paweł."],
    "Sam Okafor": ["College is not second best. It is my way to a good job."],
}
WELSH_NOTE = "Mae'r gŵr yn y siop yn deall. Dw i'n hoffi'r gwaith."
"""Gareth's demo plan has ŷ but its only ŵ is in his address, which the plan does not show."""

CARE_AND_SUPPORT = "Vocational plan — for the care and support plan"
CARE_AND_TREATMENT = "Vocational plan — for the Care and Treatment Plan"
TITLES = {
    "Aisha Rahman": CARE_AND_SUPPORT,
    "Gareth Price": CARE_AND_TREATMENT,
    "Tomasz Nowak": CARE_AND_SUPPORT,
    "Sam Okafor": CARE_AND_SUPPORT,
}
RECORD_HEADINGS = [
    "1. Care team, meetings and consent",
    "2. What matters to me",
    "3. What I bring",
    "4. The options we looked at",
    "5. Money",
    "6. Staying well, telling people and adjustments",
    "7. My goals and steps",
    "8. Agreement",
    "9. What changed since the last version",
]
EASY_READ_HEADINGS = [
    "Who helped me make my plan?",
    "What matters to me?",
    "What do I bring?",
    "What could I do?",
    "What would happen to my money?",
    "How will I stay well, and who will I tell?",
    "What will I do next?",
    "Do we agree?",
    "What has changed?",
]
LIFE_AREAS = ["Work and occupation", "Education and training", "Finance and money"]
CONFIDENTIAL = "Confidential: contains personal information. Keep it safe."
KINDS: dict[str, Callable[..., bytes]] = {"record": record_pdf, "easy-read": easy_read_pdf}


def poppler(*command: str) -> str:
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


def flat(text: str) -> str:
    """Text with every run of white space as one space, as a reader sees it."""
    return " ".join(text.split())


@dataclass(frozen=True)
class Opened:
    """One PDF as poppler sees it."""

    path: Path
    info: dict[str, str]
    fonts: str
    pages: list[str]
    """The text of each page, in drawing order (``pdftotext -raw``), white space flattened."""

    @property
    def text(self) -> str:
        """The pages' text without their footers, as one string."""
        footer = re.compile(re.escape(CONFIDENTIAL) + r" .* Page \d+ of \d+$")
        return " ".join(footer.sub("", page).strip() for page in self.pages)


def open_pdf(path: Path, data: bytes) -> Opened:
    path.write_bytes(data)
    info = {}
    for line in poppler("pdfinfo", str(path)).splitlines():
        key, _sep, value = line.partition(":")
        info[key.strip()] = value.strip()
    raw = poppler("pdftotext", "-raw", "-enc", "UTF-8", str(path), "-")
    pages = [flat(page) for page in raw.split("\f")]
    if pages and not pages[-1]:
        pages.pop()
    return Opened(path, info, poppler("pdffonts", str(path)), pages)


DEMO_DOCUMENTS: dict[str, dict[str, Any]] = {}
"""The plan documents the demo PDFs were made from, filled by ``demo_pdfs``."""


@pytest.fixture(scope="module")
def demo_pdfs(
    tmp_path_factory: pytest.TempPathFactory, migrated_template: Path
) -> Iterator[dict[tuple[str, str], Opened]]:
    """Both documents of every demo persona, built once for the module's checks."""
    folder = tmp_path_factory.mktemp("demo-pdfs")
    path = folder / "vocplan.db"
    shutil.copyfile(migrated_template, path)
    database = open_database(f"sqlite:///{path}")
    try:
        people = {person.full_name: person.id for person in load_demo(database, today=TODAY)}
        add_item(
            database,
            people["Gareth Price"],
            "notes",
            {"section": PlanSection.PREFERENCES, "voice": Voice.PERSON, "text": WELSH_NOTE},
        )
        opened = {}
        for name in NAMES:
            DEMO_DOCUMENTS[name] = plan_overview(database, people[name]).document
        for number, name in enumerate(NAMES):
            for kind, write in KINDS.items():
                data = write(database, people[name], today=TODAY)
                opened[(name, kind)] = open_pdf(folder / f"plan-{number}-{kind}.pdf", data)
        yield opened
    finally:
        database.close()


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("name", NAMES)
def test_every_demo_document_opens_with_its_title_pages_and_footer(
    demo_pdfs: dict[tuple[str, str], Opened], name: str, kind: str
) -> None:
    pdf = demo_pdfs[(name, kind)]
    pages = int(pdf.info["Pages"])
    assert pages == len(pdf.pages) > 1
    assert pdf.info["Title"].startswith(TITLES[name])
    assert pdf.info["Author"] == "VocPlan"
    assert pdf.info["Subject"]
    assert name not in " ".join(pdf.info.values())  # the metadata names no one
    for number, page in enumerate(pdf.pages, start=1):
        assert f"Page {number} of {pages}" in page
        assert f"{name} — {VERSIONS[name]}" in page
        assert CONFIDENTIAL in page
    assert b"/Lang (en-GB)" in pdf.path.read_bytes()


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("name", NAMES)
def test_the_unicode_font_is_embedded_and_no_other(
    demo_pdfs: dict[tuple[str, str], Opened], name: str, kind: str
) -> None:
    rows = [line.split() for line in demo_pdfs[(name, kind)].fonts.splitlines()[2:]]
    fonts = {row[0].split("+")[-1]: row for row in rows}
    assert set(fonts) == {"DejaVuSans", "DejaVuSans-Bold"}
    for row in fonts.values():
        # name, type (TrueType), encoding, then emb, sub, uni: all "yes"
        assert row[-5:-2] == ["yes", "yes", "yes"], row


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("name", NAMES)
def test_every_section_the_title_and_the_persons_words_are_in_the_text(
    demo_pdfs: dict[tuple[str, str], Opened], name: str, kind: str
) -> None:
    text = demo_pdfs[(name, kind)].text
    headings = RECORD_HEADINGS if kind == "record" else EASY_READ_HEADINGS
    positions = [text.find(heading) for heading in headings]
    assert -1 not in positions, [h for h, p in zip(headings, positions, strict=True) if p < 0]
    assert positions == sorted(positions)  # in the person's order
    assert TITLES[name] in text
    assert NHS_NUMBERS[name] in text
    assert "Check again after April 2027." in text
    for words in OWN_WORDS[name]:
        assert words in text
    has_life_areas = [area in text for area in LIFE_AREAS]
    assert has_life_areas == [name == "Gareth Price"] * 3


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("name", NAMES)
def test_every_answer_of_the_outline_is_in_both_documents(
    demo_pdfs: dict[tuple[str, str], Opened], name: str, kind: str
) -> None:
    """Same facts in both: nothing of the plan is hidden from the person or the record."""
    document = DEMO_DOCUMENTS[name]
    text = demo_pdfs[(name, kind)].text
    missing = []
    for section in plan_outline(document):
        for part in section.parts:
            if part.key == "steps":
                continue  # shown under each goal, checked below
            missing += [part.title] if part.title not in text else []
            for block in part.blocks:
                for value in [block.title, *(line.label for line in block.lines)]:
                    if flat(value) not in text:
                        missing.append(value)
                for line in block.lines:
                    if flat(line.value) not in text:
                        missing.append(line.value)
    for step in document["steps"]:
        if flat(step["what"]) not in text:
            missing.append(step["what"])
    assert missing == []


def test_the_easy_read_copy_uses_large_type(demo_pdfs: dict[tuple[str, str], Opened]) -> None:
    pdf = demo_pdfs[("Aisha Rahman", "easy-read")]
    page_height = 841.89
    footer_top = page_height - Footer("Aisha Rahman — Version 1", 11).space_needed()
    words = re.findall(
        r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">',
        poppler("pdftotext", "-bbox", str(pdf.path), "-"),
    )
    heights = [float(bottom) - float(top) for top, bottom in words if float(bottom) < footer_top]
    assert len(heights) > 500
    assert min(heights) >= 13.9  # 14 point, give or take poppler's rounding


def test_a_very_long_answer_is_printed_in_full_across_pages(
    database: Database, tmp_path: Path
) -> None:
    people = {person.full_name: person.id for person in load_demo(database, today=TODAY)}
    person = people["Tomasz Nowak"]
    long_answer = " ".join(f"słowo{number:04d} źdźbło" for number in range(800))[:10_000]
    assert len(long_answer) == 10_000
    update_part(database, person, "wellbeing", {"what_helps": long_answer})
    add_item(database, person, "steps", {"what": long_answer, "by_when": "2027-01-10"})
    words = re.findall(r"słowo\d{4}", long_answer)
    for kind, write in KINDS.items():
        pdf = open_pdf(tmp_path / f"{kind}.pdf", write(database, person, today=TODAY))
        # Every word, in order, twice (the answer and the step), and nothing cut off.
        assert re.findall(r"słowo\d{4}", pdf.text) == words * 2, kind
        assert long_answer in pdf.text, kind
        if kind == "easy-read":
            assert pdf.text.count(long_answer) == 2
        # In the record the step is a table row: its other cells and the repeated
        # header come between the parts of a row split over pages.
        pages_with_it = [page for page in pdf.pages if "słowo" in page]
        assert len(pages_with_it) >= 4, kind


def test_the_persons_words_are_shown_as_written_not_as_markup(
    database: Database, tmp_path: Path
) -> None:
    people = {person.full_name: person.id for person in load_demo(database, today=TODAY)}
    person = people["Sam Okafor"]
    tricky = "I said <b>no</b> & I meant it: a < b > c &amp; “quotes” — done.\nNew line."
    update_part(database, person, "wellbeing", {"keeps_me_well": tricky})
    for kind, write in KINDS.items():
        pdf = open_pdf(tmp_path / f"{kind}.pdf", write(database, person, today=TODAY))
        assert flat(tricky) in pdf.text, kind


def _calculate_every_scenario(database: Database, person_id: int) -> list[dict[str, Any]]:
    document = plan_overview(database, person_id).document
    results = []
    for scenario in document["scenarios"]:
        household = household_from_plan(document, scenario, TODAY)
        result = result_json(calculate(household))
        record_calculation(database, person_id, scenario["uid"], result, rules_year_for(TODAY))
        results.append(result)
    return results


def test_money_shows_each_what_ifs_saved_figures(database: Database, tmp_path: Path) -> None:
    people = {person.full_name: person.id for person in load_demo(database, today=TODAY)}
    person = people["Aisha Rahman"]
    results = _calculate_every_scenario(database, person)
    assert all(result["refer"] is None for result in results)
    for kind, write in KINDS.items():
        text = open_pdf(tmp_path / f"{kind}.pdf", write(database, person, today=TODAY)).text
        assert "has not been worked out yet" not in text
        for result in results:
            figures = money_result({"result": result}, None)
            assert figures.state == MoneyState.FIGURES
            for pence in (
                figures.now_weekly,
                figures.now_monthly,
                figures.with_work_weekly,
                figures.with_work_monthly,
                abs(figures.better_off_weekly),
                abs(figures.better_off_monthly),
            ):
                assert format_money(pence) in text, (kind, pence)
        assert "Check again after April 2027." in text
        assert "welfare rights adviser" in text
        if kind == "record":
            assert "Take-home now" in text
            assert "Take-home with this work, after the costs of working" in text


def test_a_referral_and_a_missing_result_are_said_plainly(
    database: Database, tmp_path: Path
) -> None:
    people = {person.full_name: person.id for person in load_demo(database, today=TODAY)}
    person = people["Gareth Price"]
    scenarios = plan_overview(database, person).document["scenarios"]
    referral = {
        "rules_year": "2026-27",
        "refer": {
            "reason": "We can't work this out reliably — talk to a welfare rights adviser. "
            "Self-employment is not worked out by VocPlan.",
            "rule": None,
        },
    }
    record_calculation(database, person, scenarios[0]["uid"], referral, "2026-27")
    for kind, write in KINDS.items():
        text = open_pdf(tmp_path / f"{kind}.pdf", write(database, person, today=TODAY)).text
        assert "We can't work this out reliably — talk to a welfare rights adviser." in text
        assert "Self-employment is not worked out by VocPlan." in text
        assert text.count("The money for this has not been worked out yet.") == 2


def test_more_than_four_options_compares_the_first_four_being_considered(
    database: Database, tmp_path: Path
) -> None:
    people = {person.full_name: person.id for person in load_demo(database, today=TODAY)}
    person = people["Aisha Rahman"]
    add_item(
        database,
        person,
        "options",
        {
            "kind": ActivityKind.TRAINING,
            "title": "Customer service course",
            "status": OptionStatus.CHOSEN,
        },
    )
    pdf = open_pdf(tmp_path / "record.pdf", record_pdf(database, person, today=TODAY))
    assert "There are 5 options. We compare the first four we are going for or thinking" in (
        pdf.text
    )
    table = pdf.text[pdf.text.index("Options side by side") :]
    table = table[: table.index("Things to check for each option:")]
    # Three are being considered; the first "not for now" tops the four up.
    assert "Customer service course" in table
    assert "Finish my BTEC in Health and Social Care" in table
    assert "Shop assistant in a big supermarket" not in table


def test_options_to_compare_keeps_the_persons_order() -> None:
    statuses = ["not_for_now", "chosen", "thinking_about", "not_for_now", "applied", "started"]
    options = [{"title": str(number), "status": status} for number, status in enumerate(statuses)]
    assert [option["title"] for option in options_to_compare(options)] == ["1", "2", "4", "5"]
    assert options_to_compare(options[:3]) == options[:3]
    few_active = [{"title": str(number), "status": "not_for_now"} for number in range(5)]
    few_active[3]["status"] = "chosen"
    assert [option["title"] for option in options_to_compare(few_active)] == ["0", "1", "2", "3"]


def test_check_again_is_the_april_the_rules_year_runs_out() -> None:
    assert check_again_year("2026-27") == 2027
    assert check_again_year("2025-26") == 2026
    assert check_again_year(None) is None
    assert check_again_year("not a year") is None


def test_a_result_that_cannot_be_read_counts_as_not_worked_out() -> None:
    assert money_result({"result": None}, "2026-27").state == MoneyState.MISSING
    assert money_result({"result": {"now": {}}}, "2026-27").state == MoneyState.MISSING
    assert money_result({"result": None}, "2026-27").rules_year == "2026-27"
    referred = money_result({"result": {"refer": {"reason": "Why"}}}, None)
    assert (referred.state, referred.referral_reason) == (MoneyState.REFERRED, "Why")


def test_a_changed_plan_is_a_draft_that_lists_what_changed(
    database: Database, tmp_path: Path
) -> None:
    people = {person.full_name: person.id for person in load_demo(database, today=TODAY)}
    person = people["Aisha Rahman"]
    add_item(database, person, "goals", {"what": "Join the library reading group"})
    assert plan_overview(database, person).status == PlanStatus.DRAFT
    pdf = open_pdf(tmp_path / "draft.pdf", record_pdf(database, person, today=TODAY))
    assert "Aisha Rahman — Draft, not agreed" in pdf.pages[0]
    assert "Not agreed yet (version 1 was agreed on 20/11/2026)" in pdf.text
    changes = pdf.text[pdf.text.index("9. What changed since the last version") :]
    assert "Since version 1:" in changes
    assert "Goal added: Join the library reading group" in changes

    agree_plan(
        database,
        person,
        Agreement("Aisha Rahman", TODAY, "Jo Mensah", "Care coordinator", TODAY),
        today=TODAY,
    )
    for kind, write in KINDS.items():
        pdf = open_pdf(tmp_path / f"{kind}.pdf", write(database, person, today=TODAY))
        assert "Aisha Rahman — Version 2" in pdf.pages[-1]
        assert "Since version 1:" in pdf.text
        assert "Goal added: Join the library reading group" in pdf.text
        assert "Version 1: agreed on 20/11/2026" in pdf.text


def test_no_temporary_file_is_used(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Personal data must not go into temporary files."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a temporary file was asked for")

    people = load_demo(database, today=TODAY)
    for name in ("mkstemp", "mkdtemp", "NamedTemporaryFile", "TemporaryFile", "mktemp"):
        monkeypatch.setattr(tempfile, name, refuse)
    for write in KINDS.values():
        assert write(database, people[0].id, today=TODAY).startswith(b"%PDF-")


def test_the_document_language_follows_the_app(database: Database) -> None:
    people = load_demo(database, today=TODAY)
    try:
        install("cy")
        data = record_pdf(database, people[0].id, today=TODAY)
    finally:
        install("en")
    assert b"/Lang (cy-GB)" in data


def test_an_empty_plan_with_a_long_name_and_no_nhs_number(
    database: Database, tmp_path: Path
) -> None:
    long_name = " ".join(["Bartholomew-Łukasz Ŵynford"] * 7)[:200]
    person = add_person(
        database,
        PersonInput(full_name=long_name, framework=CarePlanFramework.CPA.value),
        today=TODAY,
    )
    outline = plan_outline(plan_overview(database, person.id).document)
    # The agreement step always says who agreed (nobody yet), so it is never empty.
    empty = [s for s in outline if s.is_empty and s.section != PlanSection.AGREEMENT]
    assert len(empty) >= 3
    for kind, write in KINDS.items():
        pdf = open_pdf(tmp_path / f"{kind}.pdf", write(database, person.id, today=TODAY))
        assert pdf.info["Title"].startswith("Vocational plan — for the CPA")
        assert "NHS number" not in pdf.text
        assert pdf.text.count("Nothing written yet.") == len(empty), kind
        for number, page in enumerate(pdf.pages, start=1):
            assert f"{long_name} — Draft, not agreed" in page  # wrapped, never cut
            assert f"Page {number} of {len(pdf.pages)}" in page
