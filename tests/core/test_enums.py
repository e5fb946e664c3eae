"""Every choice has its own label. Regression: labels were once keyed by member, and
members of different enums sharing a value ("either", "person", "none") are equal as
strings, so one enum's label showed for another's choice."""

from __future__ import annotations

import pytest

from vocplan.domain import enums
from vocplan.domain.enums import LabelledEnum, NoiseLevel, Pace, Place, StepOwner, Voice

ALL_ENUMS = [
    value
    for value in vars(enums).values()
    if isinstance(value, type) and issubclass(value, LabelledEnum) and value is not LabelledEnum
]


@pytest.mark.parametrize("kind", ALL_ENUMS, ids=lambda kind: kind.__name__)
def test_every_member_has_its_own_label(kind: type[LabelledEnum]) -> None:
    labels = [member.label for member in kind]
    assert all(labels)
    assert len(set(labels)) == len(labels), f"two {kind.__name__} choices read the same"


def test_shared_values_keep_their_own_enums_label() -> None:
    assert NoiseLevel.EITHER.label == "Quiet or busy"
    assert Place.EITHER.label == "Indoors or outdoors"
    assert Pace.EITHER.label == "On my feet or sitting down"
    assert StepOwner.PERSON.label == "Me"
    assert Voice.PERSON.label == "In my words"


def test_every_label_pair_is_registered_once() -> None:
    keys = [(type(member), member.value) for member, _text in enums._LABEL_PAIRS]
    assert len(keys) == len(set(keys))
    assert len(keys) == sum(len(kind) for kind in ALL_ENUMS)
