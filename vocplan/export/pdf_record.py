"""The plan document for the care record: every answer, in the order of the session.

Laid out from the plan outline (``vocplan.services.outline``), so each answer
is named as the guided session names it. On top of the outline it adds the
header block, the options side by side, each what-if's saved figures, the
steps under the goal they serve, who agreed the plan, and what changed since
the last version. Nothing the person wrote is shortened: text cells split
across pages rather than being cut.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from vocplan.domain.enums import PlanSection
from vocplan.export.pdf_facts import (
    SECTION_LIFE_AREAS,
    LifeArea,
    MoneyResult,
    PlanFacts,
    money_result,
    part_plan,
)
from vocplan.export.pdf_layout import (
    ACCENT,
    BOLD,
    CONTENT_WIDTH,
    FONT,
    MUTED,
    OWN_WORDS_BACKGROUND,
    RULE,
    TABLE_HEADER_BACKGROUND,
    TEXT,
    callout,
    words,
)
from vocplan.export.pdf_words import (
    agreement_intro,
    agreement_rows,
    changes_intro,
    comparison_note,
    earlier_versions,
    estimate_note,
    figure_rows,
    header_facts,
    result_sentences,
    rules_line,
    rules_years,
    step_cells,
)
from vocplan.formatting import format_date
from vocplan.i18n import N_, _
from vocplan.plan_fields import PART_SPECS
from vocplan.services.outline import Block, Line, PartOutline, SectionOutline

WIDTH = CONTENT_WIDTH
LABEL_SHARE = 0.34
"""The share of the width the answer labels take."""

SECTION_HEADINGS: dict[PlanSection, str] = {
    PlanSection.ABOUT_TODAY: N_("Care team, meetings and consent"),
    PlanSection.PREFERENCES: N_("What matters to me"),
    PlanSection.BACKGROUND: N_("What I bring"),
    PlanSection.OPTIONS: N_("The options we looked at"),
    PlanSection.MONEY: N_("Money"),
    PlanSection.STAYING_WELL: N_("Staying well, telling people and adjustments"),
    PlanSection.MY_PLAN: N_("My goals and steps"),
    PlanSection.AGREEMENT: N_("Agreement"),
}
CHANGES_HEADING = N_("What changed since the last version")


def section_headings() -> list[str]:
    """Every section heading of the record, numbered, in order (translated)."""
    headings = [_(SECTION_HEADINGS[section]) for section in PlanSection]
    headings.append(_(CHANGES_HEADING))
    return [
        _("{number}. {heading}").format(number=number, heading=heading)
        for number, heading in enumerate(headings, start=1)
    ]


def _style(name: str, **values: Any) -> ParagraphStyle:
    base: dict[str, Any] = {
        "fontName": FONT,
        "bulletFontName": FONT,
        "bulletFontSize": 9.5,
        "fontSize": 9.5,
        "leading": 12.5,
        "textColor": TEXT,
    }
    if "parent" in values:  # the parent's values stand unless given here
        return ParagraphStyle(name, **values)
    return ParagraphStyle(name, **{**base, **values})


BODY = _style("body")
OWN_WORDS = _style("own-words", backColor=OWN_WORDS_BACKGROUND, borderPadding=(2, 3, 3, 3))
LABEL = _style("label", fontName=BOLD, fontSize=8.5, leading=11, textColor=MUTED)
NOTE = _style("note", fontSize=9, leading=12, textColor=MUTED, spaceBefore=2, spaceAfter=4)
TITLE = _style("title", fontName=BOLD, fontSize=17, leading=21, textColor=ACCENT, spaceAfter=3)
H1 = _style(
    "h1",
    fontName=BOLD,
    fontSize=13,
    leading=16,
    textColor=ACCENT,
    backColor=TABLE_HEADER_BACKGROUND,
    borderPadding=(4, 5, 4, 5),
    spaceBefore=16,
    spaceAfter=8,
    keepWithNext=1,
)
H2 = _style(
    "h2", fontName=BOLD, fontSize=11, leading=14, spaceBefore=9, spaceAfter=3, keepWithNext=1
)
H3 = _style("h3", fontName=BOLD, spaceBefore=7, spaceAfter=2, keepWithNext=1)
H3_OWN_WORDS = _style(
    "h3-own-words",
    parent=H3,
    backColor=OWN_WORDS_BACKGROUND,
    borderPadding=(2, 3, 2, 3),
)
AREA = _style(
    "life-area",
    fontName=BOLD,
    fontSize=10.5,
    leading=13,
    textColor=ACCENT,
    spaceBefore=9,
    spaceAfter=2,
    keepWithNext=1,
)
CELL = _style("cell", fontSize=8.5, leading=11)
CELL_BOLD = _style("cell-bold", parent=CELL, fontName=BOLD)
CELL_MUTED = _style("cell-muted", parent=CELL, textColor=MUTED)
CALLOUT_TEXT = _style("callout", spaceAfter=3)
BULLET = _style("bullet", leftIndent=12, bulletIndent=2, spaceAfter=2)

SPLIT_ROWS_AT_PAGE_END: dict[str, int] = {"splitByRow": 0, "splitInRow": 30}
"""For tables with a header row: a row that does not fit is split where the page ends (each
part at least 30 points), rather than moved whole with its header repeated over it."""

_GRID = [
    ("FONTNAME", (0, 0), (-1, -1), FONT),  # for empty cells, which reportlab still draws
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 4),
    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ("TOPPADDING", (0, 0), (-1, -1), 3),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
]


def record_story(facts: PlanFacts) -> list[Flowable]:
    """Every flowable of the record, first page to last."""
    story: list[Flowable] = [Paragraph(words(facts.title), TITLE)]
    story.append(
        Paragraph(
            words(_("Written with VocPlan on {date}.").format(date=format_date(facts.today))),
            NOTE,
        )
    )
    story.append(_header_table(facts))
    story.append(
        Paragraph(
            words(_("Text on a shaded background is in the person's own words, as they wrote it.")),
            NOTE,
        )
    )
    for section in facts.outline:
        story += _section(facts, section)
    story += _changes(facts)
    return story


# --- header ------------------------------------------------------------------------------


def _header_table(facts: PlanFacts) -> Table:
    pairs = header_facts(facts)
    if len(pairs) % 2:
        pairs.append(("", ""))
    rows = [
        [
            Paragraph(words(pairs[index][0]), LABEL),
            Paragraph(words(pairs[index][1]), BODY),
            Paragraph(words(pairs[index + 1][0]), LABEL),
            Paragraph(words(pairs[index + 1][1]), BODY),
        ]
        for index in range(0, len(pairs), 2)
    ]
    label, value = WIDTH * 0.16, WIDTH * 0.34
    return Table(
        rows,
        colWidths=[label, value, label, value],
        splitInRow=1,
        spaceBefore=4,
        spaceAfter=4,
        style=TableStyle(
            [
                *_GRID,
                ("BOX", (0, 0), (-1, -1), 0.6, RULE),
                ("LINEBELOW", (0, 0), (-1, -2), 0.3, RULE),
                ("BACKGROUND", (0, 0), (0, -1), TABLE_HEADER_BACKGROUND),
                ("BACKGROUND", (2, 0), (2, -1), TABLE_HEADER_BACKGROUND),
            ]
        ),
    )


# --- sections ----------------------------------------------------------------------------


def _section(facts: PlanFacts, section: SectionOutline) -> list[Flowable]:
    heading = _("{number}. {heading}").format(
        number=section.number, heading=_(SECTION_HEADINGS[section.section])
    )
    story: list[Flowable] = [Paragraph(words(heading), H1)]
    area = SECTION_LIFE_AREAS.get(section.section)
    if facts.is_wales and area is not None:
        story.append(_life_area_line(area))
    if section.section == PlanSection.MONEY:
        story += money_notes(facts)
    body: list[Flowable] = []
    for part in section.parts:
        body += _part(facts, part)
    if section.section == PlanSection.AGREEMENT:
        body += _agreement(facts)
    if not body:
        body.append(Paragraph(words(_("Nothing written yet.")), NOTE))
    return story + body


def _life_area_line(area: LifeArea) -> Paragraph:
    text = _("Care and Treatment Plan life area: {area}").format(area=area.label)
    return Paragraph(words(text), AREA)


def _part(facts: PlanFacts, part: PartOutline) -> list[Flowable]:
    plan = part_plan(facts, part)
    if plan is None:
        return []  # each step is shown under the goal it is for
    story: list[Flowable] = [Paragraph(words(part.title), H2)]
    if plan.steps_only:
        return [*story, _steps_table(facts, facts.document.get("steps") or [])]
    if plan.life_area is not None:
        story.append(_life_area_line(plan.life_area))
    for block in plan.plain_blocks:
        story += _block(block, part.is_list)
    for heading, members in plan.groups:
        if heading:
            story.append(Paragraph(words(heading), AREA))
        for block, item in members:
            story += _item(facts, part, block, item)
    if plan.steps_without_goal:
        story += _steps_without_goal(facts)
    if plan.comparison:
        story += _comparison(facts)
    return story


def _item(
    facts: PlanFacts, part: PartOutline, block: Block, item: dict[str, Any]
) -> list[Flowable]:
    story = _block(block, True)
    if part.key == "scenarios":
        story += money_result_flowables(money_result(item, facts.rules_year))
    if part.key == "goals":
        steps = [
            step
            for step in facts.document.get("steps") or []
            if step.get("goal_uid") and step.get("goal_uid") == item.get("uid")
        ]
        if steps:
            story.append(_steps_table(facts, steps))
    return story


def _block(block: Block, in_list: bool) -> list[Flowable]:
    story: list[Flowable] = []
    if in_list and block.title:
        story.append(
            Paragraph(words(block.title), H3_OWN_WORDS if block.person_words_title else H3)
        )
    if block.lines:
        story.append(_lines_table(block.lines))
    return story


def _lines_table(lines: Sequence[Line]) -> Table:
    rows: list[list[Any]] = []
    commands: list[tuple[Any, ...]] = list(_GRID)
    for row, line in enumerate(lines):
        value = Paragraph(words(line.value), BODY)
        if line.label:
            rows.append([Paragraph(words(line.label), LABEL), value])
            shaded = (1, row)
        else:
            rows.append([value, ""])
            commands.append(("SPAN", (0, row), (1, row)))
            shaded = (0, row)
        if line.person_words:
            commands.append(("BACKGROUND", shaded, (1, row), OWN_WORDS_BACKGROUND))
    commands.append(("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE))
    return Table(
        rows,
        colWidths=[WIDTH * LABEL_SHARE, WIDTH * (1 - LABEL_SHARE)],
        splitInRow=1,
        style=TableStyle(commands),
        hAlign="LEFT",
    )


# --- steps -------------------------------------------------------------------------------


def _steps_without_goal(facts: PlanFacts) -> list[Flowable]:
    goal_uids = {goal.get("uid") for goal in facts.document.get("goals") or []}
    loose = [
        step
        for step in facts.document.get("steps") or []
        if not step.get("goal_uid") or step.get("goal_uid") not in goal_uids
    ]
    if not loose:
        return []
    return [Paragraph(words(_("Steps not linked to a goal")), H3), _steps_table(facts, loose)]


def _steps_table(facts: PlanFacts, steps: Iterable[dict[str, Any]]) -> Table:
    spec = PART_SPECS["steps"]
    headings = [
        spec.title,
        spec.field("owner").label,
        spec.field("by_when").label,
        spec.field("status").label,
    ]
    rows: list[list[Any]] = [[Paragraph(words(text), CELL_BOLD) for text in headings]]
    for step in steps:
        rows.append([Paragraph(words(text), CELL) for text in step_cells(step, facts.document)])
    return Table(
        rows,
        colWidths=[WIDTH * 0.44, WIDTH * 0.24, WIDTH * 0.13, WIDTH * 0.19],
        repeatRows=1,
        **SPLIT_ROWS_AT_PAGE_END,
        spaceBefore=4,
        spaceAfter=4,
        hAlign="LEFT",
        style=TableStyle(
            [
                *_GRID,
                ("BACKGROUND", (0, 0), (-1, 0), TABLE_HEADER_BACKGROUND),
                ("GRID", (0, 0), (-1, -1), 0.3, RULE),
            ]
        ),
    )


# --- options side by side --------------------------------------------------------------


def _comparison(facts: PlanFacts) -> list[Flowable]:
    table = facts.comparison
    if table is None:
        return []
    story: list[Flowable] = [Paragraph(words(_("Options side by side")), H2)]
    if facts.compared_some:
        story.append(Paragraph(words(comparison_note(facts)), NOTE))
    header: list[Any] = [Paragraph("", CELL_BOLD)]
    for column, title in zip(table.columns, facts.compared_titles, strict=True):
        text = f"<b>{words(title)}</b>"
        if column.kind_label:
            text += f"<br/>{words(column.kind_label)}"
        header.append(Paragraph(text, CELL))
    rows: list[list[Any]] = [header]
    rows.append(
        [Paragraph(words(_("How well it fits")), CELL_BOLD)]
        + [Paragraph(words(column.summary), CELL) for column in table.columns]
    )
    for row in table.rows:
        rows.append(
            [Paragraph(words(row.label), CELL_BOLD)]
            + [
                Paragraph(f"<b>{words(cell.status.label)}</b><br/>{words(cell.text)}", CELL)
                for cell in row.cells
            ]
        )
    first = WIDTH * 0.2
    rest = (WIDTH - first) / len(table.columns)
    story.append(
        Table(
            rows,
            colWidths=[first] + [rest] * len(table.columns),
            repeatRows=1,
            **SPLIT_ROWS_AT_PAGE_END,
            spaceBefore=3,
            spaceAfter=4,
            hAlign="LEFT",
            style=TableStyle(
                [
                    *_GRID,
                    ("BACKGROUND", (0, 0), (-1, 0), TABLE_HEADER_BACKGROUND),
                    ("BACKGROUND", (0, 1), (0, -1), TABLE_HEADER_BACKGROUND),
                    ("GRID", (0, 0), (-1, -1), 0.3, RULE),
                ]
            ),
        )
    )
    if table.to_check:
        story.append(Paragraph(words(_("Things to check for each option:")), H3))
        story += [Paragraph(words(text), BULLET, bulletText="•") for text in table.to_check]
    return story


# --- money -------------------------------------------------------------------------------


def money_notes(facts: PlanFacts) -> list[Flowable]:
    """The estimate warning and when to check again, boxed, at the top of the Money step."""
    paragraphs = [Paragraph(words(estimate_note()), CALLOUT_TEXT)]
    paragraphs += [Paragraph(words(rules_line(year)), CALLOUT_TEXT) for year in rules_years(facts)]
    return [callout(paragraphs)]


def money_result_flowables(result: MoneyResult) -> list[Flowable]:
    story: list[Flowable] = []
    sentences = result_sentences(result)
    if sentences:
        return [Paragraph(words(" ".join(sentences)), NOTE)]
    rows: list[list[Any]] = [
        [
            Paragraph(words(_("What it would mean for my money")), CELL_BOLD),
            Paragraph(words(_("A week")), CELL_BOLD),
            Paragraph(words(_("A month")), CELL_BOLD),
        ]
    ]
    for label, weekly, monthly in figure_rows(result):
        rows.append(
            [Paragraph(words(label), CELL), Paragraph(weekly, CELL), Paragraph(monthly, CELL)]
        )
    story.append(
        Table(
            rows,
            colWidths=[WIDTH * 0.5, WIDTH * 0.17, WIDTH * 0.17],
            splitInRow=1,
            spaceBefore=3,
            hAlign="LEFT",
            style=TableStyle(
                [
                    *_GRID,
                    ("BACKGROUND", (0, 0), (-1, 0), TABLE_HEADER_BACKGROUND),
                    ("GRID", (0, 0), (-1, -1), 0.3, RULE),
                    ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
                ]
            ),
        )
    )
    line = rules_line(result.rules_year)
    if line:
        story.append(Paragraph(words(line), NOTE))
    return story


# --- agreement and changes ---------------------------------------------------------------


def _agreement(facts: PlanFacts) -> list[Flowable]:
    story: list[Flowable] = [Paragraph(words(_("Who agreed the plan")), H2)]
    story += [Paragraph(words(text), BODY) for text in agreement_intro(facts)]
    rows = agreement_rows(facts)
    if rows:
        table_rows: list[list[Any]] = [
            [Paragraph(words(text), CELL_BOLD) for text in (_("Name"), _("Role"), _("Date agreed"))]
        ]
        table_rows += [[Paragraph(words(text), CELL) for text in row] for row in rows]
        story.append(
            Table(
                table_rows,
                colWidths=[WIDTH * 0.36, WIDTH * 0.36, WIDTH * 0.2],
                splitInRow=1,
                spaceBefore=4,
                spaceAfter=4,
                hAlign="LEFT",
                style=TableStyle(
                    [
                        *_GRID,
                        ("BACKGROUND", (0, 0), (-1, 0), TABLE_HEADER_BACKGROUND),
                        ("GRID", (0, 0), (-1, -1), 0.3, RULE),
                    ]
                ),
            )
        )
    earlier = earlier_versions(facts)
    if earlier:
        story.append(Paragraph(words(_("Earlier versions")), H3))
        story += [Paragraph(words(text), BULLET, bulletText="•") for text in earlier]
    return story


def _changes(facts: PlanFacts) -> list[Flowable]:
    number = len(PlanSection) + 1
    heading = _("{number}. {heading}").format(number=number, heading=_(CHANGES_HEADING))
    story: list[Flowable] = [Paragraph(words(heading), H1)]
    story.append(Paragraph(words(changes_intro(facts)), BODY))
    for group in facts.changes:
        story.append(Paragraph(words(_(SECTION_HEADINGS[group.section])), H3))
        story += [Paragraph(words(line), BULLET, bulletText="•") for line in group.lines]
    story.append(Spacer(1, 2 * mm))
    return story
