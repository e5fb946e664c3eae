"""A plan document as readable HTML, one part for each step of the guided session.

Plain functions with no Qt, so they are tested without a window. Everything a
person typed is escaped and shown as it is, line breaks kept; a worker's notes
are labelled so the person's own words stay theirs.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from typing import Any

from vocplan.domain.enums import (
    AccessToWorkStatus,
    ActivityKind,
    AdjustmentStatus,
    BarrierKind,
    Company,
    DisclosureChoice,
    Gain,
    GoalStatus,
    LabelledEnum,
    NoiseLevel,
    OptionStatus,
    OutcomeKind,
    Pace,
    Place,
    PlanSection,
    QualificationLevel,
    QualificationStatus,
    ReferralStatus,
    ServiceKind,
    StepOwner,
    StepStatus,
    TravelMode,
    Voice,
)
from vocplan.i18n import N_, _, current_language

Item = dict[str, Any]


def section_anchor(section: PlanSection) -> str:
    return f"section-{section.value}"


def plan_html(document: dict[str, Any]) -> str:
    """The whole plan, each step under its own heading with an anchor to scroll to."""
    parts = []
    for number, section in enumerate(PlanSection, start=1):
        heading = _("{number}. {step}").format(number=number, step=section.label)
        body = section_html(section, document)
        parts.append(
            f'<a name="{section_anchor(section)}"></a><h2>{html.escape(heading)}</h2>'
            + (body or f"<p><i>{html.escape(_('Nothing written yet.'))}</i></p>")
        )
    return "\n".join(parts)


def section_html(section: PlanSection, document: dict[str, Any]) -> str:
    """What one step holds, or an empty string when it holds nothing."""
    blocks = [render(document) for render in _RENDERERS[section]]
    blocks.extend(_note_html(note) for note in document.get("notes", []) if _in(note, section))
    return "".join(block for block in blocks if block)


# --- small helpers ------------------------------------------------------------


def words(text: Any) -> str:
    """Someone's own text, escaped, with their line breaks kept."""
    return html.escape(str(text)).replace("\n", "<br>")


def format_date(value: Any) -> str:
    if not value:
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
    return str(value.strftime("%d/%m/%Y"))


def format_money(pence: int | None) -> str:
    if pence is None:
        return ""
    from babel.numbers import format_currency

    locale = {"cy": "cy_GB", "pl": "pl_PL"}.get(current_language(), "en_GB")
    return str(format_currency(pence / 100, "GBP", locale=locale))


def enum_label(kind: type[LabelledEnum], value: Any) -> str:
    try:
        return kind(value).label
    except ValueError:
        return str(value)


def _in(note: Item, section: PlanSection) -> bool:
    return bool(note.get("section") == section.value)


def _line(label: str, value: str) -> str:
    """One labelled line; ``value`` is already HTML."""
    return f"<p><b>{html.escape(label)}</b> {value}</p>" if value else ""


def _text_fields(values: Item | None, fields: Sequence[tuple[str, str]]) -> str:
    values = values or {}
    return "".join(_line(_(label), words(values.get(key) or "")) for key, label in fields)


def _list(title: str, items: Iterable[Item], describe: Callable[[Item], str]) -> str:
    """A bulleted list under a small heading; no heading when ``title`` is empty."""
    rows = [describe(item) for item in items]
    rows = [row for row in rows if row]
    if not rows:
        return ""
    entries = "".join(f"<li>{row}</li>" for row in rows)
    heading = f"<h3>{html.escape(title)}</h3>" if title else ""
    return f"{heading}<ul>{entries}</ul>"


def _joined(*pieces: str) -> str:
    """Non-empty HTML pieces separated by a dash."""
    return " — ".join(piece for piece in pieces if piece)


def _note_html(note: Item) -> str:
    voice = enum_label(Voice, note.get("voice"))
    when = format_date(note.get("written_on"))
    label = _("{voice}, {date}:").format(voice=voice, date=when) if when else f"{voice}:"
    text = words(note.get("text") or "")
    if note.get("voice") == Voice.PERSON.value:
        return f"<p><b>{html.escape(label)}</b></p><blockquote>{text}</blockquote>"
    return f"<p><b>{html.escape(label)}</b> {text}</p>"


# --- each step ----------------------------------------------------------------


def _sessions(document: dict[str, Any]) -> str:
    def describe(item: Item) -> str:
        return _joined(
            html.escape(format_date(item.get("held_on"))),
            words(item.get("purpose") or ""),
            words(item.get("who_is_here") or ""),
        )

    return _list(_("Meetings"), document.get("sessions", []), describe)


def _preferences(document: dict[str, Any]) -> str:
    values: Item = document.get("preferences") or {}
    out = []
    order = [enum_label(ActivityKind, kind) for kind in values.get("activity_order") or []]
    out.append(_line(_("What I would like, most wanted first:"), html.escape(", ".join(order))))
    out.append(_text_fields(values, [("interests_in_my_words", N_("My interests:"))]))
    low, high = values.get("hours_min"), values.get("hours_max")
    if low is not None or high is not None:
        low = low if low is not None else 0
        high = high if high is not None else low
        hours = _("{low} to {high} hours a week").format(low=_number(low), high=_number(high))
        out.append(_line(_("Hours:"), html.escape(hours)))
    out.append(_text_fields(values, [("days_and_times", N_("Days and times:"))]))
    if values.get("longest_journey_minutes"):
        journey = _("{minutes} minutes").format(minutes=values["longest_journey_minutes"])
        out.append(_line(_("Longest journey:"), html.escape(journey)))
    modes = [enum_label(TravelMode, mode) for mode in values.get("travel_modes") or []]
    out.append(_line(_("Getting there:"), html.escape(", ".join(modes))))
    settings = [
        enum_label(kind, values.get(key))
        for key, kind in (
            ("noise", NoiseLevel),
            ("place", Place),
            ("company", Company),
            ("pace", Pace),
        )
        if values.get(key) and values.get(key) != "either"
    ]
    out.append(_line(_("The kind of place:"), html.escape(", ".join(settings))))
    out.append(_text_fields(values, [("things_to_avoid", N_("Things to avoid:"))]))
    gains = [enum_label(Gain, gain) for gain in values.get("gains") or []]
    out.append(_line(_("What it would give me:"), html.escape(", ".join(gains))))
    out.append(_text_fields(values, [("gains_in_my_words", N_("In my words:"))]))
    return "".join(out)


def _background(document: dict[str, Any]) -> str:
    return "".join(
        (
            _list(
                _("Qualifications"),
                document.get("qualifications", []),
                lambda item: _joined(
                    words(item.get("title") or ""),
                    words(item.get("subject") or ""),
                    html.escape(enum_label(QualificationLevel, item.get("level"))),
                    html.escape(enum_label(QualificationStatus, item.get("status"))),
                ),
            ),
            _list(
                _("Training and certificates"),
                document.get("certificates", []),
                lambda item: _joined(
                    words(item.get("title") or ""), words(item.get("provider") or "")
                ),
            ),
            _list(
                _("Work"),
                document.get("work_history", []),
                lambda item: _joined(
                    words(item.get("role") or ""),
                    words(item.get("employer") or ""),
                    html.escape(_period(item)),
                ),
            ),
            _list(
                _("Volunteering"),
                document.get("volunteering", []),
                lambda item: _joined(
                    words(item.get("role") or ""),
                    words(item.get("organisation") or ""),
                    html.escape(_period(item)),
                ),
            ),
            _list(
                _("Skills and strengths"),
                document.get("skills", []),
                lambda item: _joined(
                    words(item.get("description") or ""), words(item.get("example") or "")
                ),
            ),
            _list(
                _("What gets in the way, and what would help"),
                document.get("barriers", []),
                lambda item: _joined(
                    html.escape(enum_label(BarrierKind, item.get("kind"))),
                    words(item.get("description") or ""),
                    words(item.get("what_would_help") or ""),
                ),
            ),
        )
    )


def _options(document: dict[str, Any]) -> str:
    return _list(
        "",  # the step's own heading says it
        document.get("options", []),
        lambda item: _joined(
            f"<b>{words(item.get('title') or '')}</b>",
            html.escape(enum_label(ActivityKind, item.get("kind"))),
            words(item.get("provider") or ""),
            html.escape(enum_label(OptionStatus, item.get("status"))),
        ),
    )


def _money(document: dict[str, Any]) -> str:
    values: Item = document.get("money") or {}
    out = []
    if values.get("universal_credit"):
        out.append(_line(_("Benefits:"), html.escape(_("Universal Credit"))))
    if values.get("earnings_monthly_pence"):
        earnings = format_money(values["earnings_monthly_pence"])
        out.append(_line(_("Earnings a month:"), html.escape(earnings)))
    out.append(
        _text_fields(values, [("other_benefits", N_("Other benefits:")), ("notes", N_("Notes:"))])
    )

    def describe(item: Item) -> str:
        hours = _("{hours} hours a week").format(hours=_number(item.get("hours_per_week") or 0))
        pay = _("{amount} an hour").format(amount=format_money(item.get("hourly_pay_pence") or 0))
        return _joined(words(item.get("label") or ""), html.escape(hours), html.escape(pay))

    out.append(_list(_("What if I worked…"), document.get("scenarios", []), describe))
    return "".join(out)


def _staying_well(document: dict[str, Any]) -> str:
    out = [
        _text_fields(
            document.get("wellbeing"),
            [
                ("keeps_me_well", N_("What keeps me well:")),
                ("early_signs", N_("Early signs:")),
                ("others_might_notice", N_("What others might notice:")),
                ("what_helps", N_("What helps:")),
                ("who_to_contact", N_("Who to contact:")),
                ("crisis_plan_location", N_("Where my crisis plan is:")),
            ],
        )
    ]
    disclosure: Item = document.get("disclosure") or {}
    choice = disclosure.get("choice")
    if choice and choice != DisclosureChoice.NOT_DECIDED.value:
        out.append(
            _line(
                _("Telling an employer or college:"),
                html.escape(enum_label(DisclosureChoice, choice)),
            )
        )
    out.append(
        _text_fields(
            disclosure,
            [
                ("when_to_tell", N_("When to tell:")),
                ("what_to_tell", N_("What to tell:")),
                ("who_to_tell", N_("Who to tell:")),
                ("adjustments_note", N_("About adjustments:")),
            ],
        )
    )
    access = disclosure.get("access_to_work")
    if access and access != AccessToWorkStatus.NOT_YET.value:
        out.append(_line(_("Access to Work:"), html.escape(enum_label(AccessToWorkStatus, access))))
    out.append(
        _list(
            _("Adjustments to ask for"),
            document.get("adjustments", []),
            lambda item: _joined(
                words(item.get("description") or ""),
                html.escape(enum_label(AdjustmentStatus, item.get("status"))),
            ),
        )
    )
    return "".join(out)


def _my_plan(document: dict[str, Any]) -> str:
    def goal(item: Item) -> str:
        by_when = format_date(item.get("by_when"))
        return _joined(
            f"<b>{words(item.get('what') or '')}</b>",
            words(item.get("why_it_matters") or ""),
            html.escape(_("by {date}").format(date=by_when)) if by_when else "",
            html.escape(enum_label(GoalStatus, item.get("status"))),
        )

    def step(item: Item) -> str:
        owner = item.get("owner_name") or enum_label(StepOwner, item.get("owner"))
        by_when = format_date(item.get("by_when"))
        return _joined(
            words(item.get("what") or ""),
            words(owner),
            html.escape(_("by {date}").format(date=by_when)) if by_when else "",
            html.escape(enum_label(StepStatus, item.get("status"))),
        )

    return "".join(
        (
            _list(_("Goals"), document.get("goals", []), goal),
            _list(_("Steps"), document.get("steps", []), step),
            _list(
                _("Referrals"),
                document.get("referrals", []),
                lambda item: _joined(
                    words(item.get("service_name") or ""),
                    html.escape(enum_label(ServiceKind, item.get("service_kind"))),
                    html.escape(enum_label(ReferralStatus, item.get("status"))),
                ),
            ),
            _list(
                _("Reviews"),
                document.get("review_notes", []),
                lambda item: _joined(
                    html.escape(format_date(item.get("reviewed_on"))),
                    words(item.get("text") or ""),
                ),
            ),
            _list(
                _("What has happened"),
                document.get("outcomes", []),
                lambda item: _joined(
                    html.escape(format_date(item.get("happened_on"))),
                    html.escape(enum_label(OutcomeKind, item.get("kind"))),
                    words(item.get("description") or ""),
                ),
            ),
        )
    )


def _agreement(document: dict[str, Any]) -> str:
    def describe(version: Item) -> str:
        return html.escape(
            _("Version {number}, agreed on {date} by {person} and {worker} ({role})").format(
                number=version.get("number", ""),
                date=format_date(version.get("agreed_at")),
                person=version.get("person_name", ""),
                worker=version.get("worker_name", ""),
                role=version.get("worker_role", ""),
            )
        )

    out = [_list(_("Agreed versions"), document.get("versions", []), describe)]
    plan: Item = document.get("plan") or {}
    out.append(_text_fields(plan, [("not_agreed", N_("What we do not agree on:"))]))
    return "".join(out)


def _period(item: Item) -> str:
    started, ended = format_date(item.get("started_on")), format_date(item.get("ended_on"))
    if started and ended:
        return _("{start} to {end}").format(start=started, end=ended)
    if started:
        return _("from {start}").format(start=started)
    return ""


def _number(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


_RENDERERS: dict[PlanSection, tuple[Callable[[dict[str, Any]], str], ...]] = {
    PlanSection.ABOUT_TODAY: (_sessions,),
    PlanSection.PREFERENCES: (_preferences,),
    PlanSection.BACKGROUND: (_background,),
    PlanSection.OPTIONS: (_options,),
    PlanSection.MONEY: (_money,),
    PlanSection.STAYING_WELL: (_staying_well,),
    PlanSection.MY_PLAN: (_my_plan,),
    PlanSection.AGREEMENT: (_agreement,),
}
