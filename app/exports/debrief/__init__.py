"""The debrief PDF (issue #19): planned versus actual, turnout, props, incidents, coverage,
lessons, in the action's language."""

from app.exports.debrief.pdf import render_pdf

__all__ = ["render_pdf"]
