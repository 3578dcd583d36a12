"""The domain as SQLAlchemy 2 typed models. Constraints live in the schema.

Times are UTC instants (``UTCDateTime``) shown in the action's zone. Every edited table carries a
``version`` counter (``version_id_col``): it refuses lost updates in team mode and gives calendar
exports their SEQUENCE. Items exported to calendars carry a stable ``uid``.
"""

from __future__ import annotations

import unicodedata
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from app.domain.enums import ActionStatus, PropCondition, PropStatus, ReleaseStatus, values

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator):
    """Aware datetimes in, aware UTC datetimes out; stored naive UTC on every backend."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _uid() -> str:
    return str(uuid.uuid4())


def alias_key(alias: str) -> str:
    """Aliases compare after NFC normalisation, case folding and trimming, and without their
    invisible characters ("Cr\u200bow" was a second Crow, another phone number beside the
    same alias on every list and sheet)."""
    seen = "".join(ch for ch in alias if unicodedata.category(ch) != "Cf")
    return unicodedata.normalize("NFC", seen).strip().casefold()


def _in(column: str, enum) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values(enum))})"


class Settings(Base):
    """Organisation settings: one row (id = 1)."""

    __tablename__ = "settings"
    __table_args__ = (
        CheckConstraint("id = 1", name="single_row"),
        CheckConstraint("retention_days >= 0", name="retention_non_negative"),
        CheckConstraint("alarm_minutes >= 0", name="alarm_non_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, default=1)
    name: Mapped[str] = mapped_column(String(200), default="")
    logo: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    boilerplate: Mapped[str] = mapped_column(Text, default="")
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    retention_days: Mapped[int] = mapped_column(Integer, default=30)
    alarm_minutes: Mapped[int] = mapped_column(Integer, default=60)
    country: Mapped[str] = mapped_column(String(2), default="FR")
    end_mark: Mapped[str] = mapped_column(String(20), default="###")
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}


class Action(Base):
    __tablename__ = "action"
    __table_args__ = (
        CheckConstraint(_in("status", ActionStatus), name="status"),
        CheckConstraint("ends_at >= starts_at", name="ends_after_start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    message: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default=ActionStatus.PLANNED.value)
    timezone: Mapped[str] = mapped_column(String(64))
    country: Mapped[str] = mapped_column(String(2), default="")
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    location_name: Mapped[str] = mapped_column(String(300), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    meeting_point: Mapped[str] = mapped_column(Text, default="")
    latitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    longitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    route: Mapped[list] = mapped_column(JSON, default=list)
    languages: Mapped[list] = mapped_column(JSON, default=list)
    fallback_plan: Mapped[str] = mapped_column(Text, default="")
    safety_notes: Mapped[str] = mapped_column(Text, default="")
    decl_authority: Mapped[str] = mapped_column(String(300), default="")
    decl_sent_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    decl_received_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    decl_reference: Mapped[str] = mapped_column(String(200), default="")
    #: live mode (revision 0004_day): the cue being called now (a plain id, no foreign key:
    #: action and cue would reference each other; a deleted cue reads as "no live cue"),
    #: and since when a hold runs
    live_cue_id: Mapped[int | None] = mapped_column(Integer, nullable=True, default=None)
    live_paused_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    #: the debrief: what the organisers learned, kept after the purge
    lessons: Mapped[str] = mapped_column(Text, default="", server_default="")
    uid: Mapped[str] = mapped_column(String(64), default=_uid)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}

    contacts: Mapped[list[KeyContact]] = relationship(
        back_populates="action", cascade="all, delete-orphan", order_by="KeyContact.position"
    )
    roles: Mapped[list[Role]] = relationship(
        back_populates="action", cascade="all, delete-orphan", order_by="Role.id"
    )
    assignments: Mapped[list[Assignment]] = relationship(
        back_populates="action", cascade="all, delete-orphan", order_by="Assignment.id"
    )
    cues: Mapped[list[Cue]] = relationship(
        back_populates="action", cascade="all, delete-orphan", order_by="(Cue.starts_at, Cue.id)"
    )
    props: Mapped[list[Prop]] = relationship(
        back_populates="action", cascade="all, delete-orphan", order_by="Prop.id"
    )
    releases: Mapped[list[PressRelease]] = relationship(
        back_populates="action", cascade="all, delete-orphan", order_by="PressRelease.id"
    )
    tasks: Mapped[list[Task]] = relationship(
        back_populates="action", cascade="all, delete-orphan", order_by="Task.id"
    )
    incidents: Mapped[list[Incident]] = relationship(
        back_populates="action", cascade="all, delete-orphan", order_by="(Incident.at, Incident.id)"
    )
    coverage: Mapped[list[PressCoverage]] = relationship(
        back_populates="action", cascade="all, delete-orphan", order_by="PressCoverage.id"
    )
    media_contacts: Mapped[list[MediaContact]] = relationship(
        secondary="action_media_contact", order_by="MediaContact.id"
    )


class KeyContact(Base):
    """A phone number volunteers need (legal support, first aid). Not a participant."""

    __tablename__ = "key_contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("action.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    label: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(64), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}

    action: Mapped[Action] = relationship(back_populates="contacts")


class Participant(Base):
    """A person, organisation-wide. Only the alias is ever printed by default."""

    __tablename__ = "participant"

    id: Mapped[int] = mapped_column(primary_key=True)
    alias: Mapped[str] = mapped_column(String(100))
    alias_key: Mapped[str] = mapped_column(String(100), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(64), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    language: Mapped[str] = mapped_column(String(16), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    retain_until: Mapped[date | None] = mapped_column(Date, nullable=True)
    consent_given_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    consent_scope: Mapped[str] = mapped_column(Text, default="")
    consent_photos: Mapped[bool] = mapped_column(Boolean, default=False)
    purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}

    @property
    def has_personal_data(self) -> bool:
        return bool(self.full_name or self.phone or self.email or self.notes)

    @property
    def has_contact_details(self) -> bool:
        return bool(self.phone or self.email)


class Role(Base):
    __tablename__ = "role"
    __table_args__ = (
        UniqueConstraint("action_id", "key", name="uq_role_action_key"),
        CheckConstraint("needed >= 0", name="needed_non_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("action.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    needed: Mapped[int] = mapped_column(Integer, default=1)
    instructions: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}

    action: Mapped[Action] = relationship(back_populates="roles")


class Assignment(Base):
    __tablename__ = "assignment"
    __table_args__ = (
        UniqueConstraint("participant_id", "role_id", name="uq_assignment_person_role"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("action.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), index=True
    )
    role_id: Mapped[int] = mapped_column(ForeignKey("role.id", ondelete="CASCADE"), index=True)
    call_time: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    #: the organiser sent this person their volunteer pack (ticked by hand: nothing is sent)
    pack_sent: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    attended: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    #: when the steward checked this person in at the meeting point (revision 0004_day)
    attended_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    uid: Mapped[str] = mapped_column(String(64), default=_uid)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}

    action: Mapped[Action] = relationship(back_populates="assignments")
    participant: Mapped[Participant] = relationship()
    role: Mapped[Role] = relationship()


cue_role = Table(
    "cue_role",
    Base.metadata,
    Column("cue_id", ForeignKey("cue.id", ondelete="CASCADE"), primary_key=True),
    Column("role_id", ForeignKey("role.id", ondelete="CASCADE"), primary_key=True),
)
cue_participant = Table(
    "cue_participant",
    Base.metadata,
    Column("cue_id", ForeignKey("cue.id", ondelete="CASCADE"), primary_key=True),
    Column("participant_id", ForeignKey("participant.id", ondelete="CASCADE"), primary_key=True),
)
cue_prop = Table(
    "cue_prop",
    Base.metadata,
    Column("cue_id", ForeignKey("cue.id", ondelete="CASCADE"), primary_key=True),
    Column("prop_id", ForeignKey("prop.id", ondelete="CASCADE"), primary_key=True),
)
prop_carrier = Table(
    "prop_carrier",
    Base.metadata,
    Column("prop_id", ForeignKey("prop.id", ondelete="CASCADE"), primary_key=True),
    Column("participant_id", ForeignKey("participant.id", ondelete="CASCADE"), primary_key=True),
)
action_media_contact = Table(
    "action_media_contact",
    Base.metadata,
    Column("action_id", ForeignKey("action.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "media_contact_id", ForeignKey("media_contact.id", ondelete="CASCADE"), primary_key=True
    ),
)


class Cue(Base):
    """One item of the run of show. A chained cue names the cue it follows (``follows_id``)
    and starts when that one ends; an unchained cue keeps its own start and moves no other.
    The ``chained`` column before revision 0003_edits is kept, unread, as ``legacy_chained``."""

    __tablename__ = "cue"
    __table_args__ = (
        UniqueConstraint("action_id", "key", name="uq_cue_action_key"),
        CheckConstraint("minutes >= 1", name="minutes_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("action.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(64))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    minutes: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    place: Mapped[str] = mapped_column(String(300), default="")
    instructions: Mapped[str] = mapped_column(Text, default="")
    legacy_chained: Mapped[bool] = mapped_column("chained", Boolean, default=False)
    follows_id: Mapped[int | None] = mapped_column(
        ForeignKey("cue.id", ondelete="SET NULL", name="fk_cue_follows_id_cue"),
        index=True,
        default=None,
    )
    #: a moment that makes pictures (the coffin carried, the wreath laid): on the media advisory
    photo_opportunity: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    #: live mode (revision 0004_day): when the caller actually started and ended this cue
    actual_start: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    actual_end: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    #: live mode (revision 0005_live): seconds of holds ("police stopped the cortège") while
    #: this cue ran; the projection of later cues adds them, planned times stay as they are
    held_seconds: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    uid: Mapped[str] = mapped_column(String(64), default=_uid)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}

    action: Mapped[Action] = relationship(back_populates="cues")
    follows: Mapped[Cue | None] = relationship(remote_side=[id], foreign_keys=[follows_id])
    roles: Mapped[list[Role]] = relationship(secondary=cue_role, order_by="Role.id")
    participants: Mapped[list[Participant]] = relationship(
        secondary=cue_participant, order_by="Participant.id"
    )
    props: Mapped[list[Prop]] = relationship(secondary=cue_prop, order_by="Prop.id")

    @property
    def ends_at(self) -> datetime:
        from datetime import timedelta

        return self.starts_at + timedelta(minutes=self.minutes)

    @property
    def chained(self) -> bool:
        return self.follows_id is not None


class Prop(Base):
    __tablename__ = "prop"
    __table_args__ = (
        UniqueConstraint("action_id", "key", name="uq_prop_action_key"),
        CheckConstraint("quantity >= 0", name="quantity_non_negative"),
        CheckConstraint(_in("status", PropStatus), name="status"),
        CheckConstraint("cost IS NULL OR cost >= 0", name="cost_non_negative"),
        CheckConstraint(_in("condition", PropCondition), name="condition"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("action.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(300))
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(16), default=PropStatus.NEEDED.value)
    cost: Mapped[Decimal | None] = mapped_column(Numeric(12, 2), nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    #: how it came back (the debrief, revision 0004_day): "", intact, damaged or lost
    condition: Mapped[str] = mapped_column(
        String(16), default=PropCondition.UNKNOWN.value, server_default=""
    )
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}

    action: Mapped[Action] = relationship(back_populates="props")
    carriers: Mapped[list[Participant]] = relationship(
        secondary=prop_carrier, order_by="Participant.id"
    )


class PressRelease(Base):
    __tablename__ = "press_release"
    __table_args__ = (
        UniqueConstraint("action_id", "key", name="uq_press_release_action_key"),
        CheckConstraint(_in("status", ReleaseStatus), name="status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("action.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(64))
    language: Mapped[str] = mapped_column(String(16))
    headline: Mapped[str] = mapped_column(String(500))
    subheadline: Mapped[str] = mapped_column(Text, default="")
    dateline: Mapped[str] = mapped_column(String(200), default="")
    release_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    embargo_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    body: Mapped[str] = mapped_column(Text, default="")
    boilerplate: Mapped[str] = mapped_column(Text, default="")
    #: "Notes to editors": background for journalists, printed after the end mark
    notes_to_editors: Mapped[str] = mapped_column(Text, default="", server_default="")
    status: Mapped[str] = mapped_column(String(16), default=ReleaseStatus.DRAFT.value)
    translation_of_id: Mapped[int | None] = mapped_column(
        ForeignKey("press_release.id", ondelete="SET NULL"), nullable=True
    )
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}

    action: Mapped[Action] = relationship(back_populates="releases")
    translation_of: Mapped[PressRelease | None] = relationship(remote_side="PressRelease.id")
    quotes: Mapped[list[Quote]] = relationship(
        cascade="all, delete-orphan", order_by="Quote.position"
    )
    press_contacts: Mapped[list[PressContact]] = relationship(
        cascade="all, delete-orphan", order_by="PressContact.position"
    )


class MediaAdvisory(Base):
    """The media advisory of an action in one language. Each section left empty is written
    from the plan at export time; text typed into a section replaces that default."""

    __tablename__ = "media_advisory"
    __table_args__ = (UniqueConstraint("action_id", "language", name="uq_media_advisory_lang"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("action.id", ondelete="CASCADE"), index=True)
    language: Mapped[str] = mapped_column(String(16))
    headline: Mapped[str] = mapped_column(String(500), default="")
    what: Mapped[str] = mapped_column(Text, default="")
    when_text: Mapped[str] = mapped_column(Text, default="")
    where_text: Mapped[str] = mapped_column(Text, default="")
    who: Mapped[str] = mapped_column(Text, default="")
    photo: Mapped[str] = mapped_column(Text, default="")
    contact: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}

    action: Mapped[Action] = relationship()


class Quote(Base):
    __tablename__ = "quote"

    id: Mapped[int] = mapped_column(primary_key=True)
    release_id: Mapped[int] = mapped_column(
        ForeignKey("press_release.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    speaker: Mapped[str] = mapped_column(String(200), default="")
    text: Mapped[str] = mapped_column(Text)


class PressContact(Base):
    __tablename__ = "press_contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    release_id: Mapped[int] = mapped_column(
        ForeignKey("press_release.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    label: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(64), default="")
    email: Mapped[str] = mapped_column(String(254), default="")


class MediaContact(Base):
    """A journalist or desk (personal data). Organisation-wide; an action has a media list."""

    __tablename__ = "media_contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    outlet: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(64), default="")
    language: Mapped[str] = mapped_column(String(16), default="")
    beat: Mapped[str] = mapped_column(String(200), default="")
    retain_until: Mapped[date | None] = mapped_column(Date, nullable=True)
    purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}


class ReleaseSend(Base):
    """The 'sent to' log of a release."""

    __tablename__ = "release_send"

    id: Mapped[int] = mapped_column(primary_key=True)
    release_id: Mapped[int] = mapped_column(
        ForeignKey("press_release.id", ondelete="CASCADE"), index=True
    )
    media_contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("media_contact.id", ondelete="SET NULL"), nullable=True
    )
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime)
    note: Mapped[str] = mapped_column(Text, default="")


class Task(Base):
    __tablename__ = "task"

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("action.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    due: Mapped[date | None] = mapped_column(Date, nullable=True)
    assignee_id: Mapped[int | None] = mapped_column(
        ForeignKey("participant.id", ondelete="SET NULL"), nullable=True
    )
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    uid: Mapped[str] = mapped_column(String(64), default=_uid)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}

    action: Mapped[Action] = relationship(back_populates="tasks")
    assignee: Mapped[Participant | None] = relationship()


class Incident(Base):
    """One line of the day's log (time + text), written by the caller in live mode."""

    __tablename__ = "incident"

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("action.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    cue_id: Mapped[int | None] = mapped_column(
        ForeignKey("cue.id", ondelete="SET NULL"), nullable=True, default=None
    )
    text: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}

    action: Mapped[Action] = relationship(back_populates="incidents")


class PressCoverage(Base):
    """A piece of press coverage the action got (the debrief): outlet, link or note, date."""

    __tablename__ = "press_coverage"

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("action.id", ondelete="CASCADE"), index=True)
    outlet: Mapped[str] = mapped_column(String(200))
    link: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    published_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}

    action: Mapped[Action] = relationship(back_populates="coverage")


EDITED_ENTITIES = {
    "action": Action,
    "role": Role,
    "participant": Participant,
    "assignment": Assignment,
    "cue": Cue,
    "prop": Prop,
    "release": PressRelease,
    "task": Task,
    "media_contact": MediaContact,
    "settings": Settings,
    "incident": Incident,
    "coverage": PressCoverage,
}
