"""The command line's own lines in the language asked for (``--lang``), in the words the app's translation holds.

A line a command prints is marked as the core's messages are (``QT_TRANSLATE_NOOP("core", template)``, so
``lupdate`` collects it into ``resources/translations/tipcase_id.ts``) and said with :func:`said`: in English
the template filled, in another language the finished translation read from the translation source without Qt
(``tipcase.interface_text``), filled with the same parameters. A parameter that is itself a message (a status,
"passed") is said in the language too, and a figure (a float) is written the language's way (``82,5`` in
Bahasa Indonesia). A refusal a service raises (``ServiceError``: template and parameters) is said the same way,
so a command speaks one language from its first line to its last. A translation missing or not fitting its
parameters gives the English line, never a failure.
"""

from __future__ import annotations

import argparse
import functools
import re
import sys
from collections.abc import Callable
from typing import Any

from tipcase.cli.common import UsageError
from tipcase.interface_text import say
from tipcase.messages import CONTEXT, QT_TRANSLATE_NOOP, Message, Names, fill
from tipcase.services.errors import ServiceError

Handler = Callable[[argparse.Namespace], int]
EXIT_FAILED, EXIT_USAGE = 1, 2

LANGUAGES = ("en", "id")
"""The languages the command line speaks: English (the source) and Bahasa Indonesia."""


def figure(value: float, language: str, spec: str = "") -> str:
    """``value`` formatted with ``spec`` (``""``: as Python writes it, ``50.0``; ``g``: no trailing zeros).

    With the decimal comma in Bahasa Indonesia (``82,5``).
    """
    text = format(float(value), spec)
    return text.replace(".", ",") if language == "id" else text


def said(line: object, language: str) -> str:
    """What ``line`` says (a Message, or an error with ``template`` and ``params``) in ``language``; else ``str(line)``.

    English gives the line as the core fills it; another language its translation in the ``core`` context,
    filled with the parameters said in the language (see the module's docstring).
    """
    template = getattr(line, "template", None)
    if not isinstance(template, str) or not template:
        return str(line)
    params: dict[str, Any] = dict(getattr(line, "params", None) or {})
    if language == "en":
        return str(line) if isinstance(line, Message) else fill(template, **params) if params else template
    text = say(CONTEXT, template, language)
    values = {name: said(value, language) if hasattr(value, "template") else _named(value, language) for name, value in params.items()}
    for name, value in params.items():
        if isinstance(value, float):

            def written(match: re.Match[str], value: float = value) -> str:
                return figure(value, language, match.group(1) or "").replace("{", "{{").replace("}", "}}")

            text = re.sub(r"\{" + re.escape(name) + r"(?::([^{}!]*))?\}", written, text)
            del values[name]
    try:
        return fill(text, **values) if params else text
    except (KeyError, IndexError, ValueError, AttributeError):  # a translation naming a field the template has not
        return fill(template, **params) if params else template


def _named(value: object, language: str) -> object:
    """A ``tipcase.messages.Names`` (a role's title) in ``language``, else in English; any other value as it is."""
    return (value.values.get(language) or str(value)) if isinstance(value, Names) else value


def line(language: str, template: str, /, **params: object) -> str:
    """``template`` (marked ``QT_TRANSLATE_NOOP("core", ...)``) filled with ``params``, said in ``language``."""
    return said(Message(template, **params), language)


def speaking(handler: Handler, language_of: Callable[[argparse.Namespace], str | None] | None = None) -> Handler:
    """``handler`` with its refusals said in the command's language: one line on standard error, exit 2 or 1.

    The language is ``args.speaking``: ``--lang`` when given (English when the command has none), which the
    handler sets to the session's language once it has read the session (:func:`speak_as`). A refusal that
    comes before (a malformed option) asks ``language_of(args)`` for it (the named session's language; None
    when there is none), so a command says its refusals in the language of the rest of its lines. A usage
    error (exit 2) and a service's refusal (exit 1, ``ServiceError`` and its kinds) are said as ``main`` says
    them, "tipcase: error: ..." in English; anything else goes on to ``main``.
    """

    @functools.wraps(handler)
    def run(args: argparse.Namespace) -> int:
        args.speaking = getattr(args, "lang", None) or "en"
        args.spoken_as = getattr(args, "lang", None)
        try:
            return handler(args)
        except UsageError as exc:
            refuse(_language(args, language_of), exc.args[0] if exc.args else exc)
            return EXIT_USAGE
        except ServiceError as exc:
            refuse(_language(args, language_of), exc)
            return EXIT_FAILED

    return run


def _language(args: argparse.Namespace, language_of: Callable[[argparse.Namespace], str | None] | None) -> str:
    """The language to refuse in: the one spoken so far, else the session's (``language_of``), else English."""
    if args.spoken_as is None and language_of is not None:
        speak_as(args, language_of(args) or "en")
    return str(args.speaking)


def speak_as(args: argparse.Namespace, language: str) -> None:
    """Speak ``language`` (a session's) from now on, unless ``--lang`` named one; a language not spoken here is English."""
    if getattr(args, "lang", None) is None:
        args.speaking = language if language in LANGUAGES else "en"
    args.spoken_as = args.speaking


def refuse(language: str, what: object) -> None:
    """Print ``what`` (a message, an error, a line) as a refusal, "tipcase: error: ...", in ``language`` on standard error."""
    print(line(language, QT_TRANSLATE_NOOP("core", "tipcase: error: {refusal}"), refusal=said(what, language)), file=sys.stderr)
