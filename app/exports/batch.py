"""What a batch export (a sheet or a calendar per person, into a folder) did not write.

Files of an earlier batch stay in the folder: a person who since lost their role, or a sheet
made with personal data, still lay beside the new ones ("CONFIDENTIEL", a phone and an e-mail)
and nothing said so. They are never deleted here — they may be the user's own files — but
always named.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from app.i18n import _, ui


def left_from_before(folder: str | os.PathLike, written: Iterable[os.PathLike | str], suffix: str):
    """The names of the ``suffix`` files in ``folder`` that this batch did not write."""
    fresh = {Path(p).name for p in written}
    return sorted(p.name for p in Path(folder).glob(f"*{suffix}") if p.name not in fresh)


def leftovers_warning(names: list[str]) -> str:
    return _(
        "Also in the folder, not written by this export: {names}. If they are from an earlier "
        "one, do not hand them out: delete them."
    ).format(names=ui().comma_list([ui().isolated(n) for n in names]))
