"""Readiness rules about the press releases of one action, beyond each release alone."""

from __future__ import annotations

from app.services.readiness_plan import Plan
from app.services.readiness_registry import Outcome, problem, rule


@rule("embargo-differs")
def embargo_differs(plan: Plan) -> Outcome:
    """A translation under another embargo than the release it translates: moving the French
    embargo from 9:30 to 9:00 left the English one at 9:30, and an English desk may publish
    before the French one is allowed to, or after (the classic broken embargo)."""
    tr, action = plan.tr, plan.action
    translations = [r for r in action.releases if r.translation_of is not None]
    out = Outcome(needs=len(translations))
    for rel in translations:
        source = rel.translation_of
        if rel.embargo_until == source.embargo_until:
            continue
        names = {
            "language": tr.language_name(rel.language),
            "source": tr.language_name(source.language),
        }
        if rel.embargo_until is None:
            message = tr.gettext(
                "The {language} release has no embargo; the {source} one it translates is "
                "under embargo until {source_time}"
            ).format(**names, source_time=plan.when(source.embargo_until, None))
        elif source.embargo_until is None:
            message = tr.gettext(
                "The {language} release is under embargo until {time}; the {source} one it "
                "translates has none"
            ).format(**names, time=plan.when(rel.embargo_until, None))
        else:
            message = tr.gettext(
                "The {language} release is under embargo until {time}, the {source} one it "
                "translates until {source_time}"
            ).format(
                **names,
                time=plan.when(rel.embargo_until, source.embargo_until),
                source_time=plan.when(source.embargo_until, rel.embargo_until),
            )
        out.problems.append(problem("embargo-differs", message, "release", rel.id))
    return out
