"""Undo and redo in the guided session: every saved change as a command on a QUndoStack.

A change is saved by the core *before* its command is pushed, so a command's
first ``redo`` (which ``QUndoStack.push`` calls) does nothing. After that,
``undo`` calls the core with the values from before the change and ``redo``
with the values after it; either way the controller then reads the saved
plan back and the pages show it. Widgets are never the record of what was
saved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ui.qt import QUndoCommand
from ui.session.targets import Target
from vocplan.i18n import _

if TYPE_CHECKING:
    from ui.session.controller import SessionController
    from vocplan.domain.enums import PlanSection
    from vocplan.services.editing import DeletedItem

FIELDS_COMMAND_ID = 1001


class PlanCommand(QUndoCommand):
    """A change already saved, which undo and redo can take back and make again."""

    def __init__(
        self,
        controller: SessionController,
        section: PlanSection,
        target: Target,
        undo_text: str,
        redo_text: str,
    ) -> None:
        super().__init__(undo_text)
        self.controller = controller
        self.section = section
        self.target = target
        self.undo_text = undo_text
        """The whole text of the Undo action, for example "Undo change to My goal"."""
        self.redo_text = redo_text
        self._saved_already = True

    def redo(self) -> None:
        if self._saved_already:  # push() calls redo(); the core has saved the change
            self._saved_already = False
            return
        self.controller.replay(self.apply, self.section, self.target, undoing=False)

    def undo(self) -> None:
        self.controller.replay(self.revert, self.section, self.target, undoing=True)

    def apply(self) -> object:
        raise NotImplementedError

    def revert(self) -> object:
        raise NotImplementedError


class FieldsCommand(PlanCommand):
    """Answers changed in a part, the plan, the person's details or one list item."""

    def __init__(
        self,
        controller: SessionController,
        target: Target,
        section: PlanSection,
        changes: dict[str, Any],
        previous: dict[str, Any],
        label: str,
        merge_key: object,
    ) -> None:
        super().__init__(
            controller,
            section,
            target,
            _("Undo change to {what}").format(what=label),
            _("Redo change to {what}").format(what=label),
        )
        self.changes = changes
        self.previous = previous
        self.merge_key = merge_key

    def apply(self) -> object:
        return self.controller.services.save_fields(
            self.target.document_key, self.changes, self.target.uid
        )

    def revert(self) -> object:
        return self.controller.services.save_fields(
            self.target.document_key, self.previous, self.target.uid
        )

    def id(self) -> int:
        return FIELDS_COMMAND_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Saves made while one field is being typed in undo as one change."""
        if (
            not isinstance(other, FieldsCommand)
            or self.merge_key is None
            or other.merge_key != self.merge_key
            or other.target != self.target
            or set(other.changes) != set(self.changes)
        ):
            return False
        self.changes = other.changes
        return True


class AddItemCommand(PlanCommand):
    def __init__(
        self,
        controller: SessionController,
        list_key: str,
        stored: dict[str, Any],
        position: int,
        section: PlanSection,
        list_title: str,
    ) -> None:
        super().__init__(
            controller,
            section,
            Target(list_key),
            _("Undo adding to {list}").format(list=list_title),
            _("Redo adding to {list}").format(list=list_title),
        )
        self.list_key = list_key
        self.stored = stored
        self.position = position

    def apply(self) -> object:
        return self.controller.services.add_item(self.list_key, self.stored, self.position)

    def revert(self) -> object:
        return self.controller.services.delete_item(self.list_key, self.stored["uid"])


class RemoveItemCommand(PlanCommand):
    def __init__(
        self,
        controller: SessionController,
        deleted: DeletedItem,
        section: PlanSection,
        list_title: str,
    ) -> None:
        super().__init__(
            controller,
            section,
            Target(deleted.list_key),
            _("Undo removing from {list}").format(list=list_title),
            _("Redo removing from {list}").format(list=list_title),
        )
        self.deleted = deleted

    def apply(self) -> object:
        self.deleted = self.controller.services.delete_item(
            self.deleted.list_key, self.deleted.values["uid"]
        )
        return self.deleted

    def revert(self) -> object:
        self.controller.services.restore_item(self.deleted)
        return None


class MoveItemCommand(PlanCommand):
    def __init__(
        self,
        controller: SessionController,
        list_key: str,
        uid: str,
        from_position: int,
        to_position: int,
        section: PlanSection,
        list_title: str,
    ) -> None:
        super().__init__(
            controller,
            section,
            Target(list_key),
            _("Undo moving in {list}").format(list=list_title),
            _("Redo moving in {list}").format(list=list_title),
        )
        self.list_key = list_key
        self.uid = uid
        self.from_position = from_position
        self.to_position = to_position

    def apply(self) -> object:
        return self.controller.services.move_item(self.list_key, self.uid, self.to_position)

    def revert(self) -> object:
        return self.controller.services.move_item(self.list_key, self.uid, self.from_position)
