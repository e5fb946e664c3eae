"""How well an option fits what the person said matters, and why.

Works on the plain dicts of a plan document (``document["preferences"]`` and
the items of ``document["options"]``), so the UI, the plan documents and the
tests share one answer. Nothing is scored: each thing the person said
matters is *met*, *missed* or *not known yet*, with a plain sentence saying
why, and the summary only counts them ("Meets 3 of the 4 things I said
matter.").

Only what both sides have is compared, and nothing is guessed:

- a preference the person has not given is left out altogether;
- a preference the option has no answer for is "not known yet";
- what an option cannot record (a quiet place, indoors, days and times,
  things to avoid) is listed in ``to_check``, to find out, and not counted.

Pay is looked at when the person said money is one of the things work or
study would give them: an option with pay written down meets it, unpaid
volunteering misses it, and anything else is not known yet.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from vocplan.domain.enums import ActivityKind, Company, Gain, NoiseLevel, Pace, Place, TravelMode
from vocplan.domain.errors import ValidationError
from vocplan.formatting import choice_label, format_date, format_money, format_number
from vocplan.i18n import N_, _, ngettext

MIN_COMPARED = 2
MAX_COMPARED = 4


class Aspect(StrEnum):
    """What is compared, in the order it is shown."""

    KIND = "kind"
    HOURS = "hours"
    JOURNEY = "journey"
    TRAVEL = "travel"
    PAY = "pay"
    START = "start"

    @property
    def label(self) -> str:
        return _(_ASPECT_LABELS[self])


_ASPECT_LABELS: dict[Aspect, str] = {
    Aspect.KIND: N_("What I want to do"),
    Aspect.HOURS: N_("Hours a week"),
    Aspect.JOURNEY: N_("Journey"),
    Aspect.TRAVEL: N_("Getting there"),
    Aspect.PAY: N_("Pay"),
    Aspect.START: N_("When it starts"),
}


class FitStatus(StrEnum):
    MEETS = "meets"
    MISSES = "misses"
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        """Words for the status, so it is never shown by colour alone."""
        return _(_STATUS_LABELS[self])


_STATUS_LABELS: dict[FitStatus, str] = {
    FitStatus.MEETS: N_("Fits"),
    FitStatus.MISSES: N_("Does not fit"),
    FitStatus.UNKNOWN: N_("Not known yet"),
}


@dataclass(frozen=True)
class Reason:
    aspect: Aspect
    status: FitStatus
    text: str
    """One plain sentence saying why, in the person's voice."""
    value: str = ""
    """The option's own answer, shown short (for example "16 hours a week"); empty if none."""


@dataclass(frozen=True)
class Fit:
    reasons: tuple[Reason, ...]
    """One for each thing the person said matters that can be compared, in ``Aspect`` order."""
    to_check: tuple[str, ...] = ()
    """Things the person said matter that an option does not record: to find out."""

    def _with(self, status: FitStatus) -> tuple[Reason, ...]:
        return tuple(reason for reason in self.reasons if reason.status == status)

    @property
    def meets(self) -> tuple[Reason, ...]:
        return self._with(FitStatus.MEETS)

    @property
    def misses(self) -> tuple[Reason, ...]:
        return self._with(FitStatus.MISSES)

    @property
    def unknown(self) -> tuple[Reason, ...]:
        return self._with(FitStatus.UNKNOWN)

    def reason(self, aspect: Aspect) -> Reason | None:
        return next((reason for reason in self.reasons if reason.aspect == aspect), None)

    @property
    def summary(self) -> str:
        """A count, never a score: for example "Meets 3 of the 4 things I said matter."."""
        total = len(self.reasons)
        if total == 0:
            return _("I have not said yet what matters to me, so there is nothing to compare.")
        text = ngettext(
            "Meets {meets} of the {total} thing I said matters.",
            "Meets {meets} of the {total} things I said matter.",
            total,
        ).format(meets=len(self.meets), total=total)
        unknown = len(self.unknown)
        if unknown:
            text += " " + ngettext(
                "{count} is not known yet.", "{count} are not known yet.", unknown
            ).format(count=unknown)
        return text


@dataclass(frozen=True)
class ComparisonCell:
    status: FitStatus
    text: str
    value: str = ""


@dataclass(frozen=True)
class ComparisonRow:
    aspect: Aspect
    label: str
    cells: tuple[ComparisonCell, ...]
    """One for each option, in the order of ``ComparisonTable.columns``."""


@dataclass(frozen=True)
class ComparisonColumn:
    uid: str
    title: str
    kind_label: str
    summary: str


@dataclass(frozen=True)
class ComparisonTable:
    columns: tuple[ComparisonColumn, ...]
    rows: tuple[ComparisonRow, ...]
    to_check: tuple[str, ...]
    """Things to find out about every option; the same for each, so shown once."""
    fits: tuple[Fit, ...]


def option_fit(
    preferences: dict[str, Any], option: dict[str, Any], *, start_by: date | str | None = None
) -> Fit:
    """Which of the person's preferences ``option`` meets, misses, or cannot tell yet.

    ``start_by`` is a date the person wants to have started by (for example
    the "by when" of a goal); when given, the option's start date is compared
    with it.
    """
    reasons = [
        reason
        for reason in (
            _kind(preferences, option),
            _hours(preferences, option),
            _journey(preferences, option),
            _travel(preferences, option),
            _pay(preferences, option),
            _start(option, start_by),
        )
        if reason is not None
    ]
    return Fit(tuple(reasons), _to_check(preferences))


def compare_options(
    preferences: dict[str, Any],
    options: Sequence[dict[str, Any]],
    *,
    start_by: date | str | None = None,
) -> ComparisonTable:
    """Two to four options side by side: a row for each thing compared, a column each."""
    if not MIN_COMPARED <= len(options) <= MAX_COMPARED:
        raise ValidationError({"options": _("Choose two, three or four options to compare.")})
    fits = tuple(option_fit(preferences, option, start_by=start_by) for option in options)
    columns = tuple(
        ComparisonColumn(
            uid=str(option.get("uid") or ""),
            title=str(option.get("title") or ""),
            kind_label=choice_label(ActivityKind, option["kind"]) if option.get("kind") else "",
            summary=fit.summary,
        )
        for option, fit in zip(options, fits, strict=True)
    )
    rows = []
    for aspect in Aspect:
        found = [fit.reason(aspect) for fit in fits]
        if all(reason is None for reason in found):
            continue
        cells = tuple(
            ComparisonCell(reason.status, reason.text, reason.value)
            if reason is not None
            else ComparisonCell(FitStatus.UNKNOWN, _("Not known yet."))
            for reason in found
        )
        rows.append(ComparisonRow(aspect, aspect.label, cells))
    return ComparisonTable(columns, tuple(rows), _to_check(preferences), fits)


# --- each aspect ---------------------------------------------------------------


def _kind(preferences: dict[str, Any], option: dict[str, Any]) -> Reason | None:
    wanted = [str(kind) for kind in preferences.get("activity_order") or []]
    if not wanted:
        return None
    kind = option.get("kind")
    if not kind:
        return Reason(
            Aspect.KIND, FitStatus.UNKNOWN, _("We have not said what kind of option this is.")
        )
    label = choice_label(ActivityKind, kind)
    if str(kind) not in wanted:
        text = _("{kind} is not one of the things I said I want to do.").format(kind=label)
        return Reason(Aspect.KIND, FitStatus.MISSES, text, label)
    rank = wanted.index(str(kind)) + 1
    if rank == 1:
        text = _("{kind} is what I want to do most.").format(kind=label)
    else:
        text = ngettext(
            "{kind} is number {rank} of the {count} thing I want to do.",
            "{kind} is number {rank} of the {count} things I want to do.",
            len(wanted),
        ).format(kind=label, rank=rank, count=len(wanted))
    return Reason(Aspect.KIND, FitStatus.MEETS, text, label)


def _hours(preferences: dict[str, Any], option: dict[str, Any]) -> Reason | None:
    low, high = _number(preferences.get("hours_min")), _number(preferences.get("hours_max"))
    if low is None and high is None:
        return None
    hours = _number(option.get("hours_per_week"))
    if hours is None:
        return Reason(Aspect.HOURS, FitStatus.UNKNOWN, _("We do not know the hours yet."))
    n = _plural_count(hours)
    shown = ngettext("{hours} hour a week", "{hours} hours a week", n).format(
        hours=format_number(hours)
    )
    values = {
        "hours": format_number(hours),
        "min": format_number(low) if low is not None else "",
        "max": format_number(high) if high is not None else "",
    }
    if low is not None and hours < low:
        status = FitStatus.MISSES
        if high is None:
            text = ngettext(
                "{hours} hour a week is fewer than the {min} hours I want at least.",
                "{hours} hours a week is fewer than the {min} hours I want at least.",
                n,
            )
        else:
            text = ngettext(
                "{hours} hour a week is fewer than the {min}–{max} hours I want.",
                "{hours} hours a week is fewer than the {min}–{max} hours I want.",
                n,
            )
    elif high is not None and hours > high:
        status = FitStatus.MISSES
        if low is None:
            text = ngettext(
                "{hours} hour a week is more than the {max} hours I want at most.",
                "{hours} hours a week is more than the {max} hours I want at most.",
                n,
            )
        else:
            text = ngettext(
                "{hours} hour a week is more than the {min}–{max} hours I want.",
                "{hours} hours a week is more than the {min}–{max} hours I want.",
                n,
            )
    else:
        status = FitStatus.MEETS
        if low is None:
            text = ngettext(
                "{hours} hour a week is within the {max} hours I want at most.",
                "{hours} hours a week is within the {max} hours I want at most.",
                n,
            )
        elif high is None:
            text = ngettext(
                "{hours} hour a week is at least the {min} hours I want.",
                "{hours} hours a week is at least the {min} hours I want.",
                n,
            )
        elif low == high:
            text = ngettext(
                "{hours} hour a week is just the hours I want.",
                "{hours} hours a week is just the hours I want.",
                n,
            )
        else:
            text = ngettext(
                "{hours} hour a week is within the {min}–{max} hours I want.",
                "{hours} hours a week is within the {min}–{max} hours I want.",
                n,
            )
    text = text.format(**values)
    return Reason(Aspect.HOURS, status, text, shown)


def _journey(preferences: dict[str, Any], option: dict[str, Any]) -> Reason | None:
    longest = _number(preferences.get("longest_journey_minutes"))
    if longest is None:
        return None
    minutes = _number(option.get("journey_minutes"))
    if minutes is None:
        return Reason(
            Aspect.JOURNEY, FitStatus.UNKNOWN, _("We do not know how long the journey is yet.")
        )
    n = _plural_count(minutes)
    values = {"minutes": format_number(minutes), "longest": format_number(longest)}
    shown = ngettext("{minutes} minute", "{minutes} minutes", n).format(**values)
    if minutes <= longest:
        text = ngettext(
            "A journey of {minutes} minute is within the longest journey I want ({longest} min).",
            "A journey of {minutes} minutes is within the longest journey I want ({longest} min).",
            n,
        ).format(**values)
        return Reason(Aspect.JOURNEY, FitStatus.MEETS, text, shown)
    text = ngettext(
        "A journey of {minutes} minute is longer than the longest journey I want ({longest} min).",
        "A journey of {minutes} minutes is longer than the longest journey I want ({longest} min).",
        n,
    ).format(**values)
    return Reason(Aspect.JOURNEY, FitStatus.MISSES, text, shown)


def _travel(preferences: dict[str, Any], option: dict[str, Any]) -> Reason | None:
    modes = [str(mode) for mode in preferences.get("travel_modes") or []]
    if not modes:
        return None
    mode = option.get("travel_mode")
    if not mode:
        return Reason(
            Aspect.TRAVEL, FitStatus.UNKNOWN, _("We have not said how I would get there yet.")
        )
    label = choice_label(TravelMode, mode)
    if str(mode) in modes:
        text = _("{mode} is one of the ways I get about.").format(mode=label)
        return Reason(Aspect.TRAVEL, FitStatus.MEETS, text, label)
    text = _("{mode} is not one of the ways I said I get about.").format(mode=label)
    return Reason(Aspect.TRAVEL, FitStatus.MISSES, text, label)


def _pay(preferences: dict[str, Any], option: dict[str, Any]) -> Reason | None:
    if Gain.MONEY.value not in [str(gain) for gain in preferences.get("gains") or []]:
        return None
    pence = option.get("pay_hourly_pence")
    if pence is not None:
        shown = _("{pay} an hour").format(pay=format_money(int(pence)))
        text = _("It pays {pay} an hour, and money is one of the things I want.").format(
            pay=format_money(int(pence))
        )
        return Reason(Aspect.PAY, FitStatus.MEETS, text, shown)
    if str(option.get("kind") or "") == ActivityKind.VOLUNTEERING.value:
        return Reason(
            Aspect.PAY,
            FitStatus.MISSES,
            _("Volunteering is not paid, and money is one of the things I want."),
        )
    return Reason(
        Aspect.PAY,
        FitStatus.UNKNOWN,
        _("No pay is written down for this yet, and money is one of the things I want."),
    )


def _start(option: dict[str, Any], start_by: date | str | None) -> Reason | None:
    wanted = _date(start_by)
    if wanted is None:
        return None
    starts = _date(option.get("start_on"))
    if starts is None:
        return Reason(Aspect.START, FitStatus.UNKNOWN, _("We do not know when it starts yet."))
    values = {"date": format_date(starts), "by": format_date(wanted)}
    if starts <= wanted:
        text = _("It starts on {date}, in time for when I want to start ({by}).").format(**values)
        return Reason(Aspect.START, FitStatus.MEETS, text, format_date(starts))
    text = _("It starts on {date}, later than when I want to start ({by}).").format(**values)
    return Reason(Aspect.START, FitStatus.MISSES, text, format_date(starts))


_SETTING_CHECKS: dict[str, dict[str, str]] = {
    "noise": {
        NoiseLevel.QUIET: N_("I want a quiet place: check how quiet it is."),
        NoiseLevel.BUSY: N_("I want a busy place: check how busy it is."),
    },
    "place": {
        Place.INDOORS: N_("I want to be indoors: check where I would be."),
        Place.OUTDOORS: N_("I want to be outdoors: check where I would be."),
    },
    "company": {
        Company.WITH_PEOPLE: N_("I want to be with people: check who I would be with."),
        Company.ALONE: N_("I want to be on my own: check who I would be with."),
    },
    "pace": {
        Pace.ACTIVE: N_("I want to be on my feet: check how active it is."),
        Pace.SEATED: N_("I want to sit down: check how much standing there is."),
    },
}


def _to_check(preferences: dict[str, Any]) -> tuple[str, ...]:
    found = []
    for field, messages in _SETTING_CHECKS.items():
        message = messages.get(str(preferences.get(field) or ""))
        if message:
            found.append(_(message))
    if str(preferences.get("days_and_times") or "").strip():
        found.append(_("Check the days and times suit me."))
    if str(preferences.get("things_to_avoid") or "").strip():
        found.append(_("Check it has none of the things I want to avoid."))
    return tuple(found)


# --- helpers ---------------------------------------------------------------------


def _number(value: Any) -> float | None:
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _plural_count(value: float) -> int:
    """The number that picks a plural form: a fraction such as 7.5 takes the form of 2."""
    return int(value) if float(value).is_integer() else 2


def _date(value: date | str | None) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
