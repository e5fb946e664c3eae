"""Adding, finding and listing people."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from vocplan.domain import nhs_number
from vocplan.domain.dates import date_of_birth_problem, parse_date
from vocplan.domain.enums import CarePlanFramework, PlanStatus
from vocplan.domain.errors import NotFoundError, ValidationError
from vocplan.i18n import _
from vocplan.model import SINGLE_PARTS, AuditAction, Person, Plan
from vocplan.model.types import utcnow
from vocplan.services.audit import record
from vocplan.storage.database import Database

MAX_NAME_LENGTH = 200


@dataclass
class PersonInput:
    """A person as typed into the form or the command line: text, checked before saving."""

    full_name: str
    preferred_name: str = ""
    date_of_birth: str = ""
    nhs_number: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    care_coordinator: str = ""
    team: str = ""
    framework: str = CarePlanFramework.CARE_AND_SUPPORT_PLAN.value
    language: str = "en"


@dataclass(frozen=True)
class PersonSummary:
    id: int
    full_name: str
    preferred_name: str
    date_of_birth: date | None
    nhs_number: str | None
    care_coordinator: str
    team: str
    framework: CarePlanFramework
    plan_status: PlanStatus
    next_review_date: date | None
    is_demo: bool

    @property
    def display_name(self) -> str:
        return self.preferred_name or self.full_name


def validate_person(entry: PersonInput, today: date | None = None) -> dict[str, object]:
    """The values to store for ``entry``; raises ValidationError naming every bad field."""
    today = today or date.today()
    errors: dict[str, str] = {}
    values: dict[str, object] = {}

    full_name = " ".join(entry.full_name.split())
    if not full_name:
        errors["full_name"] = _("Type the person's name.")
    elif len(full_name) > MAX_NAME_LENGTH:
        errors["full_name"] = _("The name is too long (200 letters at most).")
    values["full_name"] = full_name
    values["preferred_name"] = " ".join(entry.preferred_name.split())

    values["date_of_birth"] = None
    if entry.date_of_birth.strip():
        try:
            born = parse_date(entry.date_of_birth)
        except ValueError as problem:
            errors["date_of_birth"] = str(problem)
        else:
            reason = date_of_birth_problem(born, today)
            if reason:
                errors["date_of_birth"] = reason
            values["date_of_birth"] = born

    values["nhs_number"] = None
    if entry.nhs_number.strip():
        digits = nhs_number.normalise(entry.nhs_number)
        if len(digits) != 10 or not digits.isdigit():
            errors["nhs_number"] = _("An NHS number has 10 digits.")
        elif not nhs_number.is_valid(digits):
            errors["nhs_number"] = _(
                "This is not a valid NHS number: the last digit does not match. Check each digit."
            )
        values["nhs_number"] = digits

    email = entry.email.strip()
    if email and ("@" not in email or " " in email):
        errors["email"] = _("This does not look like an email address.")
    values["email"] = email

    try:
        values["framework"] = CarePlanFramework(entry.framework)
    except ValueError:
        errors["framework"] = _("Choose which care plan this plan belongs to.")

    for name in ("phone", "address", "care_coordinator", "team", "language"):
        values[name] = getattr(entry, name).strip()
    if errors:
        raise ValidationError(errors)
    return values


def add_person(
    database: Database, entry: PersonInput, *, is_demo: bool = False, today: date | None = None
) -> PersonSummary:
    """Save a new person with an empty draft plan. Nothing is saved if any field is wrong."""
    values = validate_person(entry, today)
    with database.transaction() as session:
        person = Person(**values, is_demo=is_demo)  # type: ignore[arg-type]
        session.add(person)
        session.flush()
        assert person.id is not None
        plan = create_empty_plan(session, person.id)
        record(session, AuditAction.CHANGE, person.uid, "person added")
        return _summary(person, plan)


def update_person(
    database: Database, person_id: int, entry: PersonInput, *, today: date | None = None
) -> PersonSummary:
    """Save changed details of a person; every field is checked as when adding."""
    values = validate_person(entry, today)
    with database.transaction() as session:
        person = session.get(Person, person_id)
        if person is None:
            raise NotFoundError(_("That person is no longer in VocPlan."))
        for name, value in values.items():
            setattr(person, name, value)
        person.updated_at = utcnow()
        session.add(person)
        record(session, AuditAction.CHANGE, person.uid, "person")
        plan = session.exec(select(Plan).where(col(Plan.person_id) == person_id)).one()
        return _summary(person, plan)


def person_input(database: Database, person_id: int) -> PersonInput:
    """A person's details as the form shows them, for editing."""
    with database.reading() as session:
        person = session.get(Person, person_id)
        if person is None:
            raise NotFoundError(_("That person is no longer in VocPlan."))
        return PersonInput(
            full_name=person.full_name,
            preferred_name=person.preferred_name,
            date_of_birth=person.date_of_birth.strftime("%d/%m/%Y") if person.date_of_birth else "",
            nhs_number=nhs_number.formatted(person.nhs_number) if person.nhs_number else "",
            phone=person.phone,
            email=person.email,
            address=person.address,
            care_coordinator=person.care_coordinator,
            team=person.team,
            framework=CarePlanFramework(person.framework).value,
            language=person.language,
        )


def create_empty_plan(session: Session, person_id: int) -> Plan:
    plan = Plan(person_id=person_id)
    session.add(plan)
    session.flush()
    assert plan.id is not None
    for part in SINGLE_PARTS.values():
        session.add(part(plan_id=plan.id))
    return plan


def list_people(database: Database) -> list[PersonSummary]:
    """Everyone, by name."""
    with database.reading() as session:
        rows = session.exec(
            select(Person, Plan)
            .join(Plan, col(Plan.person_id) == col(Person.id))
            .order_by(col(Person.full_name), col(Person.id))
        ).all()
        return [_summary(person, plan) for person, plan in rows]


def get_person(database: Database, person_id: int) -> PersonSummary:
    with database.reading() as session:
        row = session.exec(
            select(Person, Plan)
            .join(Plan, col(Plan.person_id) == col(Person.id))
            .where(col(Person.id) == person_id)
        ).first()
        if row is None:
            raise NotFoundError(_("That person is no longer in VocPlan."))
        return _summary(*row)


def find_person(database: Database, reference: str) -> PersonSummary:
    """A person by id or by exact full name, as ``vocplan people`` shows them."""
    reference = reference.strip()
    if reference.isdigit():
        return get_person(database, int(reference))
    matches = [person for person in list_people(database) if person.full_name == reference]
    if not matches:
        raise NotFoundError(_("Nobody in VocPlan has that name. 'vocplan people' lists everyone."))
    if len(matches) > 1:
        raise NotFoundError(
            _("More than one person has that name. Use their number from 'vocplan people'.")
        )
    return matches[0]


def delete_person(database: Database, person_id: int) -> None:
    """Remove a person and everything in their plan; the audit keeps only their uid."""
    with database.transaction() as session:
        person = session.get(Person, person_id)
        if person is None:
            raise NotFoundError(_("That person is no longer in VocPlan."))
        uid = person.uid
        record(session, AuditAction.DELETE, uid)
        session.delete(person)
    from vocplan.storage.erase import erase_leftovers

    erase_leftovers(database, uid)


def _summary(person: Person, plan: Plan) -> PersonSummary:
    assert person.id is not None
    return PersonSummary(
        id=person.id,
        full_name=person.full_name,
        preferred_name=person.preferred_name,
        date_of_birth=person.date_of_birth,
        nhs_number=person.nhs_number,
        care_coordinator=person.care_coordinator,
        team=person.team,
        framework=CarePlanFramework(person.framework),
        plan_status=PlanStatus(plan.status),
        next_review_date=plan.next_review_date,
        is_demo=person.is_demo,
    )
