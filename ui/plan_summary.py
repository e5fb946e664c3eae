"""The whole plan as HTML for a QTextBrowser, drawn from the core's plan outline."""

from __future__ import annotations

import html
from typing import Any

from vocplan.domain.enums import PlanSection
from vocplan.i18n import _
from vocplan.services.outline import Block, Line, PartOutline, SectionOutline, plan_outline


def section_anchor(section: PlanSection) -> str:
    return f"section-{section.value}"


def plan_html(document: dict[str, Any]) -> str:
    """Every step under its own heading, with an anchor to scroll to."""
    return "\n".join(section_html(section) for section in plan_outline(document))


def section_html(section: SectionOutline) -> str:
    heading = _("{number}. {step}").format(number=section.number, step=section.title)
    body = "".join(_part_html(part) for part in section.parts) or (
        f"<p><i>{html.escape(_('Nothing written yet.'))}</i></p>"
    )
    return f'<a name="{section_anchor(section.section)}"></a><h2>{html.escape(heading)}</h2>{body}'


def words(text: str) -> str:
    """Someone's own text, escaped, with their line breaks kept."""
    return html.escape(text).replace("\n", "<br>")


def _part_html(part: PartOutline) -> str:
    blocks = "".join(_block_html(block, part.is_list) for block in part.blocks)
    return f"<h3>{html.escape(part.title)}</h3>{blocks}"


def _block_html(block: Block, in_list: bool) -> str:
    lines = "".join(_line_html(line) for line in block.lines)
    if not in_list:
        return lines
    title = f"<p><b>{words(block.title)}</b></p>" if block.title else ""
    return f'{title}<div style="margin-left: 16px">{lines}</div>'


def _line_html(line: Line) -> str:
    if not line.label:
        return f"<p>{words(line.value)}</p>"
    return f"<p><b>{html.escape(line.label)}:</b> {words(line.value)}</p>"
