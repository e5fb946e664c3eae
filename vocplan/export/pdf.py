"""The plan as PDF: the document for the care record, and an easy-read copy for the person.

Both read the plan through the services and build the PDF in memory; the
bytes are returned and nothing is written anywhere (personal data must not go
into temporary files). Both embed the shipped DejaVu Sans font, so Welsh and
Polish letters print, and carry on every page "Page x of y", the person's
name, the plan's version and a confidentiality line.

Metadata: the title is the document's title (named by the care-plan
framework), the author is "VocPlan", the subject says what kind of document
it is, and the language is the language VocPlan is showing (``en-GB``,
``cy-GB``, ``pl-PL``), which is the language of the document's own text.
The metadata names no one: file managers, indexes and viewers' title bars
show it more readily than the pages, and it is not needed to find the plan.

reportlab is only imported when a document is written, so importing this
module costs nothing at start-up.
"""

from __future__ import annotations

from datetime import date

from vocplan.export.pdf_facts import PlanFacts, gather
from vocplan.i18n import _
from vocplan.model.audit import AuditAction
from vocplan.services.audit import record_action
from vocplan.storage.database import Database

__all__ = ["easy_read_pdf", "record_pdf"]


def record_pdf(
    database: Database, person_id: int, *, today: date | None = None, audit: bool = True
) -> bytes:
    """The plan document for the care record, as PDF bytes.

    ``audit=False`` is for a caller that records the export itself (the FHIR bundle).
    """
    facts = gather(database, person_id, today or date.today())
    from vocplan.export.pdf_layout import Footer, Metadata, build, register_fonts
    from vocplan.export.pdf_record import record_story

    register_fonts()
    pdf = build(
        record_story(facts),
        footer=Footer(_identity(facts), font_size=7.5),
        metadata=Metadata(
            title=facts.title,
            subject=_(
                "A vocational plan for work, education, training or volunteering, made "
                "together by a person and their care team, for the care record."
            ),
        ),
    )
    if audit:
        record_action(database, AuditAction.EXPORT, person_id, "pdf")
    return pdf


def easy_read_pdf(database: Database, person_id: int, *, today: date | None = None) -> bytes:
    """The easy-read copy of the plan for the person, as PDF bytes."""
    facts = gather(database, person_id, today or date.today())
    from vocplan.export.pdf_easy_read import easy_read_story, easy_read_title
    from vocplan.export.pdf_layout import Footer, Metadata, build, register_fonts

    register_fonts()
    pdf = build(
        easy_read_story(facts),
        footer=Footer(_identity(facts), font_size=11),
        metadata=Metadata(
            title=easy_read_title(facts),
            subject=_(
                "An easy-read copy of a vocational plan, for the person it belongs to. It says "
                "the same as the plan on the care record."
            ),
        ),
    )
    record_action(database, AuditAction.EXPORT, person_id, "easy-read")
    return pdf


def _identity(facts: PlanFacts) -> str:
    return _("{name} — {version}").format(name=facts.person.full_name, version=facts.version_label)
