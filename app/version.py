"""The one place the version number lives. pyproject.toml reads it (``dynamic``), and so do
``--version``, Help → About, the ``generator`` field of bundles and the frozen build's file name.
A release changes this line and CHANGELOG.md, nothing else."""

from __future__ import annotations

__version__ = "0.1.0"

APP_NAME = "Cortège"


def generator() -> str:
    """What wrote a file: ``Cortège 0.1.0`` (the bundle's ``generator`` field)."""
    return f"{APP_NAME} {__version__}"
