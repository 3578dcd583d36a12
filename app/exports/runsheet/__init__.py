"""Printed run-sheets: personal sheets for volunteers, the master sheet, the props card.

Gathering (``data``, ``master_data``, and ``app.services.runsheet_master`` for the master sheet,
which runs the readiness check: needs a session, formats everything in the reader's locale) is
kept apart from layout (``personal``, ``organiser``: plain values in, PDF bytes out) so that
batches can be laid out in a worker thread or in other processes.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from app.exports.runsheet.data import PersonalSheet, safe_filename

# Below this many sheets a process pool costs more than it saves.
POOL_THRESHOLD = 40


def render_personal(sheet: PersonalSheet) -> bytes:
    from app.exports.runsheet.personal import render_personal as render

    return render(sheet)


def render_master(sheet) -> bytes:
    from app.exports.runsheet.organiser import render_master as render

    return render(sheet)


def render_props_card(card) -> bytes:
    from app.exports.runsheet.organiser import render_props_card as render

    return render(card)


def render_phone(sheet: PersonalSheet) -> bytes:
    """The personal sheet as one self-contained HTML file for a phone."""
    from app.exports.pack.phone_html import render_html_bytes

    return render_html_bytes(sheet)


RENDERERS = {"pdf": render_personal, "html": render_phone}


def file_names(sheets: Iterable[PersonalSheet], ext: str = "pdf") -> list[str]:
    """``<alias>.pdf`` (or ``.html``) for each sheet, file-name safe, ``-2``… on a clash."""
    taken: set[str] = set()
    return [f"{safe_filename(s.alias, taken)}.{ext}" for s in sheets]


def _write_one(job: tuple[PersonalSheet, str, str]) -> tuple[str, str, str]:
    """Render and write one sheet: (target, alias, "") or, when it fails, (target, alias, why).
    One sheet failing never stops the batch."""
    import logging

    from app.storage.files import atomic_write

    sheet, target, fmt = job
    try:
        atomic_write(target, RENDERERS[fmt](sheet))
    except OSError as exc:
        return target, sheet.alias, exc.strerror or str(exc)
    except Exception as exc:  # a layout bug must cost one sheet, not the batch
        logging.getLogger(__name__).exception("run-sheet of %s failed", sheet.alias)
        return target, sheet.alias, type(exc).__name__
    return target, sheet.alias, ""


def write_each(
    sheets: list[PersonalSheet],
    folder: str | os.PathLike,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    processes: int | None = None,
    failed: list[tuple[str, str]] | None = None,
    fmt: str = "pdf",
) -> list[Path]:
    """Write every sheet to ``folder/<alias>.pdf`` (each atomically); return the paths written.
    ``fmt="html"`` writes the phone sheets (``<alias>.html``) instead.

    A sheet that cannot be written does not stop the others: its (alias, reason) is added to
    ``failed``. Large batches are laid out on every core (reportlab is pure Python);
    ``processes=1`` keeps it in this process, as a GUI worker thread wants for a prompt Cancel.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    names = file_names(sheets, fmt)
    jobs = [(s, str(folder / name), fmt) for s, name in zip(sheets, names, strict=True)]
    total = len(jobs)
    workers = processes or min(os.cpu_count() or 1, 8)
    written: list[Path] = []
    if workers > 1 and total >= POOL_THRESHOLD:
        import multiprocessing

        from app.storage.files import die_with_parent

        ctx = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
        with ctx.Pool(workers, initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
            chunk = max(1, total // (workers * 8))
            for done, result in enumerate(pool.imap(_write_one, jobs, chunksize=chunk), 1):
                _collect(result, written, failed)
                if progress:
                    progress(done, total)
                if cancelled and cancelled():
                    pool.terminate()
                    break
        return written
    for done, job in enumerate(jobs, 1):
        if cancelled and cancelled():
            break
        _collect(_write_one(job), written, failed)
        if progress:
            progress(done, total)
    return written


def _collect(result: tuple[str, str, str], written: list[Path], failed) -> None:
    target, alias, reason = result
    if reason:
        if failed is not None:
            failed.append((alias, reason))
    else:
        written.append(Path(target))
