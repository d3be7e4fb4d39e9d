"""Filling translated sentences with names: one full stop where a name ends a sentence with its own.

"Welcome, {name}." with the name "Dewi Anggraini, S.H." reads "Welcome, Dewi Anggraini, S.H.", not
"S.H.." (degrees and ranks in Indonesian names end in full stops: S.H., M.H., AKP.). The rule is the
core's (``tipcase.messages.fill``), so the app's sentences, the core's messages and the command line
agree. Every translated template in which a name, a title or a list ends a sentence is filled by
``sentence`` (tests/test_wording.py finds any that is not).
"""

from __future__ import annotations

from tipcase.messages import fill


def sentence(template: str, **values: object) -> str:
    """``template.format(**values)``, where a value that ends in a full stop takes the place of the template's own after it."""
    return fill(template, **values)


def names_list(names: list[str]) -> str:
    """Several names as one: "A and B", "A; B and C" (semicolons: a role's title may hold commas, walk G finding 16)."""
    from PySide6.QtCore import QCoreApplication  # noqa: PLC0415 - the rest of this module needs no Qt

    if len(names) < 2:
        return "".join(names)
    return "; ".join(names[:-1]) + QCoreApplication.translate("Exercise", " and ") + names[-1]
