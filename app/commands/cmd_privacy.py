"""Privacy and legal safety on the command line.

``init [--encrypted]``, ``change-passphrase``, ``restore FILE [--yes]``,
``purge (SLUG | --due) [--yes]`` and ``declaration SLUG [-o FILE.pdf --organiser "Name|Address"…]``.
Passphrases come from the environment or a prompt, never from an argument (it would be in the
shell history and the process list).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.domain.errors import DomainError
from app.i18n import _, ngettext, ui


def register(sub) -> None:
    p = sub.add_parser("init", help=_("create a new database (--encrypted: with a passphrase)"))
    p.add_argument(
        "--encrypted",
        action="store_true",
        help=_("encrypt it (passphrase from CORTEGE_PASSPHRASE or typed twice)"),
    )
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser(
        "change-passphrase",
        help=_(
            "change the passphrase of an encrypted database (new one from "
            "CORTEGE_NEW_PASSPHRASE or typed twice); encrypts a plain one"
        ),
    )
    p.set_defaults(handler=cmd_change_passphrase)

    p = sub.add_parser(
        "restore", help=_("put a backup in place of the database (the current one is kept beside)")
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))
    p.set_defaults(handler=cmd_restore)

    p = sub.add_parser(
        "purge",
        help=_("erase the personal data of an action's people who are in no later action"),
    )
    p.add_argument("slug", metavar="SLUG", nargs="?")
    p.add_argument(
        "--due", action="store_true", help=_("purge everybody past their retention date instead")
    )
    p.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))
    p.set_defaults(handler=cmd_purge)

    p = sub.add_parser(
        "declaration",
        help=_("the declaration of an action: status, letter (PDF), sent/received dates"),
    )
    p.add_argument("slug", metavar="SLUG")
    p.add_argument("-o", "--output", metavar="FILE.pdf", help=_("write the declaration letter"))
    p.add_argument(
        "--organiser",
        action="append",
        default=[],
        metavar='"NAME|ADDRESS"',
        help=_("an organiser who signs: full name and home address (repeat for each; not stored)"),
    )
    p.add_argument("--authority", metavar="TEXT", help=_("the authority it is addressed to"))
    p.add_argument("--place", metavar="TEXT", help=_("where the letter is signed"))
    p.add_argument(
        "--purpose",
        metavar="TEXT",
        help=_(
            "the purpose, in the authority's language (default: the headline of the release "
            "in that language, else the action's title and message)"
        ),
    )
    p.add_argument("--sent-on", metavar="DATE", help=_("record the day it was sent"))
    p.add_argument("--received-on", metavar="DATE", help=_("record the day it was received"))
    p.add_argument("--reference", metavar="TEXT", help=_("record the authority's reference"))
    p.set_defaults(handler=cmd_declaration)


# --- helpers ----------------------------------------------------------------------------------


def confirm(ctx, question: str, *, yes: bool) -> bool:
    """True to go on. Without a terminal, only ``--yes`` goes on."""
    if yes:
        return True
    if not sys.stdin or not sys.stdin.isatty():
        raise DomainError(
            _("this cannot be undone: run it in a terminal to confirm, or add --yes"),
            field="--yes",
        )
    ctx.err.write(question + " " + _("[y/N]") + " ")
    ctx.err.flush()
    answer = sys.stdin.readline().strip().casefold()
    return answer in ("y", "yes", _("y").casefold(), _("yes").casefold())


def _file_target(ctx) -> Path:
    from app.storage.engine import is_url

    target = ctx.target
    if is_url(target):
        raise DomainError(
            _("this works on a database file, not on a server database"), field="--db"
        )
    return Path(target).expanduser()


def _date(value: str | None, field: str):
    if value is None:
        return None
    from app.domain.timeutil import parse_date

    try:
        return parse_date(value)
    except ValueError as exc:
        raise DomainError(str(exc), field=field) from exc


# --- init and passphrases ---------------------------------------------------------------------


def cmd_init(args: argparse.Namespace, ctx) -> int:
    from app.services.envelope import new_passphrase
    from app.storage.engine import open_store

    path = _file_target(ctx)
    if path.exists() and path.stat().st_size > 0:
        raise DomainError(
            _("{path} already exists; init creates a new database").format(path=path),
            field="--db",
        )
    passphrase = None
    if args.encrypted:
        passphrase = new_passphrase(
            _("Passphrase for the new database: "), env=("CORTEGE_PASSPHRASE",)
        )
    store = open_store(str(path), passphrase=passphrase)
    store.close()
    ctx.print(str(path))
    if not args.encrypted:
        ctx.warn(_("note: this database is not encrypted; 'init --encrypted' is recommended"))
    return 0


def cmd_change_passphrase(args: argparse.Namespace, ctx) -> int:
    from app.services.envelope import new_passphrase
    from app.storage.cipher import change_passphrase, encrypt_store, is_encrypted_file

    path = _file_target(ctx)
    if not path.exists():
        raise DomainError(_("{path}: no such file").format(path=path), field="--db")
    encrypted = is_encrypted_file(path)
    store = ctx.store()  # asks for the current passphrase; checks it is a Cortège database
    new = new_passphrase(_("New passphrase: "), env=("CORTEGE_NEW_PASSPHRASE",))
    if encrypted:
        change_passphrase(store, new)
    else:
        encrypt_store(store, new)
    with store.read() as session:  # proves the new passphrase opens it
        from app.services.actions import list_actions

        list_actions(session)
    if encrypted:
        ctx.warn(_("the passphrase of {path} was changed").format(path=path))
    else:
        ctx.warn(
            _(
                "{path} is now encrypted. Copies made before (backups, .before-* files beside "
                "it) are not: delete them if they hold personal data."
            ).format(path=path)
        )
    ctx.print(str(path))
    return 0


# --- restore ----------------------------------------------------------------------------------


def cmd_restore(args: argparse.Namespace, ctx) -> int:
    from app.commands.cmd_core import read_input_file
    from app.services.envelope import decrypt_with_prompt, is_envelope
    from app.storage.backup import restore_backup
    from app.storage.unlock import passphrase_from_env_or_prompt

    target = _file_target(ctx)
    raw = read_input_file(args.file)
    if is_envelope(raw):
        raw = decrypt_with_prompt(raw)
    if target.exists() and target.stat().st_size > 0:
        question = _("Replace {db} with the backup {file}? The current database is kept beside it.")
        if not confirm(ctx, question.format(db=target, file=args.file), yes=args.yes):
            ctx.warn(_("nothing was restored"))
            return 1

    def passphrase() -> str:
        return passphrase_from_env_or_prompt(
            _("Passphrase of the backup {path}: ").format(path=args.file)
        )

    previous, encrypted = restore_backup(raw, target, source=args.file, passphrase=passphrase)
    if previous is not None:
        ctx.warn(_("the previous database was kept as {path}").format(path=previous))
    if not encrypted:
        ctx.warn(_("note: the restored database is not encrypted"))
    ctx.print(str(target))
    return 0


# --- purge ------------------------------------------------------------------------------------


def cmd_purge(args: argparse.Namespace, ctx) -> int:
    from app.services.purge import copies_beside, plan_due, plan_for_action, run_purge

    if bool(args.slug) == bool(args.due):
        raise DomainError(_("give an action's SLUG or --due (not both)"), field="SLUG")
    store = ctx.store()
    with store.read() as session:
        if args.due:
            plan = plan_due(session)
        else:
            from app.services.actions import action_by_slug

            plan = plan_for_action(session, action_by_slug(session, args.slug).id)
    if plan.blocked:
        raise DomainError(plan.blocked, field="SLUG")
    for alias, why in plan.kept:
        ctx.warn(_("kept: {alias} ({why})").format(alias=alias, why=why))
    if plan.empty:
        ctx.warn(_("nobody to purge"))
        return 0
    names = [p.label for p in plan.participants] + [c.label for c in plan.media_contacts]
    question = _(
        "Erase the full names, phones, e-mails, notes and consent details of: {names}? "
        "This cannot be undone. Backups made before still hold the data."
    ).format(names=ui().comma_list(names))
    if not confirm(ctx, question, yes=args.yes):
        ctx.warn(_("nothing was purged"))
        return 1
    result = run_purge(store, plan)
    for person in plan.participants:
        ctx.print(person.label)
    for contact in plan.media_contacts:
        ctx.print(_("media contact at {outlet}").format(outlet=contact.label))
    people, contacts = result.participants, result.media_contacts
    ctx.warn(
        # Translators: "purged 3 participants and 1 media contact; …"
        _("purged {participants} and {contacts}; backups made before still hold them").format(
            participants=ngettext("{n} participant", "{n} participants", people).format(n=people),
            contacts=ngettext("{n} media contact", "{n} media contacts", contacts).format(
                n=contacts
            ),
        )
    )
    if not result.erased:
        ctx.warn(
            _(
                "another program has the database open: the erased values may stay in its "
                "journal until it is closed"
            )
        )
    for copy in copies_beside(store):
        ctx.warn(_("this copy still holds the purged data: {path}").format(path=copy))
    return 0


# --- declaration ------------------------------------------------------------------------------


def cmd_declaration(args: argparse.Namespace, ctx) -> int:
    from app.exports.declaration import parse_organiser
    from app.services import edits
    from app.services.actions import action_by_slug
    from app.services.declaration import declaration_info, write_declaration

    organisers = [
        parse_organiser(text, field=f"--organiser[{i}]") for i, text in enumerate(args.organiser)
    ]
    if organisers and not args.output:
        raise DomainError(_("--organiser is only used with -o FILE.pdf"), field="--organiser")
    changes = {
        name: value
        for name, value in (
            ("decl_sent_on", _date(args.sent_on, "--sent-on")),
            ("decl_received_on", _date(args.received_on, "--received-on")),
            ("decl_reference", args.reference),
            ("decl_authority", args.authority),
        )
        if value is not None
    }
    store = ctx.store()
    with store.session() as session:
        action_id = action_by_slug(session, args.slug).id
        if changes:
            edits.update(session, "action", action_id, **changes)
        info = declaration_info(session, action_id)
        if args.output:
            if not organisers:
                raise DomainError(
                    _('at least one --organiser "Full name|Home address" must sign the letter'),
                    field="--organiser",
                )
            try:
                warnings = write_declaration(
                    session,
                    action_id,
                    args.output,
                    organisers=organisers,
                    authority=args.authority or "",
                    place=args.place or "",
                    purpose=args.purpose or "",
                )
            except DomainError as exc:
                if exc.field == "authority":  # name the option the user can give
                    raise DomainError(exc.problems[0].message, field="--authority") from exc
                raise
    if not info.applies:
        if info.not_needed:
            ctx.warn(_(info.not_needed))
            return 0
        ctx.warn(
            _("no declaration rules are known for country {country!r}").format(country=info.country)
        )
        return 0 if not args.output else 2
    # The status goes to stdout, unless stdout carries the path of the letter written.
    _print_info(ctx.warn if args.output else ctx.print, info)
    if args.output:
        for warning in warnings:
            ctx.warn(_("warning: {message}").format(message=warning))
        ctx.print(args.output)
    return 0


def _print_info(emit, info) -> None:
    from app.i18n import ui

    def day(value) -> str:  # the UI language's own date, not ISO
        return ui().date(value, "medium")

    authority = info.authority or info.suggested_authority
    emit(_("authority: {authority}").format(authority=authority))
    if info.first_day is not None:
        emit(
            _("to be received from {first} to {last} (event {event})").format(
                first=day(info.first_day),
                last=day(info.last_day),
                event=day(info.event_day),
            )
        )
    else:
        emit(
            _("to be received by {last} (event {event})").format(
                last=day(info.last_day), event=day(info.event_day)
            )
        )
    if info.sent_on:
        emit(_("sent on {date}").format(date=day(info.sent_on)))
    if info.received_on:
        state = _("in time") if info.received_in_time else _("NOT in the legal window")
        emit(_("received on {date}: {state}").format(date=day(info.received_on), state=state))
    if info.reference:
        emit(_("reference: {ref}").format(ref=info.reference))
