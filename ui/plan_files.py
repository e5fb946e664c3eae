"""Saving, printing and importing a plan: the dialogs, and the work done in the background.

Saving asks what kind of file to make, then where, suggesting a file name that
carries no personal data (``vocational-plan-2026-11-23-v3.pdf``); the file is
written whole or not at all (``write_atomically``) off the main thread.
Importing reads the file, says what it would change and asks before changing
anyone's plan. File names and paths never go into the log.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ui import background
from ui.plan_summary import plan_html
from ui.qt import (
    QButtonGroup,
    QDesktopServices,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPrintDialog,
    QPrinter,
    QPushButton,
    QRadioButton,
    QStandardPaths,
    Qt,
    QTextBrowser,
    QTextDocument,
    QUrl,
    QVBoxLayout,
    QWidget,
)
from ui.style import heading_font
from vocplan.domain.enums import PlanStatus
from vocplan.domain.errors import VocPlanError
from vocplan.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from vocplan.export.importing import ImportPreview
    from vocplan.services.people import PersonSummary
    from vocplan.services.plans import PlanOverview


@dataclass(frozen=True)
class ExportKind:
    key: str
    """As ``vocplan export --format`` names it."""
    label_source: str
    detail_source: str
    suffix: str
    filter_source: str

    @property
    def label(self) -> str:
        return _(self.label_source)

    @property
    def detail(self) -> str:
        return _(self.detail_source)

    @property
    def file_filter(self) -> str:
        return _(self.filter_source)


EXPORT_KINDS = (
    ExportKind(
        "pdf",
        N_("PDF for the care record"),
        N_("The plan to upload to the care record, with every section."),
        ".pdf",
        N_("PDF documents (*.pdf)"),
    ),
    ExportKind(
        "easy-read",
        N_("Easy-read PDF for the person"),
        N_("Larger type and short sentences, with their own words first. The same facts."),
        ".pdf",
        N_("PDF documents (*.pdf)"),
    ),
    ExportKind(
        "json",
        N_("JSON plan file"),
        N_("The whole plan, to import into another copy of VocPlan."),
        ".json",
        N_("VocPlan plan files (*.json)"),
    ),
    ExportKind(
        "fhir",
        N_("FHIR for another clinical system"),
        N_("A FHIR R4 bundle with the care plan, its goals and the PDF."),
        ".fhir.json",
        N_("FHIR bundles (*.json)"),
    ),
)
KIND_BY_KEY = {kind.key: kind for kind in EXPORT_KINDS}


def default_file_name(kind: str, on: date, version: int | None) -> str:
    """A file name with no personal data: the kind, the date and the agreed version (or draft)."""
    found = KIND_BY_KEY[kind]
    stem = "vocational-plan-easy-read" if kind == "easy-read" else "vocational-plan"
    label = f"v{version}" if version is not None else "draft"
    return f"{stem}-{on.isoformat()}-{label}{found.suffix}"


def agreed_version(overview: PlanOverview) -> int | None:
    """The number of the agreed version the plan is now; None while it is a draft."""
    if overview.versions and overview.status == PlanStatus.AGREED:
        return overview.versions[-1].number
    return None


def _documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


# --- saving ------------------------------------------------------------------------


class ExportDialog(QDialog):
    """Which kind of file to save the plan as."""

    def __init__(self, parent: QWidget | None = None, kind: str = "pdf") -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Save the plan"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.setSpacing(6)
        heading = QLabel(_("What do you want to save?"), self)
        heading.setFont(heading_font(self, 1.15))
        layout.addWidget(heading)
        layout.addSpacing(6)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for index, found in enumerate(EXPORT_KINDS):
            button = QRadioButton(found.label, self)
            button.setAccessibleName(found.label)
            button.setAccessibleDescription(found.detail)
            detail = QLabel(found.detail, self)
            detail.setWordWrap(True)
            detail.setStyleSheet("color: #3f4f55; margin-left: 26px;")
            detail.setBuddy(button)
            self.group.addButton(button, index)
            self.buttons[found.key] = button
            option = QVBoxLayout()
            option.setSpacing(1)
            option.addWidget(button)
            option.addWidget(detail)
            layout.addLayout(option)
            layout.addSpacing(10)
        self.buttons.get(kind, self.buttons["pdf"]).setChecked(True)
        layout.addSpacing(8)
        box = QDialogButtonBox(self)
        self.save_button = box.addButton(_("Choose where…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setAccessibleName(_("Choose where to save it"))
        self.save_button.setDefault(True)
        cancel = box.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(_("Cancel"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)

    def kind(self) -> str:
        return EXPORT_KINDS[max(self.group.checkedId(), 0)].key


class PlanSaver:
    """Save one person's plan: choose the kind and the file, write it in the background.

    ``export`` makes the file's bytes for a kind (it runs off the main thread
    and must not touch widgets); ``version`` gives the agreed version number
    for the suggested file name; ``say`` shows a short status message.
    """

    def __init__(
        self,
        parent: QWidget,
        export: Callable[[str], bytes],
        version: Callable[[], int | None],
        is_data_file: Callable[[Path], bool],
        say: Callable[[str], None],
    ) -> None:
        self.parent = parent
        self._export = export
        self._version = version
        self._is_data_file = is_data_file
        self._say = say
        self.dialog: ExportDialog | None = None
        self.saved_path: Path | None = None
        """The last file written (for tests; never logged)."""

    def start(self) -> None:
        self.dialog = ExportDialog(self.parent)
        try:
            if self.dialog.exec() != QDialog.DialogCode.Accepted:
                return
            kind = self.dialog.kind()
        finally:
            self.dialog.deleteLater()
            self.dialog = None
        self.save_as(kind)

    def save_as(self, kind: str) -> None:
        found = KIND_BY_KEY[kind]
        suggested = _documents_folder() / default_file_name(kind, date.today(), self._version())
        chosen, _filter = QFileDialog.getSaveFileName(
            self.parent, _("Save the plan"), str(suggested), found.file_filter
        )
        if not chosen:
            return
        path = Path(chosen)
        if not path.suffix:
            path = path.with_name(path.name + found.suffix)
        if self._is_data_file(path):
            QMessageBox.warning(
                self.parent,
                _("Not saved"),
                _("That is VocPlan's own data file. Choose another file name."),
            )
            return
        self._say(_("Saving the plan…"))
        export = self._export

        def work() -> Path:
            from vocplan.services.directory import write_atomically

            write_atomically(path, export(kind))
            return path

        background.run_in_background(work, self._saved, self._failed)

    def _saved(self, path: Path) -> None:
        self.saved_path = path
        self._say(_("Saved."))
        box = QMessageBox(self.parent)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(_("Saved"))
        box.setText(_("Saved."))
        box.setInformativeText(_("The plan is saved as {file}.").format(file=path.name))
        open_button = box.addButton(_("Open it"), QMessageBox.ButtonRole.ActionRole)
        open_button.setAccessibleName(_("Open the saved file"))
        close_button = box.addButton(QMessageBox.StandardButton.Close)
        close_button.setAccessibleName(_("Close"))
        box.setDefaultButton(close_button)
        box.exec()
        if box.clickedButton() is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _failed(self, problem: BaseException) -> None:
        self._say(_("Not saved."))
        message = (
            str(problem)
            if isinstance(problem, VocPlanError)
            else _("VocPlan could not make the file. Nothing was saved.")
        )
        QMessageBox.warning(self.parent, _("Not saved"), message)


# --- printing ------------------------------------------------------------------------


def printable_html(document: dict[str, Any], title: str, version_text: str) -> str:
    """The whole plan for paper, under the framework's title and the plan's version."""
    return (
        "<html><head><style>h1 { font-size: 16pt; } h2 { margin-top: 14px; } "
        "p { margin-top: 2px; margin-bottom: 4px; }</style></head><body>"
        f"<h1>{html.escape(title)}</h1><p><i>{html.escape(version_text)}</i></p>"
        f"{plan_html(document)}</body></html>"
    )


def new_printer() -> QPrinter:
    return QPrinter(QPrinter.PrinterMode.HighResolution)


def print_plan(parent: QWidget, overview: PlanOverview) -> bool:
    """Print the plan through the system print dialog; False when the person cancels."""
    from vocplan.export.pdf_facts import framework_title

    printer = new_printer()
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_("Print the plan"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    version = agreed_version(overview)
    version_text = (
        _("Agreed — version {number}").format(number=version)
        if version is not None
        else _("Draft, not agreed yet")
    )
    text = QTextDocument()
    text.setHtml(
        printable_html(overview.document, framework_title(overview.person.framework), version_text)
    )
    text.print_(printer)
    return True


# --- importing -----------------------------------------------------------------------


def import_heading(preview: ImportPreview) -> str:
    assert preview.existing is not None
    sentences = {
        "uid": _("{name} is already in VocPlan: this file was made from their plan."),
        "nhs_number": _("{name} is already in VocPlan, with the same NHS number."),
        "name_and_birth_date": _(
            "{name} is already in VocPlan, with the same name and date of birth."
        ),
    }
    return sentences[preview.matched_by or "uid"].format(name=preview.existing.full_name)


def differences_html(preview: ImportPreview) -> str:
    parts = []
    if preview.differences:
        parts.append(f"<p><b>{html.escape(_('What the file would change:'))}</b></p>")
        for section, sentences in preview.differences:
            items = "".join(f"<li>{html.escape(sentence)}</li>" for sentence in sentences)
            parts.append(f"<h3>{html.escape(section.label)}</h3><ul>{items}</ul>")
    if preview.new_versions:
        parts.append(
            "<p>"
            + html.escape(
                ngettext(
                    "The file has {count} agreed version that VocPlan does not have; it would "
                    "be added.",
                    "The file has {count} agreed versions that VocPlan does not have; they "
                    "would be added.",
                    preview.new_versions,
                ).format(count=preview.new_versions)
            )
            + "</p>"
        )
    if preview.kept_details:
        items = "".join(f"<li>{html.escape(sentence)}</li>" for sentence in preview.kept_details)
        parts.append(f"<p><b>{html.escape(_('Kept as they are:'))}</b></p><ul>{items}</ul>")
    return "".join(parts)


class ImportDifferencesDialog(QDialog):
    """What importing the file would change for someone already in VocPlan; Cancel by default."""

    def __init__(self, preview: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Import a plan file"))
        self.resize(620, 520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.setSpacing(10)
        self.heading = QLabel(import_heading(preview), self)
        self.heading.setFont(heading_font(self, 1.15))
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        intro = QLabel(
            _(
                "Replacing their plan changes it to the plan in the file. The versions agreed "
                "before are kept. Nothing changes unless you press Replace the plan."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName(_("What the file would change"))
        self.browser.setOpenLinks(False)
        self.browser.document().setDocumentMargin(10)
        self.browser.setHtml(differences_html(preview))
        layout.addWidget(self.browser, 1)
        box = QDialogButtonBox(self)
        self.replace_button: QPushButton = box.addButton(
            _("Replace the plan"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.replace_button.setAccessibleName(_("Replace the plan"))
        self.replace_button.setAutoDefault(False)
        self.cancel_button: QPushButton = box.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName(_("Cancel"))
        self.cancel_button.setDefault(True)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.cancel_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def text(self) -> str:
        return self.browser.toPlainText()


class PlanImporter:
    """Import a JSON plan file: read it, say what it would change, ask, then apply it."""

    def __init__(
        self,
        parent: QWidget,
        services: Any,
        on_imported: Callable[[PersonSummary], None],
        is_open: Callable[[int], bool],
        say: Callable[[str], None],
    ) -> None:
        self.parent = parent
        self.services = services
        self._on_imported = on_imported
        self._is_open = is_open
        self._say = say
        self.dialog: ImportDifferencesDialog | None = None

    def start(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self.parent,
            _("Import a plan file"),
            str(_documents_folder()),
            _("VocPlan plan files (*.json);;All files (*)"),
        )
        if not chosen:
            return
        services = self.services
        path = Path(chosen)

        def work() -> tuple[dict[str, Any], ImportPreview]:
            document = services.read_plan_file(path)
            return document, services.preview_import(document)

        background.run_in_background(work, self._previewed, self._failed)

    def _previewed(self, found: tuple[dict[str, Any], ImportPreview]) -> None:
        document, preview = found
        if preview.is_new_person:
            answer = QMessageBox.question(
                self.parent,
                _("Import a plan file"),
                _("Add {name} with their plan?").format(name=preview.person_name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.Yes,
            )
            if answer == QMessageBox.StandardButton.Yes:
                self._apply(document, replace_existing=False)
            return
        assert preview.existing is not None
        if not preview.changes_anything:
            QMessageBox.information(
                self.parent,
                _("Import a plan file"),
                _("The plan in the file is the same as the one in VocPlan. Nothing was changed."),
            )
            return
        if self._is_open(preview.existing.id):
            QMessageBox.information(
                self.parent,
                _("Import a plan file"),
                _(
                    "{name}'s plan is open. Close it first, then import the file again. "
                    "Nothing was changed."
                ).format(name=preview.existing.display_name),
            )
            return
        self.dialog = ImportDifferencesDialog(preview, self.parent)
        try:
            replace = self.dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            self.dialog.deleteLater()
            self.dialog = None
        if replace:
            self._apply(document, replace_existing=True)
        else:
            self._say(_("Nothing was changed."))

    def _apply(self, document: dict[str, Any], *, replace_existing: bool) -> None:
        services = self.services

        def work() -> PersonSummary:
            person: PersonSummary = services.apply_import(
                document, replace_existing=replace_existing
            )
            return person

        def done(person: PersonSummary) -> None:
            if replace_existing:
                message = _("Replaced the plan of {name} with the one in the file.")
            else:
                message = _("Added {name} to VocPlan, with their plan from the file.")
            self._say(message.format(name=person.full_name))
            self._on_imported(person)

        background.run_in_background(work, done, self._failed)

    def _failed(self, problem: BaseException) -> None:
        if isinstance(problem, VocPlanError):
            message = str(problem)
        else:
            message = _("VocPlan could not import the file.")
        QMessageBox.warning(
            self.parent,
            _("Not imported"),
            message + "\n\n" + _("Nothing was changed."),
        )
