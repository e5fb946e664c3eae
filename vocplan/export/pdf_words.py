"""The sentences and values both plan documents share, so they always say the same.

Plain text only (no layout): ``pdf_record`` and ``pdf_easy_read`` decide how
each is shown.
"""

from __future__ import annotations

from typing import Any

from vocplan.domain.enums import StepOwner
from vocplan.export.pdf_facts import (
    MoneyResult,
    MoneyState,
    PlanFacts,
    check_again_year,
    money_result,
)
from vocplan.formatting import choice_label, format_date, format_money
from vocplan.i18n import _, ngettext
from vocplan.plan_fields import PART_SPECS
from vocplan.services.outline import format_value


def header_facts(facts: PlanFacts) -> list[tuple[str, str]]:
    """The header block's (label, value) pairs, in reading order."""
    person = facts.person
    not_recorded = _("Not recorded")
    pairs = [
        (_("Name"), person.full_name),
        (_("Date of birth"), format_date(person.date_of_birth) or not_recorded),
    ]
    if facts.nhs_number_text:
        pairs.append((_("NHS number"), facts.nhs_number_text))
    pairs += [
        (_("Care coordinator"), person.care_coordinator or not_recorded),
        (_("Team"), person.team or not_recorded),
        (_("Version"), facts.version_label),
        (_("Date agreed"), facts.agreed_text),
        (_("Next review"), format_date(person.next_review_date) or _("Not set")),
    ]
    return pairs


def step_cells(step: dict[str, Any], document: dict[str, Any]) -> tuple[str, str, str, str]:
    """What, who, by when and how it is going, as the session names and formats them."""
    spec = PART_SPECS["steps"]

    def shown(name: str) -> str:
        return format_value(spec.field(name), step.get(name), document)

    who = shown("owner") or choice_label(StepOwner, StepOwner.PERSON)
    if shown("owner_name"):
        who = _("{name} ({role})").format(name=shown("owner_name"), role=who)
    status = shown("status")
    if shown("done_on"):
        status = _("{status} ({label}: {date})").format(
            status=status, label=spec.field("done_on").label, date=shown("done_on")
        )
    return shown("what"), who, shown("by_when"), status


def comparison_note(facts: PlanFacts) -> str:
    """Why only some options are compared, when they are."""
    return ngettext(
        "There is {count} option. We compare the first four we are going for or thinking "
        "about. Every option is written out in full above.",
        "There are {count} options. We compare the first four we are going for or thinking "
        "about. Every option is written out in full above.",
        facts.options_count,
    ).format(count=facts.options_count)


def estimate_note() -> str:
    return _(
        "These figures are an estimate. VocPlan worked them out from what we wrote down. "
        "They are not advice. They can be wrong. Before deciding about work, ask a welfare "
        "rights adviser to check them. Your care coordinator can put you in touch, or you can "
        "contact Citizens Advice."
    )


def rules_line(rules_year: str | None) -> str:
    """Which year's rules, and when to check again; empty when no year is known."""
    april = check_again_year(rules_year)
    if april is None:
        return ""
    return _(
        "Worked out with the benefit rules for {year}. Benefit rates change every April. "
        "Check again after April {april}."
    ).format(year=rules_year, april=april)


def rules_years(facts: PlanFacts) -> list[str]:
    years: list[str] = []
    for scenario in facts.document.get("scenarios") or []:
        year = money_result(scenario, facts.rules_year).rules_year
        if year and year not in years and check_again_year(year):
            years.append(year)
    if not years and facts.rules_year and check_again_year(facts.rules_year):
        years.append(facts.rules_year)
    return years


def result_sentences(result: MoneyResult) -> list[str]:
    """Plain sentences about a what-if's saved result, for both documents."""
    if result.state == MoneyState.MISSING:
        return [
            _(
                "The money for this has not been worked out yet. Open the Money step in "
                "VocPlan to work it out, or ask a welfare rights adviser."
            )
        ]
    if result.state == MoneyState.REFERRED:
        headline = _("We can't work this out reliably — talk to a welfare rights adviser.")
        reason = result.referral_reason.strip()
        if reason.startswith(headline):
            reason = reason[len(headline) :].strip()
        return [headline] + ([reason] if reason else [])
    return []


def figure_rows(result: MoneyResult) -> list[tuple[str, str, str]]:
    """(label, a week, a month) for a what-if with figures."""
    better = result.better_off_monthly >= 0
    difference_label = _("Better off than now by") if better else _("Worse off than now by")
    return [
        (_("Take-home now"), format_money(result.now_weekly), format_money(result.now_monthly)),
        (
            _("Take-home with this work, after the costs of working"),
            format_money(result.with_work_weekly),
            format_money(result.with_work_monthly),
        ),
        (
            difference_label,
            format_money(abs(result.better_off_weekly)),
            format_money(abs(result.better_off_monthly)),
        ),
    ]


def agreement_intro(facts: PlanFacts) -> list[str]:
    latest = facts.latest_version
    if latest is None:
        return [_("This plan has not been agreed yet.")]
    if facts.is_agreed:
        return [_("Version {number} was agreed by:").format(number=latest.number)]
    return [
        _("This draft has not been agreed yet."),
        _("The last agreed version, version {number}, was agreed by:").format(number=latest.number),
    ]


def agreement_rows(facts: PlanFacts) -> list[tuple[str, str, str]]:
    """(name, role, date agreed) for both people of the latest agreed version."""
    latest = facts.latest_version
    if latest is None:
        return []
    return [
        (
            latest.person_name,
            _("The person this plan is for"),
            format_date(latest.person_agreed_on),
        ),
        (latest.worker_name, latest.worker_role, format_date(latest.worker_agreed_on)),
    ]


def earlier_versions(facts: PlanFacts) -> list[str]:
    return [
        _("Version {number}: agreed on {date}").format(
            number=version.number, date=format_date(version.agreed_on)
        )
        for version in facts.versions[:-1]
    ]


def changes_intro(facts: PlanFacts) -> str:
    against = facts.changes_against
    if against is None:
        if facts.is_agreed:
            return _(
                "This is the first agreed version, so there is no earlier version to compare "
                "it with."
            )
        return _(
            "This plan has not been agreed yet, so there is no earlier version to compare it with."
        )
    if not facts.changes:
        return _("Nothing has changed since version {number}.").format(number=against)
    return _("Since version {number}:").format(number=against)
