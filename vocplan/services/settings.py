"""The administrator's settings: how long VocPlan waits without input before it locks."""

from __future__ import annotations

from vocplan.domain.errors import VocPlanError
from vocplan.i18n import _
from vocplan.model import AuditAction
from vocplan.model.settings import AppSetting
from vocplan.services import audit
from vocplan.storage.database import Database

LOCK_AFTER_MINUTES = "lock_after_minutes"
DEFAULT_LOCK_AFTER_MINUTES = 5
MIN_LOCK_AFTER_MINUTES = 1
MAX_LOCK_AFTER_MINUTES = 60


def lock_after_minutes(database: Database) -> int:
    with database.reading() as session:
        setting = session.get(AppSetting, LOCK_AFTER_MINUTES)
    try:
        minutes = int(setting.value) if setting is not None else DEFAULT_LOCK_AFTER_MINUTES
    except ValueError:
        return DEFAULT_LOCK_AFTER_MINUTES
    return min(max(minutes, MIN_LOCK_AFTER_MINUTES), MAX_LOCK_AFTER_MINUTES)


def set_lock_after_minutes(database: Database, minutes: int) -> None:
    if not MIN_LOCK_AFTER_MINUTES <= minutes <= MAX_LOCK_AFTER_MINUTES:
        raise VocPlanError(
            _("Choose between {low} and {high} minutes.").format(
                low=MIN_LOCK_AFTER_MINUTES, high=MAX_LOCK_AFTER_MINUTES
            )
        )
    with database.transaction() as session:
        setting = session.get(AppSetting, LOCK_AFTER_MINUTES)
        if setting is not None and setting.value == str(minutes):
            return
        if setting is None:
            session.add(AppSetting(name=LOCK_AFTER_MINUTES, value=str(minutes)))
        else:
            setting.value = str(minutes)
        audit.record(session, AuditAction.SETTINGS, "", f"lock after: {minutes} minutes")
