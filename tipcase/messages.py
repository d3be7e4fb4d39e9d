"""Messages the core says to people, translatable without Qt: a marked English template and its parameters.

The core never imports Qt, yet what it says reaches the app's screens (a refusal of a service, an edit
that cannot be made). So a message is raised as its template and parameters::

    raise ServiceError(QT_TRANSLATE_NOOP("core", "course code {code!r}: use lower-case letters, digits, '-' and '_'"), code=code)

``QT_TRANSLATE_NOOP`` (this module's, not Qt's) returns the template unchanged, and Qt's ``lupdate``
(which reads the core's sources as well as the app's: tools/translations.py) collects it into
``resources/translations/tipcase_id.ts`` under the context ``core``. ``str(error)`` is the English line
the command line prints; the app renders ``error.template`` in the interface language with the same
parameters (``ui.errors.core_text``). A message raised as a plain string still works: it is shown as it is.
A refusal passed up from a lower layer keeps its template: ``raise ServiceError.carrying(exc)``.
``tests/test_core_messages.py`` fails on any raise of a service's error that is neither.

Counts are said as words, never "error(s)": an English line of the command line's own says its counts with
:func:`counted` ("1 certificate", "3 certificates", "no certificates"); a message that reaches the app too
is marked in its two English forms and :func:`one_or_many` picks the form for the count::

    raise ServiceError(
        one_or_many(
            count,
            QT_TRANSLATE_NOOP("core", "course {course} allows {count} attempt at {scenario}; it is used"),
            QT_TRANSLATE_NOOP("core", "course {course} allows {count} attempts at {scenario}; all are used"),
        ),
        course=code, count=count, scenario=scenario,
    )

Each form is translated on its own (Bahasa Indonesia says both alike). ``tests/test_counts_in_words.py``
fails on a "(s)" in any string the core or the app says.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Self

CONTEXT = "core"
"""The translation context of every core message (what ``QCoreApplication.translate`` is given)."""

ENDS_A_SENTENCE = (".", "?", "!", "…")
"""What a filled-in value may end with that ends the template's sentence for it (a degree: "S.H.")."""

CLOSING_QUOTES = '”’»"'
"""What may follow a value's own end of sentence and still end the template's: a quoted title (“A journalist calls.”)."""


def fill(template: str, /, **params: object) -> str:
    """``template.format(**params)``, with one full stop where a value ends a sentence with its own.

    "Welcome, {name}." with ``name="Dewi Anggraini, S.H."`` reads "Welcome, Dewi Anggraini, S.H.", not
    "S.H.." (Indonesian degrees and ranks end in full stops: S.H., M.H., S.Sos., AKP.); a title ending in a
    question mark likewise takes the place of the full stop after it, and so does a quoted title that ends one
    (“A journalist calls.”, not “A journalist calls.”.). Only a plain field (``{name}``, not
    ``{name!r}`` nor ``{name:>8}``) directly followed by "." is affected. Raises what ``str.format`` raises
    (KeyError for a field with no value).
    """
    for key, value in params.items():
        if str(value).rstrip(CLOSING_QUOTES).endswith(ENDS_A_SENTENCE):
            template = re.sub(r"\{" + re.escape(key) + r"\}\.(?!\.)", "{" + key + "}", template)
    return template.format(**params)


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """``count`` and ``noun`` in English words: "no certificates", "1 certificate", "1,200 certificates".

    ``plural``: the noun's plural when it is not ``noun`` + "s" ("entry", "entries"). For the command line's
    English lines; a message the app says too is marked in both forms and chosen by :func:`one_or_many`.
    """
    many = plural or noun + "s"
    return f"no {many}" if count == 0 else f"{count:,} {noun if count == 1 else many}"


def one_or_many(count: int, one: str, many: str) -> str:
    """The words to say ``count`` with: ``one`` when ``count`` is 1, else ``many`` (0 included: "0 items").

    For a message the app says too, both are marked templates (``QT_TRANSLATE_NOOP("core", ...)``) with
    the same fields, each translated on its own; for an English line, the noun or the words that agree
    with the count ("rule" / "rules", "finding ... is" / "findings ... are").
    """
    return one if count == 1 else many


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name Qt's lupdate reads
    """Mark ``text`` for translation in ``context``; returns it unchanged (the app translates it when shown)."""
    del context
    return text


class MessageError(Exception):
    """An error whose message is a template and its parameters (``str()`` is the English line).

    ``template``: the English template with ``{name}`` fields (a plain line when there are no parameters);
    ``params``: the values of its fields. Both are read by the app to say it in the interface language.
    """

    def __init__(self, template: str = "", /, **params: object) -> None:
        self.template = template
        self.params: Mapping[str, object] = params
        super().__init__(fill(template, **params) if params else template)

    @classmethod
    def carrying(cls, error: BaseException | Message) -> Self:
        """This kind of error saying what ``error`` said: its template and parameters when it has them.

        For a refusal passed up from a lower layer (a play's choice not offered, a signing key's state, a
        trainee's standing): the app still says it in the interface language. An error without a template
        (one the core does not say to people) is carried as its English line.
        """
        template = getattr(error, "template", None)
        if isinstance(template, str) and template:
            return cls(template, **dict(getattr(error, "params", None) or {}))
        return cls(str(error))


class Message(str):
    """A line the core says that is not an error (a roster row's problem): the English line, as a ``str``.

    It also keeps its ``template`` and ``params``, for the app to say it in the interface language.

    A parameter that is itself a Message (a column's name) is translated too.
    """

    template: str
    params: Mapping[str, object]

    def __new__(cls, template: str, /, **params: object) -> Message:
        """The line ``template`` filled with ``params`` (the template itself when there are none)."""
        line = super().__new__(cls, fill(template, **params) if params else template)
        line.template = template
        line.params = params
        return line


class Names(str):
    """A name the core says that a case gives in each language (a role's title): the English as the ``str``.

    ``values``: the name by language code (``{"en": "Labour inspector", "id": "Pengawas ketenagakerjaan"}``).
    As a message's parameter the app says it in the interface language (``ui.errors.core_text``), the command
    line in English, so a refusal names a role by its title, not its id, on both.
    """

    values: Mapping[str, str]

    def __new__(cls, values: Mapping[str, str], /) -> Names:
        """The name ``values`` says in English (else in its first language; "" when empty)."""
        line = super().__new__(cls, values.get("en") or next(iter(values.values()), ""))
        line.values = dict(values)
        return line

    @classmethod
    def joined(cls, names: list[Names], separator: str = "; ") -> Names:
        """Several names as one, each language's joined by ``separator`` (a title may hold commas, so "; ")."""
        languages = dict.fromkeys(language for name in names for language in name.values)
        return cls({language: separator.join(name.values.get(language) or str(name) for name in names) for language in languages})
