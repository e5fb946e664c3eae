"""Which extra panels and pages the guided session shows, step by step.

Add a step's panel here. A panel is a ``ui.session.panels.StepPanel``
subclass, made with ``(controller, section, parent)``; it draws itself from
``controller.overview`` in ``refresh`` and saves through the controller, so
undo, "Saved" and the step list work for it too. For example, the options fit
(step 4) and the money calculator (step 5)::

    extensions.add_panel(PlanSection.OPTIONS, OptionsFitPanel)             # after the options
    extensions.add_panel(PlanSection.MONEY, MoneyPanel, where=Where.TOP)   # before the parts
    extensions.set_page(PlanSection.MONEY, MoneyPage)                      # or the whole page
"""

from __future__ import annotations

from ui.session.agreement import AgreePanel, ChangesPanel, WholePlanPanel
from ui.session.interest_explorer import InterestExplorerPanel
from ui.session.money import MoneyPage
from ui.session.options_fit import OptionsFitPanel
from ui.session.pages import StepExtensions, Where
from ui.session.save_panel import SavePlanPanel
from vocplan.domain.enums import PlanSection


def default_extensions() -> StepExtensions:
    extensions = StepExtensions()
    extensions.add_panel(PlanSection.PREFERENCES, InterestExplorerPanel, where=Where.BOTTOM)
    extensions.add_panel(PlanSection.OPTIONS, OptionsFitPanel, where=Where.BOTTOM)
    extensions.set_page(PlanSection.MONEY, MoneyPage)
    extensions.add_panel(PlanSection.AGREEMENT, ChangesPanel, where=Where.TOP)
    extensions.add_panel(PlanSection.AGREEMENT, WholePlanPanel, where=Where.TOP)
    extensions.add_panel(PlanSection.AGREEMENT, AgreePanel, where=Where.BOTTOM)
    extensions.add_panel(PlanSection.AGREEMENT, SavePlanPanel, where=Where.BOTTOM)
    return extensions
