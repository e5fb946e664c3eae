"""The points that are not money, shown with every result and worded cautiously."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vocplan.benefits.model import Household
from vocplan.benefits.notes import Notes, money
from vocplan.benefits.packs import NeedsAdviser, RulesPack
from vocplan.i18n import _

if TYPE_CHECKING:
    from vocplan.benefits.engine import Situation


def add_points(household: Household, pack: RulesPack | None, scenario: Situation | None,
            notes: Notes) -> None:  # fmt: skip
    claimant = household.claimant
    has_lcw = claimant.lcw or claimant.lcwra
    gets_pip = claimant.pip_daily_living != "none" or claimant.pip_mobility != "none"
    if has_lcw:
        notes.point(
            lambda: _(
                "Working does not by itself end an LCW or LCWRA decision. The DWP can still "
                "review it, for example if your health changes."
            )
        )
    elif gets_pip:
        notes.point(
            lambda: _(
                "If you do not have an LCW or LCWRA decision yet: because you get PIP, "
                "earning more should not stop a Work Capability Assessment."
            )
        )
    else:
        threshold = None
        if pack is not None:
            try:
                threshold = pack.pence("uc.lcw_assessment_earnings_threshold")
            except NeedsAdviser:
                threshold = None
        if threshold is not None:
            notes.point(
                lambda: _(
                    "If you do not have an LCW or LCWRA decision yet: once your earnings "
                    "reach about {amount} a week (16 hours at the National Living Wage), a "
                    "new Work Capability Assessment may not be started unless you get PIP. "
                    "Ask before you start work."
                ).format(amount=money(threshold))
            )
        else:
            notes.point(
                lambda: _(
                    "If you do not have an LCW or LCWRA decision yet: earnings of 16 hours a "
                    "week at the National Living Wage or more may stop a new Work Capability "
                    "Assessment unless you get PIP. Ask before you start work."
                )
            )
    notes.point(
        lambda: _(
            "Tell the DWP before you start work or volunteering, and say what you will do, "
            "for how many hours and what you will be paid or given."
        )
    )
    if household.volunteering is not None:
        notes.point(
            lambda: _(
                "Volunteering with only your real expenses paid does not count as work, and "
                "has no hours limit. Unpaid work that would usually be paid, for a business or "
                "a relative, can be treated as earnings: ask an adviser first."
            )
        )
    if gets_pip:
        notes.point(
            lambda: _(
                "PIP is not means-tested: working does not reduce it. Tell the DWP if your "
                "condition or needs change."
            )
        )
    notes.point(
        lambda: _(
            "Access to Work is a grant, not a benefit: it is not means-tested and does not "
            "affect your other benefits. It can pay for support at work, including mental "
            "health support."
        )
    )
    if scenario is not None and scenario.universal_credit == 0 and scenario.hours > 0:
        notes.point(
            lambda: _(
                "At these earnings Universal Credit would stop. Ask an adviser how to claim "
                "again quickly if your earnings fall."
            )
        )
