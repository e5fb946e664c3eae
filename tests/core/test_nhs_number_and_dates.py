from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vocplan.domain import nhs_number
from vocplan.domain.dates import date_of_birth_problem, parse_date


@pytest.mark.parametrize("text", ["943 476 5919", "9434765919", "943-476-5919", "401 023 2137"])
def test_valid_nhs_numbers(text: str) -> None:
    assert nhs_number.is_valid(text)


@pytest.mark.parametrize("text", ["943 476 5918", "943476591", "94347659190", "943476591X", ""])
def test_invalid_nhs_numbers(text: str) -> None:
    assert not nhs_number.is_valid(text)


def test_a_number_whose_check_digit_would_be_ten_is_never_valid() -> None:
    # 1000000010: weights give 10*1 + 2*1 = 12 -> 11 - 1 = 10, so no check digit exists.
    assert nhs_number.check_digit("100000001") is None
    assert not any(nhs_number.is_valid(f"100000001{digit}") for digit in range(10))


@given(st.text(alphabet="0123456789", min_size=9, max_size=9), st.integers(0, 8), st.integers(1, 9))
def test_changing_any_one_digit_is_caught(first_nine: str, position: int, shift: int) -> None:
    check = nhs_number.check_digit(first_nine)
    if check is None:
        return
    number = first_nine + str(check)
    assert nhs_number.is_valid(number)
    changed = list(number)
    changed[position] = str((int(changed[position]) + shift) % 10)
    assert not nhs_number.is_valid("".join(changed))


def test_formatted_is_three_three_four() -> None:
    assert nhs_number.formatted("9434765919") == "943 476 5919"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("31/01/1990", date(1990, 1, 31)),
        ("1/2/1990", date(1990, 2, 1)),
        ("31.01.1990", date(1990, 1, 31)),
        ("31-01-1990", date(1990, 1, 31)),
        ("1990-01-31", date(1990, 1, 31)),
    ],
)
def test_parse_date_reads_uk_and_iso_dates(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["30/02/2000", "01/13/2000", "tomorrow", "2000", "1/1/90"])
def test_parse_date_rejects_with_a_plain_message(text: str) -> None:
    with pytest.raises(ValueError, match=r"\w+"):
        parse_date(text)


def test_date_of_birth_sanity() -> None:
    today = date(2026, 11, 23)
    assert date_of_birth_problem(date(1990, 1, 1), today) is None
    assert date_of_birth_problem(date(2027, 1, 1), today) is not None
    assert date_of_birth_problem(date(1900, 1, 1), today) is not None
    assert date_of_birth_problem(date(2020, 1, 1), today) is not None
