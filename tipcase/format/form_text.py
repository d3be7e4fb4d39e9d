"""What an editing form shows of a scenario's values, and the values its text stands for.

The editor shows each value of a stage, choice, exhibit or the case as text in a field and reads the
field back. The rules live here, beside the document's edits (``tipcase.format.document``), so they
are tested without a window: a text in several languages keeps the languages a form does not show,
an untouched field gives back the value it showed, and text that stands for no value raises
``FormTextError`` saying which part is wrong.
"""

from __future__ import annotations

from typing import Any, Literal

Problem = Literal["variable-pair", "score-pair", "number", "value", "points", "hours"]

_PROBLEMS: dict[str, str] = {
    "variable-pair": "write variable: value",
    "score-pair": "write competency: points",
    "number": "the value must be a whole number",
    "value": "the value must be true, false or a whole number",
    "points": "the points must be a whole number",
    "hours": "write a number, such as 1.5",
}


class FormTextError(ValueError):
    """Text in a form that stands for no value. ``problem`` says what is wrong, ``part`` is the piece at fault.

    ``str()`` is the English sentence; the editor translates ``problem`` and shows ``part`` with it.
    """

    def __init__(self, problem: Problem, part: str) -> None:
        self.problem: Problem = problem
        self.part = part
        super().__init__(f"'{part}': {_PROBLEMS[problem]}")


def text_of(value: Any, language: str) -> str:
    """A text's wording in ``language`` ('' when it has none); a plain string is the first language, English."""
    if isinstance(value, dict):
        return str(value.get(language, ""))
    return str(value or "") if language == "en" else ""


def bilingual(original: Any, english: str, indonesian: str) -> Any:
    """The text with its English and Indonesian set, keeping any other language it has; None when empty.

    A text left as it was stays exactly as it was (a plain string stays a plain string, an empty
    ``{en: '', id: ''}`` stays too): the file is not rewritten for nothing.
    """
    if isinstance(original, str) and english == original and not indonesian:
        return original
    if isinstance(original, dict) and (english, indonesian) == (original.get("en", ""), original.get("id", "")):
        return original  # untouched (an empty {en: '', id: ''} too)
    value = dict(original) if isinstance(original, dict) else {}
    value.update({"en": english, "id": indonesian})
    return value if any(value.values()) else None


def edited_text(original: Any, shown: str, typed: str) -> Any:
    """A field showing a text's English only: the text unchanged if the field was not edited, else its English replaced."""
    if typed == shown:
        return original
    if not typed:
        return None
    if isinstance(original, dict):
        return {**original, "en": typed}
    return typed


def format_effects(effects: Any) -> str:
    """``{'consent': True, 'trust': 1}`` as ``consent: true, trust: 1`` ('' for anything but a mapping)."""
    if not isinstance(effects, dict):
        return ""
    return ", ".join(f"{name}: {str(value).lower() if isinstance(value, bool) else value}" for name, value in effects.items())


def parse_effects(text: str, *, booleans: bool) -> dict[str, int | bool]:
    """``consent: true, trust: 1`` as a mapping (``true``/``false`` only where ``booleans``).

    Raises FormTextError for a part without ``name: value`` or with a value that is not allowed.
    """
    effects: dict[str, int | bool] = {}
    for part in _parts(text):
        name, separator, value = (piece.strip() for piece in part.partition(":"))
        if not separator or not name:
            raise FormTextError("variable-pair", part)
        if booleans and value.lower() in ("true", "false"):
            effects[name] = value.lower() == "true"
            continue
        try:
            effects[name] = int(value)
        except ValueError:
            raise FormTextError("value" if booleans else "number", part) from None
    return effects


def format_scores(scores: Any) -> str:
    """``{'identification': 2}`` as ``identification: 2``."""
    return ", ".join(f"{name}: {points}" for name, points in (scores or {}).items()) if isinstance(scores, dict) else ""


def parse_scores(text: str) -> dict[str, int]:
    """``identification: 2, victim_care: -1`` as a mapping of competency to points.

    Raises FormTextError for a part without ``competency: points`` or with points that are not a whole number.
    """
    scores: dict[str, int] = {}
    for part in _parts(text):
        name, separator, number = part.partition(":")
        if not separator or not name.strip():
            raise FormTextError("score-pair", part)
        try:
            scores[name.strip()] = int(number.strip())
        except ValueError:
            raise FormTextError("points", part) from None
    return scores


def format_hours(hours: Any) -> str:
    """A choice's hours as a short number (``1.5``, ``2``), '' when it has none."""
    return f"{hours:g}" if isinstance(hours, int | float) and not isinstance(hours, bool) else ""


def parse_hours(text: str) -> int | float | None:
    """``1.5`` or ``1,5`` (the Indonesian decimal comma) as hours: a whole number stays an int; empty or 0 is None.

    Raises FormTextError when the text is not a number.
    """
    cleaned = text.strip().replace(",", ".")
    if not cleaned:
        return None
    try:
        hours = float(cleaned)
    except ValueError:
        raise FormTextError("hours", text.strip()) from None
    return (int(hours) if hours.is_integer() else hours) or None


def format_ids(ids: Any) -> str:
    """A list of ids (a stage's ``reveal``) as ``chat-log, contract``."""
    return ", ".join(str(item) for item in ids) if isinstance(ids, list) else ""


def parse_ids(text: str) -> list[str] | None:
    """``chat-log, contract`` as a list of ids; None when empty."""
    return list(_parts(text)) or None


def has_layout(stage: dict[str, Any]) -> bool:
    """Whether a stage was placed on the canvas by hand (a ``layout`` with numbers for x and y)."""
    layout = stage.get("layout")
    return isinstance(layout, dict) and all(isinstance(layout.get(axis), int | float) for axis in ("x", "y"))


def _parts(text: str) -> list[str]:
    return [part for part in (piece.strip() for piece in text.split(",")) if part]
