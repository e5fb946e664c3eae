"""The plan as a FHIR R4 Bundle, for clinical systems that take structured data.

**Bundle type: ``collection``.** A ``document`` Bundle must open with a
Composition whose sections carry the attested narrative, and is then a
signed, immutable whole. The attested, human-readable plan here is the
record PDF, which the Bundle carries in a DocumentReference; repeating it as
a Composition would be a second copy that could disagree with the first. A
``transaction`` Bundle is an instruction to a server, and VocPlan never talks
to one. So the Bundle is a ``collection``: the Patient, the CarePlan with its
Goals and activities, an Observation for each recorded employment status,
and the DocumentReference, linked by ``urn:uuid:`` full URLs. The ids of the
Patient, CarePlan, Goals and Observations are VocPlan's uids, so exporting the
same plan again gives the same ids; the DocumentReference's id follows the
PDF it carries, and the Bundle's own id and timestamp are new each time.

**Codes.**

- NHS number: ``https://fhir.nhs.uk/Id/nhs-number``.
- Employment status: the national employment status codes of the NHS Data
  Dictionary (``EMPLOYMENT STATUS``, as the Mental Health Services Data Set
  uses them: 01 to 08 and ZZ), with the data element's page,
  ``https://www.datadictionary.nhs.uk/data_elements/employment_status.html``,
  as the code system URL; NHS England publishes no FHIR CodeSystem for these
  two-digit codes. The Observation's own code is LOINC 67875-5 "Employment
  status current", in the social-history category.
- The DocumentReference's type is LOINC 18776-5 "Plan of care note".
- Languages are BCP 47 codes (``urn:ietf:bcp:47``).
- The CarePlan's category is text only ("Vocational plan", and for a Care
  and Treatment Plan the Welsh life areas it covers): there is no UK code for
  a vocational plan that a receiving system would know.

The tests parse every Bundle with the R4B models of the ``fhir.resources``
package (its 8.x releases have no plain R4 models). R4B was a limited release
for the medication definition, subscription and evidence resources and is
meant to stay compatible with R4 (4.0.1) for the resources used here.
"""

from __future__ import annotations

import base64
import hashlib
import uuid
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any, TypeVar

from vocplan.domain.enums import (
    ActivityKind,
    CarePlanFramework,
    EmploymentStatus,
    GoalStatus,
    OutcomeKind,
    PathwayStage,
    PlanSection,
    PlanStatus,
    StepOwner,
    StepStatus,
    Voice,
)
from vocplan.formatting import format_date, format_number
from vocplan.i18n import N_, _, current_language
from vocplan.storage.database import Database

FHIR_VERSION = "4.0.1"
NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number"
EMPLOYMENT_STATUS_SYSTEM = "https://www.datadictionary.nhs.uk/data_elements/employment_status.html"
LOINC_SYSTEM = "http://loinc.org"
LANGUAGE_SYSTEM = "urn:ietf:bcp:47"
URI_SYSTEM = "urn:ietf:rfc:3986"
OBSERVATION_CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/observation-category"
GOAL_ACHIEVEMENT_SYSTEM = "http://terminology.hl7.org/CodeSystem/goal-achievement"

PDF_LANGUAGES = {"en": "en-GB", "cy": "cy-GB", "pl": "pl-PL"}
"""The language tag the record PDF declares, by the language VocPlan is showing."""

EMPLOYMENT_STATUS_LOINC = ("67875-5", "Employment status current")
PLAN_OF_CARE_NOTE_LOINC = ("18776-5", "Plan of care note")

EMPLOYMENT_STATUS_DISPLAY: dict[EmploymentStatus, str] = {
    EmploymentStatus.EMPLOYED: "Employed",
    EmploymentStatus.UNEMPLOYED_SEEKING_WORK: "Unemployed and Seeking Work",
    EmploymentStatus.STUDENT: (
        "Students who are undertaking full (at least 16 hours per week) or part-time (less "
        "than 16 hours per week) education or training and who are not working or actively "
        "seeking work"
    ),
    EmploymentStatus.LONG_TERM_SICK_OR_DISABLED: (
        "Long-term sick or disabled, those who are receiving Incapacity Benefit, Income "
        "Support or both; or Employment and Support Allowance"
    ),
    EmploymentStatus.HOMEMAKER: (
        "Homemaker looking after the family or home and who are not working or actively "
        "seeking work"
    ),
    EmploymentStatus.NOT_WORKING_OR_SEEKING: (
        "Not receiving benefits and who are not working or actively seeking work"
    ),
    EmploymentStatus.VOLUNTEERING: (
        "Unpaid voluntary work who are not working or actively seeking work"
    ),
    EmploymentStatus.RETIRED: "Retired",
    EmploymentStatus.NOT_STATED: "Not Stated (Asked but declined to provide a response)",
}
"""The code system's own display texts (English, as the code system gives them)."""

PLAN_STATUS: dict[PlanStatus, str] = {PlanStatus.DRAFT: "draft", PlanStatus.AGREED: "active"}
STEP_STATUS: dict[StepStatus, str] = {
    StepStatus.NOT_STARTED: "not-started",
    StepStatus.IN_PROGRESS: "in-progress",
    StepStatus.DONE: "completed",
    StepStatus.STOPPED: "stopped",
}
GOAL_LIFECYCLE: dict[GoalStatus, str] = {
    GoalStatus.ACTIVE: "active",
    GoalStatus.ACHIEVED: "completed",
    GoalStatus.CHANGED: "cancelled",
    GoalStatus.STOPPED: "cancelled",
}
"""A goal that was changed is no longer pursued as written; its statusReason says why."""
GOAL_ACHIEVEMENT: dict[GoalStatus, str] = {
    GoalStatus.ACTIVE: "in-progress",
    GoalStatus.ACHIEVED: "achieved",
}

_TITLES: dict[CarePlanFramework, str] = {
    CarePlanFramework.CARE_AND_SUPPORT_PLAN: N_("Vocational plan — for the care and support plan"),
    CarePlanFramework.CARE_AND_TREATMENT_PLAN: N_(
        "Vocational plan — for the Care and Treatment Plan"
    ),
    CarePlanFramework.CPA: N_("Vocational plan — for the CPA"),
}
"""The same titles as the record PDF's, so the CarePlan and its document agree."""

_LIFE_AREAS = (N_("Work and occupation"), N_("Education and training"), N_("Finance and money"))
"""The Care and Treatment Plan life areas (Wales) a vocational plan speaks to."""

_Enum = TypeVar("_Enum", bound=StrEnum)

_ID_NAMESPACE = uuid.UUID("0b6a3c52-55f4-4d0e-9a43-4a1b8d1f6e27")


def fhir_bundle(
    database: Database,
    person_id: int,
    *,
    today: date | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """The whole plan of one person as a FHIR R4 ``collection`` Bundle, PDF included."""
    from vocplan.export.json_plan import person_plan_document
    from vocplan.export.pdf import record_pdf
    from vocplan.model.audit import AuditAction
    from vocplan.services.audit import record_action

    document = person_plan_document(database, person_id)
    pdf = record_pdf(database, person_id, today=today, audit=False)
    bundle = bundle_from_document(document, pdf, now=now)
    record_action(database, AuditAction.EXPORT, person_id, "fhir")
    return bundle


def bundle_from_document(
    document: dict[str, Any], pdf: bytes, *, now: datetime | None = None
) -> dict[str, Any]:
    """The Bundle for a plan document and the record PDF written from it."""
    now = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    person = document["person"]
    patient = _patient(person)
    patient_ref = _reference(patient, person.get("full_name") or "")
    goals = [_goal(goal, patient_ref) for goal in document.get("goals") or []]
    care_plan = _care_plan(document, patient_ref, goals)
    observations = [
        _employment_status(outcome, patient_ref)
        for outcome in document.get("outcomes") or []
        if outcome.get("employment_status")
    ]
    resources = [
        patient,
        care_plan,
        *goals,
        *observations,
        _document_reference(document, pdf, patient_ref, _reference(care_plan), now),
    ]
    bundle_id = str(uuid.uuid4())
    return {
        "resourceType": "Bundle",
        "id": bundle_id,
        "meta": {"lastUpdated": _instant(now)},
        "identifier": {"system": URI_SYSTEM, "value": f"urn:uuid:{bundle_id}"},
        "type": "collection",
        "timestamp": _instant(now),
        "entry": [
            {"fullUrl": f"urn:uuid:{resource['id']}", "resource": resource}
            for resource in resources
        ],
    }


def plan_title(framework: str | None) -> str:
    """The plan's title, named by the person's care-plan framework."""
    try:
        chosen = CarePlanFramework(framework or CarePlanFramework.CARE_AND_SUPPORT_PLAN)
    except ValueError:
        chosen = CarePlanFramework.CARE_AND_SUPPORT_PLAN
    return _(_TITLES[chosen])


# --- resources -------------------------------------------------------------------


def _patient(person: dict[str, Any]) -> dict[str, Any]:
    patient: dict[str, Any] = {"resourceType": "Patient", "id": _id(person.get("uid"), "person")}
    if person.get("nhs_number"):
        patient["identifier"] = [{"system": NHS_NUMBER_SYSTEM, "value": person["nhs_number"]}]
    names: list[dict[str, Any]] = [{"use": "official", "text": person.get("full_name") or ""}]
    if person.get("preferred_name"):
        names.append({"use": "usual", "text": person["preferred_name"]})
    patient["name"] = names
    if person.get("date_of_birth"):
        patient["birthDate"] = person["date_of_birth"]
    if person.get("language"):
        patient["communication"] = [
            {"language": _language(str(person["language"])), "preferred": True}
        ]
    return patient


def _care_plan(
    document: dict[str, Any], patient_ref: dict[str, Any], goals: list[dict[str, Any]]
) -> dict[str, Any]:
    person = document["person"]
    plan = document.get("plan") or {}
    plan_id = _id(plan.get("uid"), "plan")
    goal_ids = {goal["id"] for goal in goals}
    care_plan: dict[str, Any] = {
        "resourceType": "CarePlan",
        "id": plan_id,
        "identifier": [{"system": URI_SYSTEM, "value": f"urn:uuid:{plan_id}"}],
        "status": PLAN_STATUS[_enum(PlanStatus, plan.get("status")) or PlanStatus.DRAFT],
        "intent": "plan",
        "category": _categories(person.get("framework")),
        "title": plan_title(person.get("framework")),
        "subject": patient_ref,
    }
    stage = _enum(PathwayStage, plan.get("pathway_stage"))
    if stage is not None:
        care_plan["description"] = _("Where the person is on the way: {stage}").format(
            stage=stage.label
        )
    period = _period(document)
    if period:
        care_plan["period"] = period
    contributors = [patient_ref]
    if person.get("care_coordinator"):
        coordinator = {"display": person["care_coordinator"]}
        care_plan["author"] = coordinator
        contributors.append(coordinator)
    care_plan["contributor"] = contributors
    if goals:
        care_plan["goal"] = [_reference(goal) for goal in goals]
    activities = [
        _activity(step, goal_ids, patient_ref, person) for step in document.get("steps") or []
    ]
    if activities:
        care_plan["activity"] = activities
    notes = _care_plan_notes(document, patient_ref)
    if notes:
        care_plan["note"] = notes
    return care_plan


def _categories(framework: str | None) -> list[dict[str, Any]]:
    categories = [{"text": _("Vocational plan")}]
    if framework == CarePlanFramework.CARE_AND_TREATMENT_PLAN.value:
        categories += [{"text": _(area)} for area in _LIFE_AREAS]
    return categories


def _period(document: dict[str, Any]) -> dict[str, str]:
    """From the first session or agreement to the next review, as far as either is known."""
    started = [
        str(session["held_on"])
        for session in document.get("sessions") or []
        if session.get("held_on")
    ]
    started += [
        str(version["person_agreed_on"])
        for version in document.get("versions") or []
        if version.get("person_agreed_on")
    ]
    period: dict[str, str] = {}
    if started:
        period["start"] = min(started)
    review = (document.get("plan") or {}).get("next_review_date")
    if review and (not started or str(review) >= period["start"]):
        period["end"] = str(review)
    return period


def _activity(
    step: dict[str, Any], goal_ids: set[str], patient_ref: dict[str, Any], person: dict[str, Any]
) -> dict[str, Any]:
    status = _enum(StepStatus, step.get("status")) or StepStatus.NOT_STARTED
    detail: dict[str, Any] = {"status": STEP_STATUS[status], "description": step.get("what") or ""}
    if step.get("by_when"):
        detail["scheduledPeriod"] = {"end": step["by_when"]}
    owner = _enum(StepOwner, step.get("owner"))
    if owner == StepOwner.PERSON and not step.get("owner_name"):
        detail["performer"] = [patient_ref]
    elif owner == StepOwner.CARE_COORDINATOR and not step.get("owner_name"):
        detail["performer"] = [{"display": person.get("care_coordinator") or owner.label}]
    elif step.get("owner_name"):
        detail["performer"] = [{"display": step["owner_name"]}]
    elif owner is not None:
        detail["performer"] = [{"display": owner.label}]
    goal_uid = step.get("goal_uid")
    if goal_uid and _id(goal_uid, "goal") in goal_ids:
        detail["goal"] = [{"reference": f"urn:uuid:{_id(goal_uid, 'goal')}"}]
    activity: dict[str, Any] = {"detail": detail}
    if step.get("done_on"):
        activity["progress"] = [{"time": step["done_on"], "text": StepStatus.DONE.label}]
    return activity


def _care_plan_notes(document: dict[str, Any], patient_ref: dict[str, Any]) -> list[dict[str, Any]]:
    notes: list[dict[str, Any]] = []
    not_agreed = (document.get("plan") or {}).get("not_agreed")
    if not_agreed:
        notes.append(
            {
                "authorReference": patient_ref,
                "text": _("Not agreed, in the person's words: {text}").format(text=not_agreed),
            }
        )
    for note in document.get("notes") or []:
        section = _enum(PlanSection, note.get("section"))
        text = str(note.get("text") or "")
        if not text:
            continue
        annotation: dict[str, Any] = {
            "text": f"{section.label}: {text}" if section is not None else text
        }
        if _enum(Voice, note.get("voice")) == Voice.PERSON:
            annotation["authorReference"] = patient_ref
        if note.get("written_on"):
            annotation["time"] = note["written_on"]
        notes.append(annotation)
    for review in document.get("review_notes") or []:
        if not review.get("text"):
            continue
        annotation = {
            "text": _("Review: {text}").format(text=review["text"]),
            "time": review["reviewed_on"],
        }
        if review.get("written_by"):
            annotation["authorString"] = review["written_by"]
        notes.append(annotation)
    return notes


def _goal(goal: dict[str, Any], patient_ref: dict[str, Any]) -> dict[str, Any]:
    status = _enum(GoalStatus, goal.get("status")) or GoalStatus.ACTIVE
    goal_id = _id(goal.get("uid"), "goal")
    resource: dict[str, Any] = {
        "resourceType": "Goal",
        "id": goal_id,
        "identifier": [{"system": URI_SYSTEM, "value": f"urn:uuid:{goal_id}"}],
        "lifecycleStatus": GOAL_LIFECYCLE[status],
        "description": {"text": goal.get("what") or ""},
        "subject": patient_ref,
        "expressedBy": patient_ref,
    }
    if status in GOAL_ACHIEVEMENT:
        resource["achievementStatus"] = {
            "coding": [{"system": GOAL_ACHIEVEMENT_SYSTEM, "code": GOAL_ACHIEVEMENT[status]}],
            "text": status.label,
        }
    if status in (GoalStatus.CHANGED, GoalStatus.STOPPED):
        resource["statusReason"] = status.label
    kind = _enum(ActivityKind, goal.get("kind"))
    if kind is not None:
        resource["category"] = [{"text": kind.label}]
    if goal.get("by_when"):
        resource["target"] = [{"dueDate": goal["by_when"]}]
    notes = []
    if goal.get("why_it_matters"):
        notes.append(
            {
                "authorReference": patient_ref,
                "text": _("Why it matters, in the person's words: {text}").format(
                    text=goal["why_it_matters"]
                ),
            }
        )
    if goal.get("how_we_will_know"):
        notes.append({"text": _("How we will know: {text}").format(text=goal["how_we_will_know"])})
    if notes:
        resource["note"] = notes
    return resource


def _employment_status(outcome: dict[str, Any], patient_ref: dict[str, Any]) -> dict[str, Any]:
    status = EmploymentStatus(outcome["employment_status"])
    resource: dict[str, Any] = {
        "resourceType": "Observation",
        "id": _id(outcome.get("uid"), "outcome"),
        "status": "final",
        "category": [
            {
                "coding": [
                    {
                        "system": OBSERVATION_CATEGORY_SYSTEM,
                        "code": "social-history",
                        "display": "Social History",
                    }
                ]
            }
        ],
        "code": {
            "coding": [
                {
                    "system": LOINC_SYSTEM,
                    "code": EMPLOYMENT_STATUS_LOINC[0],
                    "display": EMPLOYMENT_STATUS_LOINC[1],
                }
            ],
            "text": _("Employment status"),
        },
        "subject": patient_ref,
        "effectiveDateTime": outcome["happened_on"],
        "valueCodeableConcept": {
            "coding": [
                {
                    "system": EMPLOYMENT_STATUS_SYSTEM,
                    "code": status.value,
                    "display": EMPLOYMENT_STATUS_DISPLAY[status],
                }
            ],
            "text": status.label,
        },
    }
    notes = []
    kind = _enum(OutcomeKind, outcome.get("kind"))
    if kind is not None and kind != OutcomeKind.STATUS_RECORDED:
        notes.append(kind.label)
    if outcome.get("organisation"):
        notes.append(str(outcome["organisation"]))
    if outcome.get("hours_per_week") is not None:
        notes.append(
            _("{hours} hours a week").format(hours=format_number(outcome["hours_per_week"]))
        )
    if outcome.get("description"):
        notes.append(str(outcome["description"]))
    if notes:
        resource["note"] = [{"text": " — ".join(notes)}]
    return resource


def _document_reference(
    document: dict[str, Any],
    pdf: bytes,
    patient_ref: dict[str, Any],
    care_plan_ref: dict[str, Any],
    now: datetime,
) -> dict[str, Any]:
    person = document["person"]
    plan = document.get("plan") or {}
    versions = document.get("versions") or []
    title = plan_title(person.get("framework"))
    agreed = _enum(PlanStatus, plan.get("status")) == PlanStatus.AGREED
    if versions:
        latest = versions[-1]
        number = latest.get("number", len(versions))
        if agreed:
            title = _("{title}, version {number} agreed on {date}").format(
                title=title,
                number=number,
                date=format_date(date.fromisoformat(str(latest["person_agreed_on"]))),
            )
        else:
            title = _("{title}, draft changes after version {number}").format(
                title=title, number=number
            )
    else:
        title = _("{title}, draft").format(title=title)
    digest = hashlib.sha1(pdf, usedforsecurity=False).digest()
    return {
        "resourceType": "DocumentReference",
        "id": str(uuid.uuid5(_ID_NAMESPACE, f"record-pdf/{plan.get('uid')}/{digest.hex()}")),
        "status": "current",
        "docStatus": "final" if agreed else "preliminary",
        "type": {
            "coding": [
                {
                    "system": LOINC_SYSTEM,
                    "code": PLAN_OF_CARE_NOTE_LOINC[0],
                    "display": PLAN_OF_CARE_NOTE_LOINC[1],
                }
            ],
            "text": plan_title(person.get("framework")),
        },
        "subject": patient_ref,
        "date": _instant(now),
        "description": title,
        "content": [
            {
                "attachment": {
                    "contentType": "application/pdf",
                    "language": PDF_LANGUAGES.get(current_language(), "en-GB"),
                    "data": base64.b64encode(pdf).decode("ascii"),
                    "size": len(pdf),
                    "hash": base64.b64encode(digest).decode("ascii"),
                    "title": title,
                    "creation": _instant(now),
                }
            }
        ],
        "context": {"related": [care_plan_ref]},
    }


# --- small pieces ----------------------------------------------------------------


def _id(uid: Any, kind: str) -> str:
    """A resource id from a VocPlan uid: the uid itself as a UUID when it is one."""
    text = str(uid or "")
    try:
        return str(uuid.UUID(hex=text))
    except ValueError:
        return str(uuid.uuid5(_ID_NAMESPACE, f"{kind}/{text}"))


def _reference(resource: dict[str, Any], display: str = "") -> dict[str, Any]:
    reference: dict[str, Any] = {"reference": f"urn:uuid:{resource['id']}"}
    if display:
        reference["display"] = display
    return reference


def _language(code: str) -> dict[str, Any]:
    return {"coding": [{"system": LANGUAGE_SYSTEM, "code": code}]}


def _instant(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _enum(kind: type[_Enum], value: Any) -> _Enum | None:
    """``value`` as a member of ``kind``; None when it is empty or not one of its values."""
    if value in (None, ""):
        return None
    try:
        return kind(value)
    except ValueError:
        return None


__all__ = [
    "EMPLOYMENT_STATUS_SYSTEM",
    "FHIR_VERSION",
    "NHS_NUMBER_SYSTEM",
    "bundle_from_document",
    "fhir_bundle",
    "plan_title",
]
