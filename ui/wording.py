"""Filling translated sentences with names: one full stop where a name ends a sentence with its own.

"Welcome, {name}." with the name "Dewi Anggraini, S.H." reads "Welcome, Dewi Anggraini, S.H.", not
"S.H.." (degrees and ranks in Indonesian names end in full stops: S.H., M.H., AKP.).
"""

from __future__ import annotations


def sentence(template: str, **values: object) -> str:
    """``template.format(**values)``, where a value that ends in a full stop takes the place of the template's own after it."""
    for key, value in values.items():
        if str(value).endswith("."):
            template = template.replace("{" + key + "}.", "{" + key + "}")
    return template.format(**values)
