"""The guided session's one way to change a plan: save through the core, then say so.

Pages and panels never keep the plan themselves. They ask the controller to
save a change; the controller calls the core, puts an undoable command on
the window's undo stack, reads the saved plan back and tells every page
(``overview_changed``), which then shows what was saved.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ui.qt import QObject, QUndoStack, Signal
from ui.session.targets import Refresh, Target
from ui.session.undo import AddItemCommand, FieldsCommand, MoveItemCommand, RemoveItemCommand
from vocplan.domain.enums import PlanSection
from vocplan.domain.errors import ValidationError, VocPlanError
from vocplan.i18n import _

if TYPE_CHECKING:
    from ui.session.services import SessionServices
    from vocplan.services.plans import PlanOverview


class SessionController(QObject):
    overview_changed = Signal(object, object)
    """(PlanOverview, Refresh): the plan as saved, read again after a change."""
    status = Signal(str)
    """A short message for the window's status line ("Saved", or what went wrong)."""
    history_moved = Signal(object)
    """The PlanSection an undo or redo changed, so the window can show that step."""
    flush_requested = Signal()
    """Save whatever is still being typed, anywhere in the session, before going on."""
    step_requested = Signal(object)
    """A PlanSection a page asks the window to show (a "Go to step 1" button, say)."""

    def __init__(
        self, services: SessionServices, overview: PlanOverview, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self._overview = overview
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(200)

    @property
    def overview(self) -> PlanOverview:
        return self._overview

    @property
    def document(self) -> dict[str, Any]:
        return self._overview.document

    def reload(self, refresh: Refresh | None = None) -> PlanOverview:
        """Read the plan as saved and tell every page."""
        self._overview = self.services.overview()
        self.overview_changed.emit(self._overview, refresh or Refresh())
        return self._overview

    def request_flush(self) -> None:
        self.flush_requested.emit()

    def say(self, message: str) -> None:
        self.status.emit(message)

    def show_step(self, section: PlanSection) -> None:
        """Ask the window to show another step (what is being typed is saved first)."""
        self.step_requested.emit(section)

    # --- changes made in the session ---------------------------------------------

    def save_fields(
        self,
        target: Target,
        changes: dict[str, Any],
        *,
        section: PlanSection,
        label: str,
        merge_key: object = None,
    ) -> dict[str, str]:
        """Save answers now; returns the problems by field (empty when saved).

        ``label`` names what changed in the Undo menu ("Undo change to My goal").
        Changes with the same ``merge_key`` in a row (one field being typed in)
        undo together.
        """
        try:
            previous = self.services.save_fields(target.document_key, changes, target.uid)
        except ValidationError as problem:
            self.say(_("Not saved: {problem}").format(problem=_first_problem(problem)))
            return problem.field_errors
        except VocPlanError as problem:
            self.say(_("Not saved: {problem}").format(problem=str(problem)))
            return {"": str(problem)}
        self.undo_stack.push(
            FieldsCommand(self, target, section, dict(changes), previous, label, merge_key)
        )
        self.say(_("Saved"))
        self.reload(Refresh(section, target))
        return {}

    def add_item(
        self, list_key: str, values: dict[str, Any], *, section: PlanSection, list_title: str
    ) -> dict[str, Any]:
        """Add an item at the end of a list; raises ValidationError (saving nothing)."""
        position = len(self.document.get(list_key) or [])
        stored = self.services.add_item(list_key, values)
        self.undo_stack.push(AddItemCommand(self, list_key, stored, position, section, list_title))
        self.say(_("Added and saved"))
        self.reload(Refresh(section, Target(list_key)))
        return stored

    def update_item(
        self,
        list_key: str,
        uid: str,
        changes: dict[str, Any],
        *,
        section: PlanSection,
        list_title: str,
    ) -> None:
        """Change an item's answers; raises ValidationError (saving nothing)."""
        if not changes:
            return
        target = Target(list_key, uid)
        previous = self.services.save_fields(list_key, changes, uid)
        self.undo_stack.push(
            FieldsCommand(self, target, section, changes, previous, list_title, None)
        )
        self.say(_("Saved"))
        self.reload(Refresh(section, target))

    def remove_item(
        self, list_key: str, uid: str, *, section: PlanSection, list_title: str
    ) -> None:
        deleted = self._attempt(lambda: self.services.delete_item(list_key, uid))
        if deleted is None:
            return
        self.undo_stack.push(RemoveItemCommand(self, deleted, section, list_title))
        self.say(_("Removed — Undo with Ctrl+Z"))
        self.reload(Refresh(section, Target(list_key)))

    def move_item(
        self, list_key: str, uid: str, to_position: int, *, section: PlanSection, list_title: str
    ) -> None:
        from_position = self._attempt(lambda: self.services.move_item(list_key, uid, to_position))
        if from_position is None:
            return
        self.undo_stack.push(
            MoveItemCommand(self, list_key, uid, from_position, to_position, section, list_title)
        )
        self.say(_("Moved and saved"))
        self.reload(Refresh(section, Target(list_key)))

    def record_calculation(
        self,
        scenario_uid: str | None,
        result: dict[str, Any] | None,
        rules_year: str,
        *,
        section: PlanSection,
    ) -> None:
        """Keep what the benefits engine worked out: derived data, so not on the undo stack.

        It follows from answers that are saved (and undone) as usual; see
        ``vocplan.services.money``. Pages are told only when something was different.
        """
        changed = self._attempt(
            lambda: self.services.record_calculation(scenario_uid, result, rules_year)
        )
        if changed:
            self.reload(Refresh(section, Target("scenarios", scenario_uid)))

    def _attempt(self, action: Callable[[], Any]) -> Any:
        try:
            return action()
        except VocPlanError as problem:
            self.say(_("Not saved: {problem}").format(problem=str(problem)))
            self.reload()
            return None

    # --- undo and redo -------------------------------------------------------------

    def replay(
        self, action: Callable[[], object], section: PlanSection, target: Target, undoing: bool
    ) -> None:
        """Run an undo or redo through the core, then show the step it changed."""
        try:
            action()
        except VocPlanError as problem:
            message = (
                _("This could not be undone: {problem}")
                if undoing
                else _("This could not be done again: {problem}")
            )
            self.say(message.format(problem=str(problem)))
        else:
            self.say(_("Undone and saved") if undoing else _("Done again and saved"))
        self.reload(Refresh(section, target, from_history=True))
        self.history_moved.emit(section)


def _first_problem(problem: ValidationError) -> str:
    return next(iter(problem.field_errors.values()), str(problem))
