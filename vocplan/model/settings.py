"""Settings for the whole set-up, chosen by an administrator."""

from __future__ import annotations

from sqlmodel import Field, SQLModel


class AppSetting(SQLModel, table=True):
    __tablename__ = "app_setting"

    name: str = Field(primary_key=True)
    value: str
