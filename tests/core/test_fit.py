"""How well an option fits what the person said matters: reasons, counts, comparison."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from vocplan.domain.errors import ValidationError
from vocplan.services.fit import Aspect, FitStatus, compare_options, option_fit

AISHA = {
    "activity_order": ["paid_work", "volunteering", "education"],
    "hours_min": 8,
    "hours_max": 16,
    "longest_journey_minutes": 40,
    "travel_modes": ["bus", "walk"],
    "gains": ["money", "routine"],
    "noise": "quiet",
    "place": "either",
    "company": "either",
    "pace": "either",
    "days_and_times": "Afternoons only",
    "things_to_avoid": "",
}

LIBRARY = {
    "uid": "a" * 32,
    "kind": "paid_work",
    "title": "Library assistant",
    "hours_per_week": 16,
    "pay_hourly_pence": 1221,
    "journey_minutes": 25,
    "travel_mode": "bus",
    "start_on": "2027-01-04",
}


def statuses(preferences: dict[str, Any], option: dict[str, Any]) -> dict[Aspect, FitStatus]:
    return {reason.aspect: reason.status for reason in option_fit(preferences, option).reasons}


def test_an_option_that_meets_everything_says_why_in_plain_sentences() -> None:
    fit = option_fit(AISHA, LIBRARY)
    assert [reason.aspect for reason in fit.reasons] == [
        Aspect.KIND,
        Aspect.HOURS,
        Aspect.JOURNEY,
        Aspect.TRAVEL,
        Aspect.PAY,
    ]
    assert fit.misses == () and fit.unknown == ()
    texts = {reason.aspect: reason.text for reason in fit.reasons}
    assert texts[Aspect.KIND] == "Paid work is what I want to do most."
    assert texts[Aspect.HOURS] == "16 hours a week is within the 8–16 hours I want."
    assert texts[Aspect.JOURNEY] == (
        "A journey of 25 minutes is within the longest journey I want (40 min)."
    )
    assert texts[Aspect.TRAVEL] == "Bus is one of the ways I get about."
    assert texts[Aspect.PAY] == "It pays £12.21 an hour, and money is one of the things I want."
    assert fit.reason(Aspect.HOURS) is not None
    assert fit.summary == "Meets 5 of the 5 things I said matter."
    # what an option cannot record is listed to find out, never counted or guessed
    assert fit.to_check == (
        "I want a quiet place: check how quiet it is.",
        "Check the days and times suit me.",
    )


def test_misses_say_what_does_not_fit() -> None:
    kitchen = {
        "kind": "supported_work",
        "title": "Kitchen porter",
        "hours_per_week": 30,
        "journey_minutes": 55,
        "travel_mode": "train",
    }
    fit = option_fit(AISHA, kitchen)
    texts = {reason.aspect: reason.text for reason in fit.misses}
    assert texts == {
        Aspect.KIND: "Supported work is not one of the things I said I want to do.",
        Aspect.HOURS: "30 hours a week is more than the 8–16 hours I want.",
        Aspect.JOURNEY: (
            "A journey of 55 minutes is longer than the longest journey I want (40 min)."
        ),
        Aspect.TRAVEL: "Train is not one of the ways I said I get about.",
    }
    assert [reason.aspect for reason in fit.unknown] == [Aspect.PAY]
    assert fit.summary == "Meets 0 of the 5 things I said matter. 1 is not known yet."
    few = option_fit(AISHA, {"kind": "volunteering", "hours_per_week": 4})
    assert few.reason(Aspect.HOURS).text == (  # type: ignore[union-attr]
        "4 hours a week is fewer than the 8–16 hours I want."
    )
    assert few.reason(Aspect.KIND).text == (  # type: ignore[union-attr]
        "Volunteering is number 2 of the 3 things I want to do."
    )
    assert few.reason(Aspect.PAY).status == FitStatus.MISSES  # type: ignore[union-attr]


def test_what_the_option_does_not_say_is_unknown_never_guessed() -> None:
    fit = option_fit(AISHA, {"kind": "education", "title": "Access to HE"})
    assert {reason.aspect: reason.status for reason in fit.reasons} == {
        Aspect.KIND: FitStatus.MEETS,
        Aspect.HOURS: FitStatus.UNKNOWN,
        Aspect.JOURNEY: FitStatus.UNKNOWN,
        Aspect.TRAVEL: FitStatus.UNKNOWN,
        Aspect.PAY: FitStatus.UNKNOWN,
    }
    assert fit.reason(Aspect.HOURS).text == "We do not know the hours yet."  # type: ignore[union-attr]
    assert fit.summary == "Meets 1 of the 5 things I said matter. 4 are not known yet."


def test_what_the_person_has_not_said_is_not_compared() -> None:
    assert option_fit({}, LIBRARY).reasons == ()
    assert option_fit({}, LIBRARY).summary == (
        "I have not said yet what matters to me, so there is nothing to compare."
    )
    only_most = {"hours_max": 16}
    assert statuses(only_most, LIBRARY) == {Aspect.HOURS: FitStatus.MEETS}
    assert option_fit(only_most, {"hours_per_week": 20}).reasons[0].text == (
        "20 hours a week is more than the 16 hours I want at most."
    )
    assert option_fit({"hours_min": 10}, {"hours_per_week": 7.5}).reasons[0].text == (
        "7.5 hours a week is fewer than the 10 hours I want at least."
    )
    # money is not among what the person wants from work: pay is not a thing they said matters
    assert Aspect.PAY not in statuses({"gains": ["routine"]}, LIBRARY)


def test_start_date_is_compared_only_with_a_date_the_person_gave() -> None:
    assert Aspect.START not in statuses(AISHA, LIBRARY)
    fit = option_fit(AISHA, LIBRARY, start_by=date(2027, 2, 1))
    assert fit.reason(Aspect.START).text == (  # type: ignore[union-attr]
        "It starts on 04/01/2027, in time for when I want to start (01/02/2027)."
    )
    late = option_fit(AISHA, LIBRARY, start_by="2026-12-01").reason(Aspect.START)
    assert late is not None and late.status == FitStatus.MISSES


def test_compare_two_to_four_options_side_by_side() -> None:
    options = [
        LIBRARY,
        {"uid": "b" * 32, "kind": "volunteering", "title": "Community garden", "hours_per_week": 4},
        {"uid": "c" * 32, "kind": "education", "title": "Access to HE"},
    ]
    table = compare_options(AISHA, options)
    assert [column.title for column in table.columns] == [
        "Library assistant",
        "Community garden",
        "Access to HE",
    ]
    assert [column.kind_label for column in table.columns] == [
        "Paid work",
        "Volunteering",
        "Education",
    ]
    assert [row.aspect for row in table.rows] == [
        Aspect.KIND,
        Aspect.HOURS,
        Aspect.JOURNEY,
        Aspect.TRAVEL,
        Aspect.PAY,
    ]
    assert all(len(row.cells) == 3 for row in table.rows)
    hours = next(row for row in table.rows if row.aspect == Aspect.HOURS)
    assert hours.label == "Hours a week"
    assert [cell.status for cell in hours.cells] == [
        FitStatus.MEETS,
        FitStatus.MISSES,
        FitStatus.UNKNOWN,
    ]
    assert hours.cells[0].value == "16 hours a week"
    assert [cell.status.label for cell in hours.cells] == ["Fits", "Does not fit", "Not known yet"]
    assert table.columns[0].summary == "Meets 5 of the 5 things I said matter."
    assert table.to_check == option_fit(AISHA, LIBRARY).to_check


@pytest.mark.parametrize("count", [0, 1, 5])
def test_comparing_fewer_than_two_or_more_than_four_is_refused(count: int) -> None:
    with pytest.raises(ValidationError) as raised:
        compare_options(AISHA, [LIBRARY] * count)
    assert "options" in raised.value.field_errors
