"""The easy-read copy of the plan, for the person: the same facts, easier to read.

Large type (14 pt and up), short sentences, plenty of space, and headings
asked as questions ("What matters to me?"). In every section the person's own
words come first: their notes about that step, then in each part and each
item the answers in their words before the others. Nothing is left out: every
answer of the plan outline is here, as in the record, along with the figures,
the options side by side (as lists rather than a wide table), the steps, who
agreed and what changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, Paragraph, Spacer

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
    FONT,
    MUTED,
    OWN_WORDS_BACKGROUND,
    RULE,
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
    header_facts,
    result_sentences,
    rules_line,
    rules_years,
    step_cells,
)
from vocplan.formatting import format_date, format_money
from vocplan.i18n import N_, _
from vocplan.plan_fields import PART_SPECS
from vocplan.services.outline import Block, Line, PartOutline, SectionOutline

BODY_SIZE = 14
"""Easy-read guidance asks for 14 point at least; nothing in the body is smaller."""

QUESTIONS: dict[PlanSection, str] = {
    PlanSection.ABOUT_TODAY: N_("Who helped me make my plan?"),
    PlanSection.PREFERENCES: N_("What matters to me?"),
    PlanSection.BACKGROUND: N_("What do I bring?"),
    PlanSection.OPTIONS: N_("What could I do?"),
    PlanSection.MONEY: N_("What would happen to my money?"),
    PlanSection.STAYING_WELL: N_("How will I stay well, and who will I tell?"),
    PlanSection.MY_PLAN: N_("What will I do next?"),
    PlanSection.AGREEMENT: N_("Do we agree?"),
}
CHANGES_QUESTION = N_("What has changed?")


def section_headings() -> list[str]:
    """Every section heading of the easy-read copy, in order (translated)."""
    return [_(QUESTIONS[section]) for section in PlanSection] + [_(CHANGES_QUESTION)]


def easy_read_title(facts: PlanFacts) -> str:
    return _("{title}: easy read").format(title=facts.title)


def _style(name: str, **values: Any) -> ParagraphStyle:
    base: dict[str, Any] = {
        "fontName": FONT,
        "bulletFontName": FONT,
        "bulletFontSize": BODY_SIZE,
        "fontSize": BODY_SIZE,
        "leading": BODY_SIZE * 1.45,
        "textColor": TEXT,
        "spaceAfter": 6,
    }
    if "parent" in values:  # the parent's values stand unless given here
        return ParagraphStyle(name, **values)
    return ParagraphStyle(name, **{**base, **values})


BODY = _style("body")
OWN_WORDS = _style(
    "own-words",
    backColor=OWN_WORDS_BACKGROUND,
    borderPadding=(3, 5, 4, 5),
    leftIndent=5,
    rightIndent=5,
    spaceBefore=3,
    spaceAfter=12,
)
VALUE = _style("value", spaceAfter=12)
LABEL = _style("label", fontName=BOLD, spaceAfter=2, keepWithNext=1)
NOTE = _style("note", textColor=MUTED, spaceAfter=10)
SUMMARY = _style("summary", keepWithNext=1)
TITLE = _style("title", fontName=BOLD, fontSize=26, leading=32, textColor=ACCENT, spaceAfter=6)
SUBTITLE = _style("subtitle", fontSize=16, leading=22, textColor=MUTED, spaceAfter=14)
H1 = _style(
    "h1",
    fontName=BOLD,
    fontSize=22,
    leading=28,
    textColor=ACCENT,
    spaceBefore=10,
    spaceAfter=12,
    keepWithNext=1,
)
H2 = _style(
    "h2", fontName=BOLD, fontSize=17, leading=23, spaceBefore=14, spaceAfter=8, keepWithNext=1
)
H3 = _style(
    "h3",
    fontName=BOLD,
    fontSize=15,
    leading=21,
    textColor=ACCENT,
    spaceBefore=10,
    spaceAfter=6,
    keepWithNext=1,
)
H3_OWN_WORDS = _style(
    "h3-own-words",
    parent=H3,
    backColor=OWN_WORDS_BACKGROUND,
    borderPadding=(3, 5, 4, 5),
    leftIndent=5,
    rightIndent=5,
)
AREA = _style("life-area", fontName=BOLD, textColor=ACCENT, spaceAfter=10, keepWithNext=1)
BULLET = _style("bullet", leftIndent=18, bulletIndent=4, spaceAfter=8)


def easy_read_story(facts: PlanFacts) -> list[Flowable]:
    story: list[Flowable] = [
        Paragraph(words(_("My plan")), TITLE),
        Paragraph(words(facts.title), SUBTITLE),
    ]
    story += [Paragraph(words(text), BODY) for text in _opening(facts)]
    story.append(Spacer(1, 4 * mm))
    for label, value in header_facts(facts):
        story += _line(label, value, own_words=False)
    for section in facts.outline:
        story += _section(facts, section)
    story += _changes(facts)
    return story


def _opening(facts: PlanFacts) -> list[str]:
    sentences = [_("This is my plan for work, learning or volunteering.")]
    if facts.person.care_coordinator:
        sentences.append(
            _("I made it with {name}, my care coordinator.").format(
                name=facts.person.care_coordinator
            )
        )
    if facts.person.next_review_date:
        sentences.append(
            _("We will look at it again on {date}.").format(
                date=format_date(facts.person.next_review_date)
            )
        )
    sentences.append(_("Words on a shaded background are my own words."))
    return sentences


# --- sections ----------------------------------------------------------------------------


def _section(facts: PlanFacts, section: SectionOutline) -> list[Flowable]:
    story: list[Flowable] = [_new_section(), Paragraph(words(_(QUESTIONS[section.section])), H1)]
    area = SECTION_LIFE_AREAS.get(section.section)
    if facts.is_wales and area is not None:
        story.append(_life_area_line(area))
    notes = next((part for part in section.parts if part.key == "notes"), None)
    mine = [block for block in notes.blocks if _is_own(block)] if notes else []
    theirs = [block for block in notes.blocks if not _is_own(block)] if notes else []
    body: list[Flowable] = []
    for block in mine:
        body += _note(block)
    if section.section == PlanSection.MONEY:
        boxed = [Paragraph(words(estimate_note()), BODY)]
        boxed += [Paragraph(words(rules_line(year)), BODY) for year in rules_years(facts)]
        body.append(callout(boxed, padding=10))
    for part in section.parts:
        if part.key != "notes":
            body += _part(facts, part)
    if section.section == PlanSection.AGREEMENT:
        body += _agreement(facts)
    for block in theirs:
        body += _note(block)
    if not body:
        body.append(Paragraph(words(_("Nothing written yet.")), NOTE))
    return story + body


def _new_section() -> Flowable:
    """A rule and some space between sections, kept with the heading under it."""
    rule = HRFlowable(width="100%", thickness=1, color=RULE, spaceBefore=10, spaceAfter=4)
    rule.keepWithNext = 1
    return rule


def _life_area_line(area: LifeArea) -> Paragraph:
    text = _("Care and Treatment Plan life area: {area}").format(area=area.label)
    return Paragraph(words(text), AREA)


def _is_own(block: Block) -> bool:
    return any(line.person_words for line in block.lines)


def _note(block: Block) -> list[Flowable]:
    story: list[Flowable] = []
    if block.title:
        story.append(Paragraph(words(block.title), LABEL))
    for line in block.lines:
        story.append(Paragraph(words(line.value), OWN_WORDS if line.person_words else VALUE))
    return story


def _part(facts: PlanFacts, part: PartOutline) -> list[Flowable]:
    plan = part_plan(facts, part)
    if plan is None:
        return []  # each step is shown under the goal it is for
    story: list[Flowable] = [Paragraph(words(part.title), H2)]
    if plan.steps_only:
        return story + _steps(facts, facts.document.get("steps") or [])
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
    if part.key == "scenarios":
        # What it means for the person's money first; the details it was worked out from after.
        story = _block(Block(block.title, (), block.person_words_title), True)
        story += _money(money_result(item, facts.rules_year))
        story += _block(Block("", block.lines), False)
        return story
    story = _block(block, True)
    if part.key == "goals":
        steps = [
            step
            for step in facts.document.get("steps") or []
            if step.get("goal_uid") and step.get("goal_uid") == item.get("uid")
        ]
        if steps:
            story.append(Paragraph(words(_("Steps to get there")), LABEL))
            story += _steps(facts, steps)
    return story


def _block(block: Block, in_list: bool) -> list[Flowable]:
    story: list[Flowable] = []
    if in_list and block.title:
        style = H3_OWN_WORDS if block.person_words_title else H3
        story.append(Paragraph(words(block.title), style))
    for line in _own_words_first(block.lines):
        story += _line(line.label, line.value, own_words=line.person_words)
    return story


def _own_words_first(lines: Sequence[Line]) -> list[Line]:
    return [line for line in lines if line.person_words] + [
        line for line in lines if not line.person_words
    ]


def _line(label: str, value: str, *, own_words: bool) -> list[Flowable]:
    story: list[Flowable] = []
    if label:
        story.append(Paragraph(words(label), LABEL))
    story.append(Paragraph(words(value), OWN_WORDS if own_words else VALUE))
    return story


# --- steps, options, money ---------------------------------------------------------------


def _steps(facts: PlanFacts, steps: Iterable[dict[str, Any]]) -> list[Flowable]:
    spec = PART_SPECS["steps"]
    story: list[Flowable] = []
    for step in steps:
        what, who, by_when, status = step_cells(step, facts.document)
        text = f"<b>{words(what)}</b>"
        details = [
            (spec.field("owner").label, who),
            (spec.field("by_when").label, by_when),
            (spec.field("status").label, status),
        ]
        for label, value in details:
            if value:
                text += "<br/>" + words(_("{label}: {value}").format(label=label, value=value))
        story.append(Paragraph(text, BULLET, bulletText="•"))
    return story


def _steps_without_goal(facts: PlanFacts) -> list[Flowable]:
    goal_uids = {goal.get("uid") for goal in facts.document.get("goals") or []}
    loose = [
        step
        for step in facts.document.get("steps") or []
        if not step.get("goal_uid") or step.get("goal_uid") not in goal_uids
    ]
    if not loose:
        return []
    return [Paragraph(words(_("Steps not linked to a goal")), H3), *_steps(facts, loose)]


def _comparison(facts: PlanFacts) -> list[Flowable]:
    table = facts.comparison
    if table is None:
        return []
    story: list[Flowable] = [Paragraph(words(_("How do my options fit?")), H2)]
    if facts.compared_some:
        story.append(Paragraph(words(comparison_note(facts)), BODY))
    for index, (column, title) in enumerate(zip(table.columns, facts.compared_titles, strict=True)):
        heading = title
        if column.kind_label:
            heading = _("{option} ({kind})").format(option=title, kind=column.kind_label)
        story.append(Paragraph(words(heading), H3))
        story.append(Paragraph(words(column.summary), SUMMARY))
        for row in table.rows:
            cell = row.cells[index]
            verdict = _("{aspect}: {status}.").format(aspect=row.label, status=cell.status.label)
            text = f"<b>{words(verdict)}</b> {words(cell.text)}"
            story.append(Paragraph(text, BULLET, bulletText="•"))
    if table.to_check:
        story.append(Paragraph(words(_("Things to check for each option:")), LABEL))
        story += [Paragraph(words(text), BULLET, bulletText="•") for text in table.to_check]
    return story


def money_sentences(result: MoneyResult) -> list[str]:
    """The saved figures of a what-if as short sentences."""
    sentences = result_sentences(result)
    if sentences:
        return sentences
    values = {
        "now_weekly": format_money(result.now_weekly),
        "now_monthly": format_money(result.now_monthly),
        "work_weekly": format_money(result.with_work_weekly),
        "work_monthly": format_money(result.with_work_monthly),
        "weekly": format_money(abs(result.better_off_weekly)),
        "monthly": format_money(abs(result.better_off_monthly)),
    }
    sentences = [
        _("Now I take home {now_weekly} a week ({now_monthly} a month).").format(**values),
        _(
            "With this work I would take home {work_weekly} a week ({work_monthly} a month). "
            "That is after the costs of working."
        ).format(**values),
    ]
    if result.better_off_monthly >= 0:
        sentences.append(
            _("That is {weekly} a week more than now ({monthly} a month).").format(**values)
        )
    else:
        sentences.append(
            _("That is {weekly} a week less than now ({monthly} a month).").format(**values)
        )
    line = rules_line(result.rules_year)
    if line:
        sentences.append(line)
    return sentences


def _money(result: MoneyResult) -> list[Flowable]:
    story: list[Flowable] = [Paragraph(words(_("What it would mean for my money")), LABEL)]
    story += [Paragraph(words(text), BULLET, bulletText="•") for text in money_sentences(result)]
    return story


# --- agreement and changes ---------------------------------------------------------------


def _agreement(facts: PlanFacts) -> list[Flowable]:
    story: list[Flowable] = [Paragraph(words(_("Who agreed the plan")), H2)]
    story += [Paragraph(words(text), BODY) for text in agreement_intro(facts)]
    for name, role, when in agreement_rows(facts):
        text = _("{name} ({role}) agreed on {date}.").format(name=name, role=role, date=when)
        story.append(Paragraph(words(text), BULLET, bulletText="•"))
    earlier = earlier_versions(facts)
    if earlier:
        story.append(Paragraph(words(_("Earlier versions")), LABEL))
        story += [Paragraph(words(text), BULLET, bulletText="•") for text in earlier]
    return story


def _changes(facts: PlanFacts) -> list[Flowable]:
    story: list[Flowable] = [_new_section(), Paragraph(words(_(CHANGES_QUESTION)), H1)]
    story.append(Paragraph(words(changes_intro(facts)), BODY))
    for group in facts.changes:
        story.append(Paragraph(words(_(QUESTIONS[group.section])), H3))
        story += [Paragraph(words(line), BULLET, bulletText="•") for line in group.lines]
    return story
