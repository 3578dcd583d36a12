"""Where an imported file is recognised as an encrypted bundle (CORTEGE1 envelope)."""

from __future__ import annotations

MAGIC = b"CORTEGE1"


def maybe_decrypt(raw: bytes) -> bytes:
    if not raw.startswith(MAGIC):
        return raw
    from app.domain.errors import DomainError
    from app.i18n import _

    try:
        from app.services.envelope import decrypt_with_prompt
    except ImportError as exc:
        raise DomainError(
            _("this bundle is encrypted, and this Cortège cannot decrypt it"), field="FILE"
        ) from exc
    return decrypt_with_prompt(raw)
