"""H5P's texts are HTML fragments; a scenario's are plain text. :func:`plain_text` makes one the other.

Paragraphs, headings and lists stay apart, line breaks and list items stay on their own lines, entities
are decoded (``&amp;``, ``&nbsp;``), runs of blanks become one space and at most one blank line is kept.
Scripts and stylesheets are dropped. Tokenized by :mod:`tipcase.importers.html_scan`, in linear time.
"""

from __future__ import annotations

import re
from typing import Any

from tipcase.importers.html_scan import tags, unescape

PARAGRAPHS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "table"})
LINES = frozenset({"br", "li", "tr"})
_WANTED = PARAGRAPHS | LINES  # every other tag (and scripts, styles, comments) is taken out of the text, unread
_BLANKS = re.compile(r"[ \t]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def plain_text(fragment: Any) -> str:
    """HTML (as H5P stores it) as plain text: no tags, entities decoded, at most one blank line in a row.

    Anything but a string gives ``""``.
    """
    if not isinstance(fragment, str):
        return ""
    parts: list[str] = []

    def new_line() -> None:
        if parts and not parts[-1].endswith("\n"):
            parts.append("\n")

    for data, tag in tags(fragment, wanted=_WANTED):
        if data:
            parts.append(unescape(data))
        if tag.name == "br" and not tag.closing:
            parts.append("\n")
        elif tag.name in LINES or tag.name in PARAGRAPHS:
            new_line()
            if tag.closing and tag.name in PARAGRAPHS:
                parts.append("\n")
            elif tag.name == "li" and not tag.closing:
                parts.append("- ")
    text = "".join(parts).replace("\xa0", " ")
    lines = [_BLANKS.sub(" ", line).strip() for line in text.splitlines()]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
