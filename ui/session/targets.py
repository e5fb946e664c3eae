"""Small values the session's pieces pass each other: where answers live, and why a page redraws."""

from __future__ import annotations

from dataclasses import dataclass

from vocplan.domain.enums import PlanSection


@dataclass(frozen=True)
class Target:
    """Where some answers are kept: a part, the plan, the person, or one item of a list."""

    document_key: str
    uid: str | None = None


@dataclass(frozen=True)
class Refresh:
    """Why the plan was read again, so pages know what they may redraw."""

    section: PlanSection | None = None
    target: Target | None = None
    from_history: bool = False
    """After undo or redo: the target's fields show the saved values even while being edited."""
