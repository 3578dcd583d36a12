"""The demo action: the funeral for privacy outside the Père-Lachaise cemetery, planned in full.

Built as a bundle and imported through the same path as any bundle. It is left with a few
problems for the newcomer to fix: the wreath has no carrier, Raven and Finch (who refused
photos) are in photo opportunities, the English release is a draft, and (when the window is
open) the declaration has not been received yet.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.orm import Session

from app.i18n import ui_language
from app.services.bundle_read import ImportResult, import_bundle
from app.services.demo_texts import demo_texts

PEOPLE = [
    # key, alias, full name, language, photos ok
    ("crow", "Crow", "Camille Martin", "fr", True),
    ("heron", "Heron", "Lucas Bernard", "fr", True),
    ("raven", "Raven", "Nadia Haddad", "fr", False),
    ("starling", "Starling", "Jonas Weber", "de", True),
    ("wren", "Wren", "Élise Fournier", "fr", True),
    ("lark", "Lark", "Inès Moreau", "fr", True),
    ("finch", "Finch", "Hugo Lefèvre", "fr", False),
    ("kestrel", "Kestrel", "Eleni Papadopoulou", "el", True),
    ("robin", "Robin", "Chloé Girard", "fr", True),
    ("owl", "Owl", "Marianne Roux", "fr", True),
    ("magpie", "Magpie", "Sarah O'Connor", "en", True),
    ("swift", "Swift", "Tom Baker", "en", True),
    ("jay", "Jay", "Karim Benali", "fr", True),
    ("sparrow", "Sparrow", "Paul Mercier", "fr", True),
    ("nightjar", "Nightjar", "Aïcha Diallo", "fr", True),
]

ROLES = [
    (
        "pallbearer",
        "Pallbearer",
        4,
        "Black suit, white gloves. Walk slowly, in step. "
        "Carry the coffin from the hearse to the parlour and back.",
    ),
    (
        "mourner",
        "Mourner",
        5,
        "Dress in black. Stand behind the coffin, silent and dignified. Hold the order of service.",
    ),
    (
        "speaker",
        "Speaker",
        1,
        "Deliver the eulogy for privacy. Keep to 8 minutes. Then answer journalists' questions.",
    ),
    (
        "press",
        "Press officer",
        1,
        "Meet photographers at the gate, hand out the release, "
        "arrange interviews with the speaker.",
    ),
    (
        "steward",
        "Steward",
        2,
        "Orange armband. Keep the pavement clear for passers-by; "
        "hold the banner during the photo call.",
    ),
    ("driver", "Hearse driver", 1, "Park at the gate at 09:45 sharp; stay with the hearse."),
    (
        "liaison",
        "Police liaison",
        1,
        "The only person who speaks to officers. Carry the declaration receipt.",
    ),
]

ASSIGN = [
    ("crow", "pallbearer", "09:15"),
    ("heron", "pallbearer", "09:15"),
    ("raven", "pallbearer", "09:15"),
    ("starling", "pallbearer", "09:15"),
    ("wren", "mourner", "09:20"),
    ("lark", "mourner", "09:20"),
    ("finch", "mourner", "09:20"),
    ("kestrel", "mourner", "09:20"),
    ("robin", "mourner", "09:20"),
    ("owl", "speaker", "09:45"),
    ("magpie", "press", "09:00"),
    ("swift", "steward", "09:00"),
    ("jay", "steward", "09:00"),
    ("sparrow", "driver", "09:15"),
    ("nightjar", "liaison", "09:00"),
]

PROPS = [
    (
        "hearse",
        "Hearse",
        1,
        "ready",
        ["sparrow"],
        "180.00",
        "Rented from Pompes funèbres Roux; return by 13:00.",
    ),
    (
        "coffin",
        "Coffin marked PRIVACY",
        1,
        "ready",
        ["crow", "heron"],
        "35.00",
        "Borrowed from the theatre group.",
    ),
    (
        "banner",
        "Banner “We do not bury privacy. No to facial recognition”",
        1,
        "ready",
        ["swift", "jay"],
        "60.00",
        "3 m × 1 m, two poles.",
    ),
    (
        "wreath",
        "Wreath “Rest in Peace Privacy”",
        1,
        "ready",
        [],
        "45.00",
        "Collect from the florist on rue de la Roquette.",
    ),
    ("armbands", "Black armbands", 20, "ready", ["wren"], "12.00", ""),
    (
        "leaflets",
        "Order of service leaflets",
        200,
        "ready",
        ["lark"],
        "40.00",
        "Printed; hand to passers-by and press.",
    ),
    ("megaphone", "Megaphone", 1, "ready", ["owl"], None, "Check the batteries."),
]

# The moments that make pictures: flagged for the media advisory.
PHOTO_CUES = {"banner", "carry", "wreath", "photo"}
SCHEDULE = [
    (
        "gather",
        "09:30",
        15,
        "Mourners gather in black",
        "Main gate",
        "Put on armbands; stand in two rows behind the hearse space.",
        ["mourner", "steward"],
        [],
        ["armbands"],
    ),
    (
        "hearse",
        "09:45",
        10,
        "Hearse parks at the gate",
        "Boulevard de Ménilmontant",
        "Open the rear door only when the pallbearers are in place.",
        ["pallbearer", "driver"],
        [],
        ["hearse", "coffin"],
    ),
    (
        "banner",
        "09:55",
        5,
        "Banner unrolled",
        "Pavement by the gate",
        "",
        ["steward"],
        [],
        ["banner"],
    ),
    (
        "carry",
        "10:00",
        10,
        "Coffin carried to the funeral parlour",
        "Pavement by the gate",
        "Slow step, four abreast.",
        ["pallbearer"],
        [],
        ["coffin"],
    ),
    (
        "eulogy",
        "10:10",
        10,
        "Eulogy for privacy",
        "Funeral parlour",
        "Megaphone on low volume.",
        ["speaker"],
        [],
        ["megaphone"],
    ),
    (
        "wreath",
        "10:20",
        5,
        "Wreath laid on the coffin",
        "Funeral parlour",
        "",
        ["mourner"],
        [],
        ["wreath"],
    ),
    (
        "photo",
        "10:25",
        15,
        "Photo call for the press",
        "Funeral parlour",
        "Faces of those who do not want to be photographed stay behind the banner.",
        ["pallbearer", "mourner", "press", "steward"],  # the stewards hold the banner
        [],
        ["banner", "coffin"],
    ),
    (
        "interviews",
        "10:40",
        15,
        "Interviews with journalists",
        "Corner of rue de la Roquette",
        "",
        ["speaker", "press"],
        [],
        [],
    ),
    (
        "silence",
        "10:55",
        15,
        "Minute of silence, mourners disperse",
        "Funeral parlour",
        "",
        ["mourner"],
        [],
        [],
    ),
    (
        "packup",
        "11:10",
        20,
        "Pack up and disperse",
        "Main gate",
        "Leave nothing behind. Leave in small groups.",
        ["pallbearer", "steward", "driver"],
        [],
        ["coffin", "hearse", "banner"],
    ),
    (
        "liaison",
        "09:30",
        120,
        "Police liaison on duty",
        "Main gate",
        "Stay visible near the gate.",
        ["liaison"],
        [],
        [],
    ),
]

FR_BODY = (
    "Ce matin, une vingtaine de personnes en noir ont porté un cercueil marqué « vie "
    "privée » devant le cimetière du Père-Lachaise, pour dénoncer la **vidéosurveillance "
    "algorithmique** autorisée à titre « expérimental » pour les Jeux olympiques.\n\n"
    "Nous demandons l'abandon de l'expérimentation et l'interdiction de la reconnaissance "
    "faciale dans l'espace public."
)
EN_BODY = (
    "This morning some twenty people in black carried a coffin marked “privacy” outside the "
    "Père-Lachaise cemetery, to denounce the **AI-enhanced video surveillance** authorised "
    "as an “experiment” for the Olympic Games.\n\n"
    "We call for the experiment to end and for facial recognition to be banned in public "
    "spaces."
)


def demo_bundle(on: date, *, today: date | None = None, language: str | None = None) -> dict:
    """The demo as a bundle dict, dated ``on`` (times are wall-clock in Europe/Paris), written
    in ``language`` (default: the UI language; one of ``demo_texts.TEXTS``, else English)."""
    bundle = _english_bundle(on, today=today)
    texts = demo_texts(language or ui_language())
    if texts is not None:
        _in_language(bundle, texts)
    return bundle


def _in_language(bundle: dict, texts: dict) -> None:
    """Replace the English words of ``bundle`` by ``texts`` (demo_texts.py); nothing else."""
    action = bundle["action"]
    for name in ("title", "message", "description", "fallback_plan", "safety_notes"):
        action[name] = texts[name]
    action["location"]["meeting_point"] = texts["meeting_point"]
    for contact, label in zip(action["contacts"], texts["contacts"], strict=True):
        contact["label"] = label
    for role in bundle["roles"]:
        role["name"], role["instructions"] = texts["roles"][role["key"]]
    for person in bundle["participants"]:
        person["consent"]["scope"] = texts["consent_scope"]
    for prop in bundle["props"]:
        prop["name"], prop["notes"] = texts["props"][prop["key"]]
    for cue in bundle["schedule"]:
        cue["title"], cue["place"], cue["instructions"] = texts["cues"][cue["key"]]
    for task, title in zip(bundle["tasks"], texts["tasks"], strict=True):
        task["title"] = title
    for media in bundle["media_contacts"]:
        if media["language"] == "en":
            media["beat"] = texts["media_beat"]
    release = texts["release"]
    if release is not None:  # the translation of the French release, in this language
        lang = release["language"]
        action["languages"] = ["fr", lang]
        draft = bundle["press_releases"][1]
        draft.update(
            key=f"pr-{lang}",
            language=lang,
            headline=release["headline"],
            subheadline=release["subheadline"],
            dateline=release["dateline"],  # the city as that language writes it
            body=release["body"],
            quotes=[{"speaker": release["speaker"], "text": release["quote"]}],
            press_contacts=[
                {
                    "label": release["contact_label"],
                    "phone": "+33 1 00 00 00 00",
                    "email": release["contact_email"],
                }
            ],
        )


def _english_bundle(on: date, *, today: date | None = None) -> dict:
    today = today or date.today()
    d = on.isoformat()

    def t(hhmm: str) -> str:
        return f"{d}T{hhmm}"

    def day(offset: int) -> str:
        return (on + timedelta(days=offset)).isoformat()

    received = on - timedelta(days=7)
    declaration = {
        "authority": "Préfecture de police",
        "sent_on": None,
        "received_on": None,
        "reference": "",
    }
    if received <= today:
        declaration.update(
            sent_on=(received - timedelta(days=1)).isoformat(),
            received_on=received.isoformat(),
            reference="DM-0142",
        )
    return {
        "format": "cortege.bundle",
        "version": 1,
        "action": {
            "slug": "funeral-for-privacy",
            "title": "Funeral for privacy at Père-Lachaise",
            "message": "We do not bury privacy. No to facial recognition.",
            "description": "Mock funeral outside the cemetery gate against AI video "
            "surveillance: a hearse, a coffin marked PRIVACY, pallbearers and "
            "mourners in black, a eulogy and a photo call for the press.",
            "status": "confirmed",
            "timezone": "Europe/Paris",
            "country": "FR",
            "starts_at": t("09:30"),
            "ends_at": t("11:30"),
            "location": {
                "name": "Cimetière du Père-Lachaise",
                "address": "16 rue du Repos, 75020 Paris",
                "meeting_point": "Boulevard de Ménilmontant, main gate",
                "latitude": 48.8614,
                "longitude": 2.3933,
            },
            "route": ["Boulevard de Ménilmontant", "Rue de la Roquette"],
            "languages": ["fr", "en"],
            "fallback_plan": "If the pavement at the gate is blocked, hold the funeral at the "
            "corner of rue de la Roquette.",
            "safety_notes": "Stay on the pavement. Let the police liaison speak to officers. "
            "Do not carry ID you do not need.",
            "contacts": [
                {"label": "Legal support", "phone": "+33 1 40 00 00 00"},
                {"label": "First aid", "phone": "+33 6 00 00 00 01"},
                {"label": "Organiser on duty", "phone": "+33 6 00 00 00 02"},
            ],
            "declaration": declaration,
        },
        "roles": [
            {"key": k, "name": n, "needed": need, "instructions": ins} for k, n, need, ins in ROLES
        ],
        "participants": [
            {
                "key": k,
                "alias": a,
                "full_name": name,
                "phone": f"+33 6 00 00 {10 + i:02d} {i:02d}",
                "email": f"{k}@example.org",
                "language": lang,
                "notes": "",
                "consent": {
                    "given_on": day(-20),
                    "scope": "contact for this action",
                    "photos": photos,
                },
            }
            for i, (k, a, name, lang, photos) in enumerate(PEOPLE)
        ],
        "assignments": [
            {"participant": p, "role": r, "call_time": t(c), "confirmed": True, "attended": None}
            for p, r, c in ASSIGN
        ],
        "props": [
            {
                "key": k,
                "name": n,
                "quantity": q,
                "status": s,
                "carried_by": by,
                "cost": cost,
                "notes": notes,
            }
            for k, n, q, s, by, cost, notes in PROPS
        ],
        "schedule": [
            {
                "key": k,
                "starts_at": t(s),
                "minutes": mins,
                "title": title,
                "place": place,
                "instructions": ins,
                "roles": roles,
                "participants": people,
                "props": props,
            }
            | ({"photo_opportunity": True} if k in PHOTO_CUES else {})
            for k, s, mins, title, place, ins, roles, people, props in SCHEDULE
        ],
        "press_releases": [
            {
                "key": "pr-fr",
                "language": "fr",
                "headline": "Funérailles de la vie privée au Père-Lachaise",
                "subheadline": "Des militants enterrent symboliquement la vie privée contre la "
                "vidéosurveillance algorithmique des JO",
                "dateline": "Paris",
                "release_at": t("08:00"),
                "embargo_until": t("09:30"),
                "body": FR_BODY,
                "quotes": [
                    {
                        "speaker": "Owl, porte-parole",
                        "text": "Nous n'enterrerons pas la vie privée sans nous battre.",
                    }
                ],
                "boilerplate": "",
                "press_contacts": [
                    {
                        "label": "Service de presse",
                        "phone": "+33 1 00 00 00 00",
                        "email": "presse@example.org",
                    }
                ],
                "status": "approved",
                "translation_of": None,
            },
            {
                "key": "pr-en",
                "language": "en",
                "headline": "Funeral for privacy at Père-Lachaise",
                "subheadline": "Activists symbolically bury privacy to protest against AI video "
                "surveillance at the Olympics",
                "dateline": "Paris",
                "release_at": t("08:00"),
                "embargo_until": t("09:30"),
                "body": EN_BODY,
                "quotes": [
                    {
                        "speaker": "Owl, spokesperson",
                        "text": "We will not let privacy be buried without a fight.",
                    }
                ],
                "boilerplate": "",
                "press_contacts": [
                    {
                        "label": "Press office",
                        "phone": "+33 1 00 00 00 00",
                        "email": "press@example.org",
                    }
                ],
                "status": "draft",
                "translation_of": "pr-fr",
            },
        ],
        "tasks": [
            {
                "title": "Declare the action to the Préfecture de police",
                "due": day(-5),
                "assignee": "nightjar",
                "done": declaration["received_on"] is not None,
            },
            {"title": "Rent the hearse", "due": day(-9), "assignee": "sparrow", "done": True},
            {"title": "Order the wreath", "due": day(-3), "assignee": "wren", "done": True},
            {"title": "Brief the pallbearers", "due": day(-2), "assignee": "crow", "done": False},
            {"title": "Print the run-sheets", "due": day(-1), "assignee": "magpie", "done": False},
            {
                "title": "Send the release to the media list",
                "due": day(0),
                "assignee": "magpie",
                "done": False,
            },
        ],
        "media_contacts": [
            {
                "outlet": "Le Quotidien d'exemple",
                "name": "R. Journaliste",
                "email": "redaction@example.com",
                "phone": "",
                "language": "fr",
                "beat": "tech",
            },
            {
                "outlet": "Example Wire",
                "name": "A. Reporter",
                "email": "desk@example.net",
                "phone": "",
                "language": "en",
                "beat": "civil liberties",
            },
        ],
    }


def add_demo(
    session: Session, *, on: date | None = None, today: date | None = None
) -> ImportResult:
    today = today or date.today()
    on = on or today + timedelta(days=10)
    return import_bundle(session, demo_bundle(on, today=today))


def add_demo_to(store, *, on: date | None = None) -> ImportResult:
    """The demo in its own transaction (for callers that hold a store, not a session)."""
    with store.session() as session:
        return add_demo(session, on=on)
