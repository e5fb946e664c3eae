"""The optional interest explorer: short "is this me?" prompts, grouped into six themes.

The prompts are VocPlan's own writing. They follow the six classic interest
themes (practical, investigative, creative, social, enterprising, organised)
only as a way of grouping, and copy no published inventory.

The result is a list of *things to talk about*: the themes the person said
something to, with the prompts they answered and the kinds of work or study
in the catalogue that relate to each theme. It is never a score, a test or a
recommendation, and it decides nothing; the person's own preferences lead.
Answers are kept in ``Preferences.interest_explorer`` by prompt code.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, StrEnum

from vocplan.domain.errors import ValidationError
from vocplan.i18n import N_, _


class Theme(StrEnum):
    """The six interest themes. Values are stored in the catalogue: never rename one."""

    PRACTICAL = "practical"
    INVESTIGATIVE = "investigative"
    CREATIVE = "creative"
    SOCIAL = "social"
    ENTERPRISING = "enterprising"
    ORGANISED = "organised"

    @property
    def label(self) -> str:
        """The plain name the person sees."""
        return _(_THEME_LABELS[self])

    @property
    def description(self) -> str:
        return _(_THEME_DESCRIPTIONS[self])

    @property
    def staff_name(self) -> str:
        """The classic name of the theme, for staff (behind a "more" link)."""
        return _(_THEME_STAFF_NAMES[self])


_THEME_LABELS: dict[Theme, str] = {
    Theme.PRACTICAL: N_("Doing and making"),
    Theme.INVESTIGATIVE: N_("Finding out"),
    Theme.CREATIVE: N_("Creating"),
    Theme.SOCIAL: N_("Helping people"),
    Theme.ENTERPRISING: N_("Getting things going"),
    Theme.ORGANISED: N_("Keeping things in order"),
}

_THEME_DESCRIPTIONS: dict[Theme, str] = {
    Theme.PRACTICAL: N_("Working with my hands, tools or machines, often on my feet or outside."),
    Theme.INVESTIGATIVE: N_("Working out how things work, solving problems and learning."),
    Theme.CREATIVE: N_("Making, imagining and showing ideas in art, music, words or design."),
    Theme.SOCIAL: N_("Helping, teaching, looking after and working with other people."),
    Theme.ENTERPRISING: N_("Leading, persuading, selling and starting new things."),
    Theme.ORGANISED: N_("Lists, records, numbers and knowing what comes next."),
}

_THEME_STAFF_NAMES: dict[Theme, str] = {
    Theme.PRACTICAL: N_("Practical (realistic)"),
    Theme.INVESTIGATIVE: N_("Investigative"),
    Theme.CREATIVE: N_("Creative (artistic)"),
    Theme.SOCIAL: N_("Social"),
    Theme.ENTERPRISING: N_("Enterprising"),
    Theme.ORGANISED: N_("Organised (conventional)"),
}


class Answer(IntEnum):
    """How much a prompt sounds like the person. Stored as 0, 1 or 2."""

    NOT_ME = 0
    A_BIT = 1
    VERY_ME = 2

    @property
    def label(self) -> str:
        return _(_ANSWER_LABELS[self])


_ANSWER_LABELS: dict[Answer, str] = {
    Answer.NOT_ME: N_("Not me"),
    Answer.A_BIT: N_("A bit me"),
    Answer.VERY_ME: N_("Very me"),
}


@dataclass(frozen=True)
class Prompt:
    code: str
    """Stable: answers are stored by it. Never change or reuse a code."""
    theme: Theme
    text_source: str

    @property
    def text(self) -> str:
        return _(self.text_source)


PROMPTS: tuple[Prompt, ...] = (
    Prompt("practical_fixing", Theme.PRACTICAL, N_("I like fixing things that are broken.")),
    Prompt("practical_making", Theme.PRACTICAL, N_("I like making things with my hands.")),
    Prompt("practical_outside", Theme.PRACTICAL, N_("I like being outside, even when it rains.")),
    Prompt("practical_tools", Theme.PRACTICAL, N_("I am happy using tools or machines.")),
    Prompt("practical_moving", Theme.PRACTICAL, N_("I like to be up and moving about.")),
    Prompt("investigative_how", Theme.INVESTIGATIVE, N_("I like finding out how things work.")),
    Prompt(
        "investigative_puzzles",
        Theme.INVESTIGATIVE,
        N_("I enjoy puzzles, quizzes or problems to solve."),
    ),
    Prompt(
        "investigative_nature",
        Theme.INVESTIGATIVE,
        N_("I like reading or watching things about science or nature."),
    ),
    Prompt(
        "investigative_questions",
        Theme.INVESTIGATIVE,
        N_("I keep asking questions until I understand something."),
    ),
    Prompt(
        "investigative_computers",
        Theme.INVESTIGATIVE,
        N_("I like working things out on a computer."),
    ),
    Prompt("creative_pictures", Theme.CREATIVE, N_("I like drawing, painting or taking photos.")),
    Prompt("creative_music", Theme.CREATIVE, N_("I like making music or performing.")),
    Prompt("creative_words", Theme.CREATIVE, N_("I like writing stories, poems or songs.")),
    Prompt("creative_ideas", Theme.CREATIVE, N_("I like coming up with new ideas.")),
    Prompt(
        "creative_looks",
        Theme.CREATIVE,
        N_("I care about how things look, like a room or an outfit."),
    ),
    Prompt("social_helping", Theme.SOCIAL, N_("I like helping people with their problems.")),
    Prompt("social_listening", Theme.SOCIAL, N_("People tell me I am a good listener.")),
    Prompt("social_showing", Theme.SOCIAL, N_("I like showing someone how to do something.")),
    Prompt("social_looking_after", Theme.SOCIAL, N_("I like looking after people.")),
    Prompt("social_team", Theme.SOCIAL, N_("I like being part of a team.")),
    Prompt(
        "enterprising_persuading",
        Theme.ENTERPRISING,
        N_("I like persuading people or selling things."),
    ),
    Prompt(
        "enterprising_leading",
        Theme.ENTERPRISING,
        N_("I like taking the lead when a group needs it."),
    ),
    Prompt(
        "enterprising_own_thing",
        Theme.ENTERPRISING,
        N_("I would like to run something of my own one day."),
    ),
    Prompt(
        "enterprising_strangers",
        Theme.ENTERPRISING,
        N_("I am happy talking to people I have never met."),
    ),
    Prompt(
        "enterprising_starting",
        Theme.ENTERPRISING,
        N_("I like making decisions and getting things started."),
    ),
    Prompt("organised_lists", Theme.ORGANISED, N_("I like making lists and ticking things off.")),
    Prompt(
        "organised_tidy", Theme.ORGANISED, N_("I like keeping things tidy and in the right place.")
    ),
    Prompt("organised_numbers", Theme.ORGANISED, N_("I am happy working with numbers or money.")),
    Prompt("organised_routine", Theme.ORGANISED, N_("I like knowing what my day will look like.")),
    Prompt(
        "organised_steps", Theme.ORGANISED, N_("I like following clear steps to get a job done.")
    ),
)
"""Every prompt, grouped by theme in the order they are asked."""

INTRODUCTION = N_(
    "Some short sentences. For each one, say if it sounds like you. There are no right or "
    "wrong answers, and you can skip any of them."
)
RESULT_NOTE = N_(
    "These are things to talk about, not a test. They do not decide anything: what you want "
    "matters most."
)


@dataclass(frozen=True)
class AnsweredPrompt:
    prompt: Prompt
    answer: Answer


@dataclass(frozen=True)
class ThemeResult:
    """One theme to talk about: what the person said, and related kinds of work or study."""

    theme: Theme
    answered: tuple[AnsweredPrompt, ...]
    """Every prompt of the theme the person answered, "very me" first, then in asking order."""
    catalogue_codes: tuple[str, ...]
    """Job families and course areas in the catalogue that relate to this theme."""

    @property
    def sounds_like_me(self) -> tuple[AnsweredPrompt, ...]:
        """The answers of "a bit me" or "very me", which start the conversation."""
        return tuple(each for each in self.answered if each.answer != Answer.NOT_ME)


def prompt_by_code(code: str) -> Prompt:
    for prompt in PROMPTS:
        if prompt.code == code:
            return prompt
    raise KeyError(code)


def prompts_for(theme: Theme) -> tuple[Prompt, ...]:
    return tuple(prompt for prompt in PROMPTS if prompt.theme == theme)


def answer_choices() -> list[tuple[int, str]]:
    """The three answers, as (stored value, label), in the order they are offered."""
    return [(answer.value, answer.label) for answer in Answer]


def check_answers(answers: dict[str, int]) -> dict[str, int]:
    """The answers to store; raises ValidationError naming each unknown prompt or bad answer.

    An answer is 0 (not me), 1 (a bit me) or 2 (very me); a prompt that was
    skipped is simply left out.
    """
    known = {prompt.code for prompt in PROMPTS}
    errors: dict[str, str] = {}
    for code, answer in answers.items():
        if code not in known:
            errors[code] = _("This question is not in the interest explorer.")
        elif isinstance(answer, bool) or not isinstance(answer, int) or answer not in set(Answer):
            errors[code] = _("Choose not me, a bit me or very me.")
    if errors:
        raise ValidationError(errors)
    return {code: int(answer) for code, answer in answers.items()}


def themes_to_talk_about(answers: dict[str, int]) -> list[ThemeResult]:
    """The themes the person said sound a bit or very like them, as things to talk about.

    Themes with more "very me" answers come first (then more "a bit me", then
    the usual order of the themes), only so the conversation can start where
    the person said most; the order is not a ranking of what they should do.
    Themes with no "a bit me" or "very me" answer are left out. Raises
    ValidationError for an unknown prompt or an answer outside 0–2.
    """
    checked = check_answers(answers)
    from vocplan.catalogue import codes_for_theme  # the catalogue imports Theme from here

    results: list[tuple[tuple[int, int, int], ThemeResult]] = []
    for theme_order, theme in enumerate(Theme):
        answered = [
            AnsweredPrompt(prompt, Answer(checked[prompt.code]))
            for prompt in prompts_for(theme)
            if prompt.code in checked
        ]
        answered.sort(key=lambda each: -each.answer)  # stable: asking order within an answer
        very = sum(1 for each in answered if each.answer == Answer.VERY_ME)
        a_bit = sum(1 for each in answered if each.answer == Answer.A_BIT)
        if very + a_bit == 0:
            continue
        result = ThemeResult(theme, tuple(answered), codes_for_theme(theme))
        results.append(((-very, -a_bit, theme_order), result))
    results.sort(key=lambda pair: pair[0])
    return [result for _order, result in results]
