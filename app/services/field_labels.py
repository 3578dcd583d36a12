"""Every edited field's name as a person reads it ("Due date", not ``due``), for the messages
that name a field: the conflict dialog's rows and the command line's errors ("Titel: ist
erforderlich", not "title: is required")."""

from __future__ import annotations

from app.i18n import N_, _

FIELD_LABELS = {
    "title": N_("Title"),
    "name": N_("Name"),
    "alias": N_("Alias"),
    "headline": N_("Headline"),
    "starts_at": N_("Start"),
    "ends_at": N_("End"),
    "minutes": N_("Duration (minutes)"),
    "place": N_("Place"),
    "instructions": N_("Instructions"),
    "follows_id": N_("Follows"),
    "role_ids": N_("Roles"),
    "participant_ids": N_("People"),
    "prop_ids": N_("Props"),
    "carrier_ids": N_("Carried by"),
    "status": N_("Status"),
    "quantity": N_("Quantity"),
    "cost": N_("Cost"),
    "notes": N_("Notes"),
    "needed": N_("Needed"),
    "due": N_("Due date"),
    "done": N_("Done"),
    "message": N_("Message"),
    "description": N_("Description"),
    "location_name": N_("Location"),
    "address": N_("Address"),
    "meeting_point": N_("Meeting point"),
    "body": N_("Text"),
    "quotes": N_("Quotes"),
    "phone": N_("Phone"),
    "email": N_("E-mail"),
    "full_name": N_("Full name"),
    "call_time": N_("Call time"),
    "confirmed": N_("Confirmed"),
    "attended": N_("Attended"),
    "slug": N_("Slug"),
    "key": N_("Key"),
    "label": N_("Label"),
    "timezone": N_("Time zone"),
    "country": N_("Country"),
    "languages": N_("Languages"),
    "language": N_("Language"),
    "route": N_("Route"),
    "latitude": N_("Latitude"),
    "longitude": N_("Longitude"),
    "fallback_plan": N_("Fallback plan"),
    "safety_notes": N_("Safety notes"),
    "decl_authority": N_("Declaration authority"),
    "decl_sent_on": N_("Declaration sent on"),
    "decl_received_on": N_("Declaration received on"),
    "decl_reference": N_("Declaration reference"),
    "subheadline": N_("Subheadline"),
    # Translators: the place at the start of a press release ("PARIS —"), not the date.
    "dateline": N_("Dateline place"),
    "release_at": N_("Release time"),
    "embargo_until": N_("Embargo until"),
    "boilerplate": N_("Boilerplate"),
    "press_contacts": N_("Press contacts"),
    "translation_of_id": N_("Translation of"),
    "assignee_id": N_("Assignee"),
    "retain_until": N_("Keep personal data until"),
    "consent_given_on": N_("Consent given on"),
    "consent_scope": N_("Consent scope"),
    "consent_photos": N_("Consent to photos"),
    "outlet": N_("Outlet"),
    # Translators: the topic a journalist covers (their "beat"), not a rhythm.
    "beat": N_("Beat (topic covered)"),
}


def field_label(name: str, *, readable: bool = True) -> str:
    """``name``'s label in the UI language. An unknown name is made readable ("start_at" →
    "Start at"), or with ``readable=False`` kept as it is (the command line's own names:
    ``--db``, ``SLUG``, ``lang``)."""
    if name in FIELD_LABELS:
        return _(FIELD_LABELS[name])
    if not readable:
        return name
    return name.replace("_ids", "").replace("_", " ").capitalize()
