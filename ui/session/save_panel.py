"""Step 8's "Save or print the plan": the plan as a file for the care record, or on paper."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.plan_files import PlanSaver, agreed_version, print_plan
from ui.qt import QHBoxLayout, QPushButton, QVBoxLayout, QWidget
from ui.session.fields import INPUT_HEIGHT
from ui.session.panels import StepPanel, intro_label, part_heading
from vocplan.i18n import _

if TYPE_CHECKING:
    from ui.session.controller import SessionController
    from ui.session.targets import Refresh
    from vocplan.domain.enums import PlanSection
    from vocplan.services.plans import PlanOverview


class SavePlanPanel(StepPanel):
    """Save the plan as a PDF (or an easy-read PDF, JSON or FHIR), or print it."""

    def __init__(
        self, controller: SessionController, section: PlanSection, parent: QWidget | None = None
    ) -> None:
        super().__init__(controller, section, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(part_heading(_("Save or print the plan"), self))
        self.intro = intro_label("", self)
        layout.addWidget(self.intro)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(_("Save the plan…"), self)
        self.save_button.setAccessibleName(_("Save the plan"))
        self.save_button.setToolTip(
            _("As a PDF for the care record, an easy-read PDF, or a file for another system")
        )
        self.print_button = QPushButton(_("Print…"), self)
        self.print_button.setAccessibleName(_("Print the plan"))
        for button in (self.save_button, self.print_button):
            button.setMinimumHeight(INPUT_HEIGHT + 6)
            button.setMinimumWidth(160)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.saver = PlanSaver(
            self,
            export=controller.services.export_plan,
            version=lambda: agreed_version(self.controller.overview),
            is_data_file=controller.services.is_data_file,
            say=controller.say,
            takehome=controller.services.export_takehome,
        )
        self.save_button.clicked.connect(self.save_plan)
        self.print_button.clicked.connect(self.print_plan)

    def refresh(self, overview: PlanOverview, refresh: Refresh) -> None:
        if agreed_version(overview) is None:
            text = _(
                "The plan is not agreed as it is now, so what you save or print is a draft. "
                "Agree it first to save the version for the care record."
            )
        else:
            text = _(
                "Save the agreed plan as a PDF to upload to the care record, make an "
                "easy-read copy for the person, or print it."
            )
        self.intro.setText(text)

    def save_plan(self) -> None:
        self.controller.request_flush()  # what is being typed goes into the file too
        self.saver.start()

    def print_plan(self) -> None:
        self.controller.request_flush()
        if print_plan(self, self.controller.overview):
            self.controller.say(_("Sent to the printer."))
