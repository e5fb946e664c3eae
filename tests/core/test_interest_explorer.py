"""The interest explorer: its prompts, its checks, and "things to talk about"."""

from __future__ import annotations

import dataclasses

import pytest

from vocplan.catalogue import entry_for
from vocplan.domain.errors import ValidationError
from vocplan.interest_explorer import (
    PROMPTS,
    Answer,
    Theme,
    ThemeResult,
    answer_choices,
    check_answers,
    prompts_for,
    themes_to_talk_about,
)


def test_prompts_have_unique_codes_and_every_theme_has_four_or_five() -> None:
    codes = [prompt.code for prompt in PROMPTS]
    assert len(codes) == len(set(codes))
    assert 24 <= len(PROMPTS) <= 30
    for theme in Theme:
        assert 4 <= len(prompts_for(theme)) <= 5, theme
    for prompt in PROMPTS:
        assert prompt.code.startswith(prompt.theme.value + "_")
        assert prompt.text.startswith("I ") or prompt.text.startswith("People ")
        assert prompt.text.endswith(".") and len(prompt.text) <= 70


def test_answers_are_not_me_a_bit_or_very_me() -> None:
    assert answer_choices() == [(0, "Not me"), (1, "A bit me"), (2, "Very me")]
    assert check_answers({"practical_fixing": 2, "social_team": 0}) == {
        "practical_fixing": 2,
        "social_team": 0,
    }


@pytest.mark.parametrize("bad", [3, -1, 1.5, "2", True, None])
def test_answers_outside_nought_to_two_are_refused(bad: object) -> None:
    with pytest.raises(ValidationError) as raised:
        check_answers({"practical_fixing": 1, "creative_music": bad})  # type: ignore[dict-item]
    assert set(raised.value.field_errors) == {"creative_music"}
    with pytest.raises(ValidationError):
        themes_to_talk_about({"creative_music": bad})  # type: ignore[dict-item]


def test_unknown_prompts_are_refused() -> None:
    with pytest.raises(ValidationError) as raised:
        check_answers({"not_a_prompt": 1})
    assert list(raised.value.field_errors) == ["not_a_prompt"]


def test_themes_to_talk_about_follow_what_the_person_said() -> None:
    answers = {
        "social_helping": 1,
        "social_listening": 1,
        "practical_fixing": 2,
        "practical_tools": 1,
        "organised_lists": 0,
        "organised_tidy": 0,
        "creative_music": 2,
        "creative_words": 0,
    }
    results = themes_to_talk_about(answers)
    # "Very me" first (practical and creative have one each: the usual order breaks the tie),
    # then the "a bit me" ones; a theme with only "not me" answers is left out.
    assert [result.theme for result in results] == [
        Theme.PRACTICAL,
        Theme.CREATIVE,
        Theme.SOCIAL,
    ]
    practical = results[0]
    assert [(each.prompt.code, each.answer) for each in practical.answered] == [
        ("practical_fixing", Answer.VERY_ME),
        ("practical_tools", Answer.A_BIT),
    ]
    creative = results[1]
    assert [each.prompt.code for each in creative.sounds_like_me] == ["creative_music"]
    assert [each.prompt.code for each in creative.answered] == ["creative_music", "creative_words"]
    for result in results:
        assert result.catalogue_codes
        for code in result.catalogue_codes:
            entry = entry_for(code)
            assert entry is not None and result.theme in entry.themes
    assert "repair_and_maintenance" in practical.catalogue_codes


def test_no_answers_means_nothing_to_talk_about_and_no_score_is_given() -> None:
    assert themes_to_talk_about({}) == []
    assert themes_to_talk_about({"social_team": 0}) == []
    names = {field.name for field in dataclasses.fields(ThemeResult)}
    assert not names & {"score", "rank", "percent", "recommended"}
