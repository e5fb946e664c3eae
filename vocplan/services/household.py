"""Who lives with the person, as the Money step keeps it: a partner and children.

``money.partner`` is ``None`` for someone who lives without a partner, else a
dict; ``money.children`` is a list of dicts. Their keys are exactly those that
``vocplan.benefits.from_plan`` reads:

- **partner**: ``age`` (16 to 120, or ``None`` until it is known),
  ``married`` (married or civil partners), ``earnings_monthly_pence`` (pay
  before tax, whole pence, 0 or more), ``lcw``, ``lcwra``, ``lcwra_rate``
  (``None``, "protected" or "new_claimant": asked, never assumed),
  ``self_employed``, ``full_time_student``, and, only when a plan file gives
  it, ``date_of_birth`` (an ISO date, which ``from_plan`` prefers to the age).
- **each child**: ``age`` (0 to 19, or ``None`` until it is known),
  ``disability`` ("none", "lower" or "higher": the disabled child addition)
  and ``born_before_6_april_2017`` (true, false or ``None``). Only the eldest
  child's birth date can change the figures, and only when their age leaves
  it open (see ``birth_question_for``).

``checked_partner`` and ``checked_children`` return the values to store, tidied
(a whole number typed as text becomes a number, a yes-or-no left out is no),
or raise ``ValidationError`` with a plain message for each bad answer, keyed
as the benefits engine names them ("partner.age", "children[1].disability").
Each message names the answer ("Partner's age: type a whole number from 16 to
120."), so it reads on its own in the status line too. ``validated`` (in
``vocplan.services.validation``) calls ``checked_household`` whenever the money
part is saved, so the guided session and plan files are checked alike.

The field descriptions here (``PARTNER_FIELDS``, ``CHILD_FIELDS``) are what
the Money step's "Who lives with me" panel shows; they are not part of the
generic forms (``NOT_IN_FORMS`` leaves ``partner`` and ``children`` out).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from vocplan.benefits.elements import born_before_cutoff, eldest_child
from vocplan.benefits.from_plan import rules_year_for
from vocplan.benefits.model import Child
from vocplan.benefits.packs import load_pack
from vocplan.domain.enums import ChildBorn, ChildDisability, LcwraRate
from vocplan.domain.errors import ValidationError
from vocplan.formatting import format_number
from vocplan.i18n import N_, _
from vocplan.plan_fields import FieldKind, FieldSpec

PARTNER_KEY = "partner"
CHILDREN_KEY = "children"
BORN_BEFORE_KEY = "born_before_6_april_2017"
MOST_CHILDREN = 20
"""More children than this is a mistake (Universal Credit refers over two anyway)."""

HAS_PARTNER = FieldSpec(
    "has_partner",
    N_("I live with a partner"),
    FieldKind.BOOL,
    help_source=N_(
        "A couple who live together claim Universal Credit together, so a partner's age, "
        "pay and health change the figures. Tick this for a husband, wife, civil partner, "
        "or someone you live with as a couple."
    ),
)

PARTNER_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(
        "age",
        N_("My partner's age"),
        FieldKind.INTEGER,
        minimum=16,
        maximum=120,
        unit_source=N_("years"),
        help_source=N_(
            "Their age now, in whole years. Universal Credit for a couple depends on both ages."
        ),
    ),
    FieldSpec(
        "married",
        N_("We are married or civil partners"),
        FieldKind.BOOL,
        help_source=N_(
            "Only married couples and civil partners can share the marriage allowance, "
            "which can lower the tax the couple pays."
        ),
    ),
    FieldSpec(
        "earnings_monthly_pence",
        N_("My partner's pay from work"),
        FieldKind.MONEY,
        minimum=0,
        unit_source=N_("a month"),
        help_source=N_(
            "Their pay before tax and National Insurance, in a usual month. Leave it empty "
            "if they do not work."
        ),
    ),
    FieldSpec(
        "lcw",
        N_("My partner has limited capability for work (LCW)"),
        FieldKind.BOOL,
        help_source=N_(
            "Decided by a Work Capability Assessment. If either of you has LCW or LCWRA, "
            "the couple gets a work allowance: pay up to it does not reduce Universal Credit."
        ),
    ),
    FieldSpec(
        "lcwra",
        N_("My partner has limited capability for work-related activity (LCWRA)"),
        FieldKind.BOOL,
        help_source=N_(
            "The LCWRA element is the health element of Universal Credit. A couple gets one "
            "LCWRA element, even if both of you have LCWRA."
        ),
    ),
    FieldSpec(
        "lcwra_rate",
        N_("Which LCWRA rate my partner gets"),
        FieldKind.CHOICE,
        choices=LcwraRate,
        help_source=N_(
            "People who had LCWRA before 6 April 2026 keep the higher protected rate, as do "
            "people who are terminally ill or meet the severe conditions criteria. Other new "
            "awards get the lower new-claimant rate. Check the award letter or journal: "
            "never assume the rate."
        ),
    ),
    FieldSpec(
        "self_employed",
        N_("My partner works for themselves"),
        FieldKind.BOOL,
        help_source=N_(
            "VocPlan cannot work out Universal Credit with self-employment yet. It will say "
            "so, and suggest a welfare rights adviser."
        ),
    ),
    FieldSpec(
        "full_time_student",
        N_("My partner is a full-time student"),
        FieldKind.BOOL,
        help_source=N_(
            "The rules for full-time students are not covered yet. VocPlan will say so, and "
            "suggest a welfare rights adviser."
        ),
    ),
)
"""The partner's answers the Money step asks, in the order it asks them."""

CHILD_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(
        "age",
        N_("Age"),
        FieldKind.INTEGER,
        minimum=0,
        maximum=19,
        unit_source=N_("years"),
        help_source=N_(
            "Their age now, in whole years. Young people aged 16 to 19 count only while in "
            "certain education or training: VocPlan will say to ask a welfare rights adviser."
        ),
    ),
    FieldSpec(
        "disability",
        N_("Disabled child addition"),
        FieldKind.CHOICE,
        choices=ChildDisability,
        help_source=N_(
            "Universal Credit adds money for a disabled child. The lower rate is for a child "
            "who gets Disability Living Allowance or PIP. The higher rate is for a child who "
            "gets the highest rate of the DLA care part or the enhanced PIP daily living "
            "part, or who is certified as blind or severely sight impaired."
        ),
    ),
    FieldSpec(
        BORN_BEFORE_KEY,
        N_("When was this child born?"),
        FieldKind.CHOICE,
        choices=ChildBorn,
        note_source=N_("It changes the Universal Credit amount for the eldest child."),
        help_source=N_(
            "The Universal Credit amount for the eldest child is higher if they were born "
            "before 6 April 2017. At this child's age it could be either, so we need to ask."
        ),
    ),
)
"""Each child's answers. The birth date question is asked only when it matters."""

_PARTNER_BOOLS = ("married", "lcw", "lcwra", "self_employed", "full_time_student")
_PARTNER_KEYS = frozenset(
    {"age", "earnings_monthly_pence", "lcwra_rate", "date_of_birth", *_PARTNER_BOOLS}
)
_CHILD_KEYS = frozenset({"age", "disability", BORN_BEFORE_KEY})
_NOT_A_NUMBER = object()


def partner_field(name: str) -> FieldSpec:
    return next(spec for spec in PARTNER_FIELDS if spec.name == name)


def child_field(name: str) -> FieldSpec:
    return next(spec for spec in CHILD_FIELDS if spec.name == name)


def new_partner() -> dict[str, Any]:
    """A partner with nothing known yet but that there is one."""
    return {
        "age": None,
        "married": False,
        "earnings_monthly_pence": 0,
        "lcw": False,
        "lcwra": False,
        "lcwra_rate": None,
        "self_employed": False,
        "full_time_student": False,
    }


def new_child() -> dict[str, Any]:
    """A child with nothing known yet: the age is asked next."""
    return {"age": None, "disability": ChildDisability.NONE.value, BORN_BEFORE_KEY: None}


# --- checking ---------------------------------------------------------------------------


def checked_household(values: Mapping[str, Any]) -> dict[str, Any]:
    """``values`` of the money part with ``partner`` and ``children`` checked and tidied.

    Raises ValidationError naming every bad answer in either.
    """
    result = dict(values)
    errors: dict[str, str] = {}
    for key, check in ((PARTNER_KEY, checked_partner), (CHILDREN_KEY, checked_children)):
        if key not in values:
            continue
        try:
            result[key] = check(values[key])
        except ValidationError as problem:
            errors.update(problem.field_errors)
    if errors:
        raise ValidationError(errors)
    return result


def checked_partner(value: Any) -> dict[str, Any] | None:
    """The partner to store (None: no partner); raises ValidationError for bad answers."""
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise ValidationError(
            {
                PARTNER_KEY: _(
                    "Partner: give the partner's details, or nothing for someone who lives "
                    "without a partner."
                )
            }
        )
    errors: dict[str, str] = {}
    unknown = sorted(str(name) for name in set(value) - _PARTNER_KEYS)
    if unknown:
        errors[PARTNER_KEY] = _("Partner: VocPlan does not know these answers: {names}.").format(
            names=", ".join(unknown)
        )
    partner: dict[str, Any] = {}

    age_spec = partner_field("age")
    age = _whole_number(value.get("age"))
    if age is _NOT_A_NUMBER or (age is not None and not _in_range(age, age_spec)):
        errors["partner.age"] = _(
            "Partner's age: type a whole number from {low} to {high}."
        ).format(low=format_number(age_spec.minimum), high=format_number(age_spec.maximum))
    partner["age"] = age if isinstance(age, int) else None

    for name in _PARTNER_BOOLS:
        answer = value.get(name, False)
        if answer is None:
            answer = False
        if not isinstance(answer, bool):
            errors[f"partner.{name}"] = _("{question}: choose yes or no.").format(
                question=partner_field(name).label
            )
        partner[name] = answer is True

    earnings = _whole_number(value.get("earnings_monthly_pence"))
    if earnings is _NOT_A_NUMBER or (isinstance(earnings, int) and earnings < 0):
        errors["partner.earnings_monthly_pence"] = _(
            "Partner's pay from work: type an amount in pounds, 0 or more, for example 850."
        )
    partner["earnings_monthly_pence"] = earnings if isinstance(earnings, int) else 0

    rate = value.get("lcwra_rate") or None
    if rate is not None and rate not in {member.value for member in LcwraRate}:
        errors["partner.lcwra_rate"] = _(
            "Partner's LCWRA rate: choose the protected rate, the new claimant rate, or not chosen."
        )
    partner["lcwra_rate"] = str(rate) if rate is not None else None

    born = value.get("date_of_birth")
    if born not in (None, ""):
        try:
            partner["date_of_birth"] = date.fromisoformat(str(born)[:10]).isoformat()
        except ValueError:
            errors["partner.date_of_birth"] = _(
                "Partner's date of birth: give a date such as 1990-01-31."
            )
    if errors:
        raise ValidationError(errors)
    return partner


def checked_children(value: Any) -> list[dict[str, Any]]:
    """The children to store (an empty list: none); raises ValidationError for bad answers."""
    if value is None:
        return []
    if not isinstance(value, list | tuple):
        raise ValidationError({CHILDREN_KEY: _("Children: give a list of children.")})
    if len(value) > MOST_CHILDREN:
        raise ValidationError(
            {CHILDREN_KEY: _("Children: add up to {count} children.").format(count=MOST_CHILDREN)}
        )
    errors: dict[str, str] = {}
    children = []
    for index, item in enumerate(value):
        number = index + 1
        where = f"children[{index}]"
        if not isinstance(item, Mapping):
            errors[where] = _("Child {number}: give the child's details.").format(number=number)
            continue
        unknown = sorted(str(name) for name in set(item) - _CHILD_KEYS)
        if unknown:
            errors[where] = _(
                "Child {number}: VocPlan does not know these answers: {names}."
            ).format(number=number, names=", ".join(unknown))
        age_spec = child_field("age")
        age = _whole_number(item.get("age"))
        if age is _NOT_A_NUMBER or (age is not None and not _in_range(age, age_spec)):
            errors[f"{where}.age"] = _(
                "Child {number}'s age: type a whole number from {low} to {high}."
            ).format(
                number=number,
                low=format_number(age_spec.minimum),
                high=format_number(age_spec.maximum),
            )
        disability = item.get("disability") or ChildDisability.NONE.value
        if disability not in {member.value for member in ChildDisability}:
            errors[f"{where}.disability"] = _(
                "Child {number}'s disabled child addition: choose none, the lower rate or the "
                "higher rate."
            ).format(number=number)
        born_before = item.get(BORN_BEFORE_KEY)
        if born_before is not None and not isinstance(born_before, bool):
            errors[f"{where}.{BORN_BEFORE_KEY}"] = _(
                "Child {number}: say whether they were born before 6 April 2017, or leave it "
                "not chosen."
            ).format(number=number)
        children.append(
            {
                "age": age if isinstance(age, int) else None,
                "disability": str(disability),
                BORN_BEFORE_KEY: born_before if isinstance(born_before, bool) else None,
            }
        )
    if errors:
        raise ValidationError(errors)
    return children


def _whole_number(value: Any) -> Any:
    """An int, None for no answer, or ``_NOT_A_NUMBER``. "42" and 42.0 read as 42."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        return _NOT_A_NUMBER
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else _NOT_A_NUMBER
    if isinstance(value, str):
        text = value.strip()
        return int(text) if text.isascii() and text.isdigit() else _NOT_A_NUMBER
    return _NOT_A_NUMBER


def _in_range(number: int, spec: FieldSpec) -> bool:
    low = spec.minimum if spec.minimum is not None else number
    high = spec.maximum if spec.maximum is not None else number
    return low <= number <= high


# --- what to ask ---------------------------------------------------------------------


def birth_question_for(children: Sequence[Any], on: date) -> int | None:
    """The index of the child to ask "born before 6 April 2017?", or None to ask nobody.

    Only the eldest child's first-child element depends on it, and only when
    their age in the rules year used ``on`` that day leaves it open (a
    9-year-old in 2026-27 may be born on either side of the date).
    """
    aged = [
        (index, child["age"])
        for index, child in enumerate(children)
        if isinstance(child, Mapping)
        and isinstance(child.get("age"), int)
        and not isinstance(child.get("age"), bool)
    ]
    if not aged:
        return None
    eldest = aged[eldest_child([Child(age=age) for _index, age in aged])]
    pack = load_pack(rules_year_for(on))
    return eldest[0] if born_before_cutoff(Child(age=eldest[1]), pack) is None else None


def born_choice(value: Any) -> str | None:
    """``born_before_6_april_2017`` (True, False, None) as the choice the form shows."""
    if value is None:
        return None
    return (ChildBorn.BEFORE_6_APRIL_2017 if value else ChildBorn.FROM_6_APRIL_2017).value


def born_answer(choice: Any) -> bool | None:
    """The choice the form shows, back as ``born_before_6_april_2017``."""
    if choice in (None, ""):
        return None
    return bool(choice == ChildBorn.BEFORE_6_APRIL_2017.value)


__all__ = [
    "BORN_BEFORE_KEY",
    "CHILDREN_KEY",
    "CHILD_FIELDS",
    "HAS_PARTNER",
    "PARTNER_FIELDS",
    "PARTNER_KEY",
    "birth_question_for",
    "born_answer",
    "born_choice",
    "checked_children",
    "checked_household",
    "checked_partner",
    "child_field",
    "new_child",
    "new_partner",
    "partner_field",
]
