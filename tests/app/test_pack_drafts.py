"""``export pack``: one e-mail draft per consenting person with an address, an mbox, a summary."""

from __future__ import annotations

import email
import mailbox
from email import policy

import pytest
from sqlalchemy import select

from app.domain import models as m

SLUG = "funeral-for-privacy"


@pytest.fixture(scope="module")
def pack(_demo_template, tmp_path_factory):
    """The demo with Raven's e-mail removed and Finch's consent not recorded, packed once."""
    import io
    import shutil

    from app.cli import run
    from app.storage.engine import open_store

    base = tmp_path_factory.mktemp("pack")
    db = base / "demo.sqlite3"
    shutil.copy(_demo_template, db)
    store = open_store(str(db))
    with store.session() as s:
        people = {p.alias: p for p in s.scalars(select(m.Participant))}
        people["Raven"].email = ""
        people["Finch"].consent_given_on = None
    store.close()
    folder = base / "pack"
    out, err = io.StringIO(), io.StringIO()
    code = run(["--db", str(db), "export", "pack", SLUG, "-o", str(folder)], out=out, err=err)
    assert code == 0, err.getvalue()
    return Result(out.getvalue(), err.getvalue()), folder


class Result:
    def __init__(self, out: str, err: str) -> None:
        self.out, self.err = out, err


def read(path) -> email.message.EmailMessage:
    return email.message_from_bytes(path.read_bytes(), policy=policy.default)


def test_one_draft_per_reachable_person_addressed_to_them_alone(pack):
    r, folder = pack
    drafts = sorted(p.name for p in folder.glob("*.eml"))
    assert len(drafts) == 13 and "Raven.eml" not in drafts and "Finch.eml" not in drafts
    for path in folder.glob("*.eml"):
        msg = read(path)
        to = msg["To"].addresses
        assert len(to) == 1
        assert to[0].addr_spec == f"{path.stem.lower()}@example.org"
        assert msg["Cc"] is None and msg["Bcc"] is None
        assert msg["X-Unsent"] == "1"
        other = [a for a in drafts if a != path.name]
        raw = path.read_bytes().decode("ascii")  # every header encoded: 7-bit on the wire
        for name in other:
            assert f"{name[:-4].lower()}@example.org" not in raw
    printed = r.out.split()
    assert str(folder / "Crow.eml") in printed and str(folder / f"{SLUG}.mbox") in printed


def test_draft_is_in_the_readers_language_with_three_named_attachments(pack):
    _r, folder = pack
    msg = read(folder / "Starling.eml")  # German
    assert msg["Content-Language"] == "de"
    assert "Dienstag, 28. Mai" in msg["Subject"] and "09:" in msg["Subject"]
    text = msg.get_body(("plain",)).get_content()
    assert "Dienstag, 28. Mai" in text and "+33 1 40 00 00 00" in text
    attachments = {part.get_filename(): part for part in msg.iter_attachments()}
    stem = "2024-05-28 Funeral for privacy at Père-Lachaise — Starling"
    assert set(attachments) == {f"{stem}.pdf", f"{stem}.html", f"{stem}.ics"}
    pdf = attachments[f"{stem}.pdf"].get_content()
    assert pdf.startswith(b"%PDF")
    html = attachments[f"{stem}.html"].get_content()
    assert '<html lang="de"' in html and "Starling" in html
    import icalendar

    cal = icalendar.Calendar.from_ical(attachments[f"{stem}.ics"].get_content())
    assert [str(e["SUMMARY"]) for e in cal.walk("VEVENT")]


def test_drafts_hold_no_other_persons_personal_data(pack):
    _r, folder = pack
    msg = read(folder / "Crow.eml")
    for part in msg.walk():
        if part.get_content_maintype() == "multipart":
            continue
        payload = part.get_payload(decode=True)
        text = payload.decode("utf-8", "replace") if part.get_content_maintype() == "text" else ""
        if part.get_content_type() == "application/pdf":
            import io

            from pypdf import PdfReader

            text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(payload)).pages)
        assert "Camille Martin" not in text and "Lucas Bernard" not in text
        assert "heron@example.org" not in text and "+33 6 00 00 10 00" not in text


def test_mbox_holds_every_draft_and_summary_names_who_to_reach_another_way(pack):
    r, folder = pack
    box = mailbox.mbox(str(folder / f"{SLUG}.mbox"))
    recipients = sorted(msg["To"] for msg in box)
    assert len(recipients) == 13 and all(len(r.split("@")) == 2 for r in recipients)
    summary = (folder / "summary.txt").read_text(encoding="utf-8")
    assert "13 e-mail drafts" in summary
    assert "Raven: no e-mail address" in summary
    assert "Finch: no consent to be contacted recorded" in summary
    assert "Raven" in r.err and "Finch" in r.err
    assert "@" not in summary  # aliases only
    assert not list(folder.glob(".*"))  # no temporary file left


def test_unknown_slug_is_refused_and_writes_nothing(cli, demo_db, tmp_path):
    r = cli("--db", demo_db, "export", "pack", "nope", "-o", tmp_path / "pack")
    assert r.code == 2 and "nope" in r.err
    assert not (tmp_path / "pack").exists()


def test_a_draft_left_from_an_earlier_pack_is_named_not_silently_kept(
    cli, demo_store, demo_db, tmp_path
):
    folder = tmp_path / "pack"
    assert cli("--db", demo_db, "export", "pack", SLUG, "-o", folder).code == 0
    assert (folder / "Raven.eml").exists()
    with demo_store.session() as s:
        for p in s.scalars(select(m.Participant).where(m.Participant.alias == "Raven")):
            p.consent_given_on = None  # Raven withdrew consent
    demo_store.close()
    r = cli("--db", demo_db, "export", "pack", SLUG, "-o", folder)
    assert r.code == 0, r.err
    assert "Raven: no consent" in r.err and "Raven.eml" in r.err
    summary = (folder / "summary.txt").read_text(encoding="utf-8")
    assert "do not send" in summary and "Raven.eml" in summary
    box = mailbox.mbox(str(folder / f"{SLUG}.mbox"))
    assert "raven@example.org" not in [str(msg["To"]).split("<")[-1].rstrip(">") for msg in box]
