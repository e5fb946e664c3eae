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
from ui.file_dialogs import ask_open_path, ask_save_path, documents_folder
from ui.plan_summary import plan_html
from ui.qt import (
    QButtonGroup,
    QCheckBox,
    QDesktopServices,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPrintDialog,
    QPrinter,
    QPushButton,
    QRadioButton,
    Qt,
    QTextBrowser,
    QTextDocument,
    QUrl,
    QVBoxLayout,
    QWidget,
)
from ui.security.passphrase_forms import PassphrasePair, message_label, passphrase_edit
from ui.style import heading_font
from vocplan.domain.enums import PlanSection, PlanStatus
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
    ExportKind(
        "vocplan",
        N_("Take-home file, locked with a passphrase"),
        N_(
            "The whole plan, encrypted, to carry between home and the clinic on a USB stick "
            "or by email. Nobody can open it without the passphrase."
        ),
        ".vocplan",
        N_("VocPlan take-home files (*.vocplan)"),
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


# --- saving ------------------------------------------------------------------------


class ExportDialog(QDialog):
    """Which kind of file to save the plan as."""

    def __init__(
        self,
        parent: QWidget | None = None,
        kind: str = "pdf",
        kinds: tuple[ExportKind, ...] = EXPORT_KINDS,
    ) -> None:
        super().__init__(parent)
        self._kinds = kinds
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
        for index, found in enumerate(kinds):
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
        return self._kinds[max(self.group.checkedId(), 0)].key


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
        takehome: Callable[[str], bytes] | None = None,
    ) -> None:
        self.parent = parent
        self._export = export
        self._takehome = takehome
        """Makes a take-home file from a passphrase; None where that is not offered."""
        self._version = version
        self._is_data_file = is_data_file
        self._say = say
        self.dialog: ExportDialog | None = None
        self.saved_path: Path | None = None
        """The last file written (for tests; never logged)."""

    def start(self) -> None:
        kinds = tuple(
            kind for kind in EXPORT_KINDS if kind.key != "vocplan" or self._takehome is not None
        )
        self.dialog = ExportDialog(self.parent, kinds=kinds)
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
        export = self._export
        if kind == "vocplan":
            takehome = self._takehome
            assert takehome is not None
            passphrase = ask_passphrase(self.parent, new=True)
            if passphrase is None:
                return

            def export(_kind: str) -> bytes:
                return takehome(passphrase)

        suggested = documents_folder() / default_file_name(kind, date.today(), self._version())
        chosen = ask_save_path(self.parent, _("Save the plan"), suggested, found.file_filter)
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


class PassphraseDialog(QDialog):
    """The passphrase of a take-home file: typed twice for a new file, once to open one."""

    def __init__(self, parent: QWidget | None, *, new: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Take-home file"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        note = QLabel(
            _(
                "Choose a passphrase for this file, at least 8 characters. Tell it to the "
                "person separately from the file: never write it on the USB stick or in the "
                "same email."
            )
            if new
            else _("Type the passphrase the file was saved with."),
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.pair: PassphrasePair | None = None
        if new:
            self.pair = PassphrasePair(self, form, _("&Passphrase:"))
            self.passphrase_edit = self.pair.first
        else:
            self.passphrase_edit = passphrase_edit(self, _("Passphrase"))
            label = QLabel(_("&Passphrase:"), self)
            label.setBuddy(self.passphrase_edit)
            form.addRow(label, self.passphrase_edit)
        layout.addLayout(form)
        self.message = message_label(self)
        layout.addWidget(self.message)
        box = QDialogButtonBox(self)
        ok = box.addButton(_("OK"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setDefault(True)
        box.addButton(QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self._check)
        box.rejected.connect(self.reject)
        layout.addWidget(box)

    def _check(self) -> None:
        from vocplan.security.passphrases import check_new_passphrase

        passphrase = self.passphrase_edit.text()
        if self.pair is not None:
            try:
                check_new_passphrase(passphrase)
            except VocPlanError as problem:
                self._problem(str(problem))
                return
            mismatch = self.pair.mismatch()
            if mismatch is not None:
                self._problem(mismatch)
                return
        elif not passphrase:
            self._problem(_("Type the passphrase."))
            return
        self.accept()

    def _problem(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()


def ask_passphrase(parent: QWidget | None, *, new: bool) -> str | None:
    """The take-home passphrase the person typed; None if they cancelled."""
    dialog = PassphraseDialog(parent, new=new)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.passphrase_edit.text()
    finally:
        dialog.deleteLater()


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
                "Tick the parts to take from the file; the others stay as they are in VocPlan. "
                "The versions agreed before are kept. Nothing changes unless you press Replace "
                "the ticked parts."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.section_boxes: dict[PlanSection, QCheckBox] = {}
        choices = QHBoxLayout()
        choices_column = QVBoxLayout()
        for section, _sentences in preview.differences:
            choice = QCheckBox(section.label, self)
            choice.setChecked(True)
            choice.setAccessibleName(_("Take from the file: {part}").format(part=section.label))
            choice.toggled.connect(self._choice_changed)
            self.section_boxes[section] = choice
            choices_column.addWidget(choice)
        choices.addLayout(choices_column)
        choices.addStretch(1)
        layout.addLayout(choices)
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName(_("What the file would change"))
        self.browser.setOpenLinks(False)
        self.browser.document().setDocumentMargin(10)
        self.browser.setHtml(differences_html(preview))
        layout.addWidget(self.browser, 1)
        box = QDialogButtonBox(self)
        self.replace_button: QPushButton = box.addButton(
            _("Replace the ticked parts"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.replace_button.setAccessibleName(_("Replace the ticked parts"))
        self._new_versions = preview.new_versions
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

    def chosen_sections(self) -> set[PlanSection]:
        return {section for section, box in self.section_boxes.items() if box.isChecked()}

    def _choice_changed(self) -> None:
        # With nothing ticked, only agreed versions new to VocPlan would be added.
        self.replace_button.setEnabled(bool(self.chosen_sections()) or self._new_versions > 0)


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
        chosen = ask_open_path(
            self.parent,
            _("Import a plan file"),
            documents_folder(),
            _("VocPlan plan files (*.json *.vocplan);;All files (*)"),
        )
        if not chosen:
            return
        services = self.services
        path = Path(chosen)
        passphrase: str | None = None
        if services.is_takehome_file(path):
            passphrase = ask_passphrase(self.parent, new=False)
            if passphrase is None:
                return

        def work() -> tuple[dict[str, Any], ImportPreview]:
            if passphrase is not None:
                document = services.read_takehome_file(path, passphrase)
            else:
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
            sections = self.dialog.chosen_sections()
        finally:
            self.dialog.deleteLater()
            self.dialog = None
        if replace:
            self._apply(document, replace_existing=True, sections=sections)
        else:
            self._say(_("Nothing was changed."))

    def _apply(
        self,
        document: dict[str, Any],
        *,
        replace_existing: bool,
        sections: set[PlanSection] | None = None,
    ) -> None:
        services = self.services

        def work() -> PersonSummary:
            person: PersonSummary = services.apply_import(
                document, replace_existing=replace_existing, sections=sections
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
