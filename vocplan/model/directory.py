"""The local directory of services a team refers people to."""

from __future__ import annotations

from sqlmodel import Field, SQLModel

from vocplan.domain.enums import ServiceKind
from vocplan.model.types import EnumText, new_uid


class DirectoryEntry(SQLModel, table=True):
    __tablename__ = "directory_entry"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, unique=True)
    name: str
    kind: ServiceKind = Field(default=ServiceKind.OTHER, sa_type=EnumText(ServiceKind))
    area: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    notes: str = ""
