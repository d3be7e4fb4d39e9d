"""A linear-time HTML tokenizer for what the importers read: Twine 2 story files and H5P's text fragments.

The standard library's ``html.parser`` is quadratic on unclosed constructs (40,000 ``<a `` took 8 minutes,
40,000 ``<!--`` 38 s) and raises ``AssertionError`` on ``<![``; so the importers tokenize HTML here, the
way the HTML standard's tokenizer splits it (section 13.2.5), as far as they need:

- a start tag is ``<`` and a letter, up to the first ``>`` outside a quoted attribute value, or to the end
  of the text; its attributes are name, ``=``, value (quoted or not), names folded to lower case;
- an end tag is ``</`` and a letter, up to ``>``; ``<!--`` opens a comment up to ``-->``; ``<!``, ``<?``
  and ``</`` followed by anything else open a bogus comment up to ``>``; any other ``<`` is text;
- ``script``, ``style``, ``xmp``, ``iframe``, ``noembed``, ``noframes``, ``textarea`` and ``title`` hold raw
  text up to their own end tag (so the ``<tw-storydata>`` strings inside a story format's player code are
  not tags); ``plaintext`` holds the rest of the file.

Every step finds its end with ``str.find`` or a regular expression that cannot backtrack past the next
delimiter, so each character is looked at a bounded number of times. Character references are decoded by
:func:`unescape`, which is ``html.unescape`` made safe for numbers of any length.
"""

from __future__ import annotations

import dataclasses
import html
import re
from collections.abc import Container, Iterator

# A start tag: name, then anything up to '>' where quoted values may hold '>'; an unclosed quote or tag runs to the end.
# Possessive (``*+``, ``++``): the group can never give back what it took, and the plain ``*`` kept a backtracking
# entry for each character of the tag (a 1.9 MB tag of 200,000 attributes took 317 MB to match; now 14 MB).
_START_TAG = re.compile(r"""<([A-Za-z][^\s/>]*)((?:[^>"']++|"[^"]*+(?:"|\Z)|'[^']*+(?:'|\Z))*+)(>|\Z)""")
_END_TAG = re.compile(r"</([A-Za-z][^\s/>]*)[^>]*(>|\Z)")
_ATTRIBUTE = re.compile(r"""([^\s"'>/=][^\s"'>/=]*)(?:\s*=\s*(?:"([^"]*)"?|'([^']*)'?|([^\s>]*)))?""")
_MARKUP = re.compile(r"<(?=[A-Za-z/!?])")
RAW_TEXT = frozenset({"script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title"})
_LEADING_ZEROS = re.compile(r"&#0+(?=[0-9])")
_HUGE_DECIMAL = re.compile(r"&#[0-9]{8,};?")  # beyond U+10FFFF: the standard makes it U+FFFD


@dataclasses.dataclass(slots=True)
class Tag:
    """A start or end tag as written: lower-case name, attributes (decoded), and where it starts and ends in the text."""

    name: str
    attrs: dict[str, str]
    start: int
    end: int
    closing: bool = False
    raw_text: str = ""  # for a raw-text element (script, style, ...): its content, as written


def unescape(text: str) -> str:
    """``html.unescape`` that never raises: decimal references too long for ``int`` become U+FFFD, as the standard says."""
    if "&#" in text:
        text = _HUGE_DECIMAL.sub("\ufffd", _LEADING_ZEROS.sub("&#", text))
    return html.unescape(text)


MAX_ATTRIBUTES = 100
"""The most attributes a start tag whose attributes are read may have (Twine writes at most 11, on ``<tw-storydata>``)."""


class TooManyAttributes(ValueError):
    """A start tag whose attributes are read has more than :data:`MAX_ATTRIBUTES`; ``offset`` is where the tag starts."""

    def __init__(self, name: str, offset: int) -> None:
        super().__init__(f"a <{name}> tag with more than {MAX_ATTRIBUTES} attributes (the limit)")
        self.name, self.offset = name, offset


def _attributes(body: str, name: str, offset: int) -> dict[str, str]:
    attrs: dict[str, str] = {}
    for count, match in enumerate(_ATTRIBUTE.finditer(body), 1):
        if count > MAX_ATTRIBUTES:
            raise TooManyAttributes(name, offset)
        key = match.group(1).lower()
        value = next((group for group in match.groups()[1:] if group is not None), "")
        attrs.setdefault(key, unescape(value))  # the first of a repeated attribute counts
    return attrs


def tags(text: str, with_attributes: Container[str] = (), wanted: frozenset[str] | None = None) -> Iterator[tuple[str, Tag]]:
    """``(data before, tag)`` for each tag in document order, the data undecoded (see :func:`unescape`).

    Only the start tags named in ``with_attributes`` have their attributes read (every other tag's
    ``attrs`` is empty), and one of those with more than :data:`MAX_ATTRIBUTES` raises
    :class:`TooManyAttributes`: so memory stays flat whatever the file's tags carry.

    Comments and bogus comments come as tags named ``#comment`` (their data is the comment's, not the
    document's: skip them). A raw-text element's content is its start tag's ``raw_text``; its end tag
    follows with no data. Last comes a tag named ``#end`` at the end of the text, with the data after the
    last tag.

    With ``wanted`` (lower-case tag names), only start and end tags of those names come (and ``#end``), each
    with all the data before it since the last one, every other tag, comment and raw-text element taken out:
    the stretch between two wanted tags is found by one regular expression that splits it exactly as this
    tokenizer does, and its markup taken out by another, so a story of 8 million tags costs no Python step
    for each (37 to 54 s before, about one second now). Raises :class:`TooManyAttributes` as above.
    """
    if wanted is not None:
        yield from _wanted_tags(text, with_attributes, wanted)
        return
    yield from _tags(text, with_attributes, 0)


def _tags(text: str, with_attributes: Container[str], start: int) -> Iterator[tuple[str, Tag]]:
    index, data_from = start, start
    length = len(text)
    while (found := _MARKUP.search(text, index)) is not None:
        at = found.start()
        following = text[at + 1 : at + 2]
        if following == "/" and text[at + 2 : at + 3] in _ASCII_LETTERS:
            match = _END_TAG.match(text, at)
            assert match is not None  # '</' and a letter always matches
            yield text[data_from:at], Tag(match.group(1).lower(), {}, at, match.end(), closing=True)
            index = data_from = match.end()
        elif following.isalpha():
            match = _START_TAG.match(text, at)
            assert match is not None  # '<' and a letter always matches
            name = match.group(1).lower()
            end = match.end()
            raw = ""
            if name in RAW_TEXT:
                closing = _RAW_TEXT_END[name].search(text, end)
                raw_end = closing.start() if closing is not None else length
                raw, end = text[end:raw_end], raw_end
            elif name == "plaintext":
                raw, end = text[end:], length
            attrs = _attributes(match.group(2), name, at) if name in with_attributes else {}
            yield text[data_from:at], Tag(name, attrs, at, match.end(), raw_text=raw)
            index = data_from = end
        else:  # a comment or a bogus comment: skipped, and the data around it joined
            piece = text[data_from:at]
            if text.startswith("<!--", at):
                close = text.find("-->", at + 2) if not text.startswith(("<!-->", "<!--->"), at) else at + 2
                stop = length if close < 0 else close + 3
            else:
                close = text.find(">", at + 2)
                stop = length if close < 0 else close + 1
            yield piece, Tag("#comment", {}, at, stop)
            index = data_from = stop
    yield text[data_from:], Tag("#end", {}, length, length)


_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _any_case(name: str) -> str:
    """A pattern for ``name`` in ASCII letters of either case (HTML's names are ASCII case-insensitive; ``re.I`` is not)."""
    return "".join(f"[{char.upper()}{char}]" if char.isalpha() else re.escape(char) for char in name)


_RAW_TEXT_END = {name: re.compile(rf"</{_any_case(name)}[\s/>]") for name in RAW_TEXT}
# The constructs of :func:`_tags`, each as a pattern that cannot backtrack past its own end (possessive, or a
# lazy scan for a fixed closing): they split a text exactly as it does.
_NAME_END = r"(?=[\s/>]|\Z)"
_TAG_BODY = r"""[^\s/>]*+(?:[^>"']++|"[^"]*+(?:"|\Z)|'[^']*+(?:'|\Z))*+(?:>|\Z)"""
_COMMENTS = [
    r"<!--(?:>|-(?=>)|.*?-->|.*\Z)",  # '<!-->' and '<!--->' end at once, as the standard says
    r"<[!?][^>]*+(?:>|\Z)",  # a bogus comment
    r"</(?![A-Za-z])[^>]*+(?:>|\Z)",  # '</' and no letter: a bogus comment too
]
_END_TAG_ANY = r"</[A-Za-z][^>]*+(?:>|\Z)"


def _raw_element(name: str) -> str:
    if name == "plaintext":
        return rf"<{_any_case(name)}{_NAME_END}.*\Z"
    return rf"<{_any_case(name)}{_NAME_END}{_TAG_BODY}(?:.*?(?=</{_any_case(name)}[\s/>])|.*\Z)"


_RAW_ELEMENTS = [_raw_element(name) for name in sorted(RAW_TEXT | {"plaintext"})]
_STRIP = re.compile("|".join([*_COMMENTS, _END_TAG_ANY, *_RAW_ELEMENTS, rf"<[A-Za-z]{_TAG_BODY}"]), re.DOTALL)
_STRETCHES: dict[frozenset[str], tuple[re.Pattern[str], re.Pattern[str]]] = {}
_STEPS = 2**16
"""Constructs taken at a time between wanted tags: the markup of each such piece is taken out before the next is
read, so the pieces ``re.sub`` lists stay few (one for each of 8 million tags took 64 MB more)."""


def _stretch(wanted: frozenset[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The pattern of a stretch before a wanted tag, and the pattern of a wanted tag's start.

    A stretch is text and constructs, up to :data:`_STEPS` of them, but no start or end tag named in
    ``wanted``; possessive, so linear.
    """
    if wanted not in _STRETCHES:
        names = "|".join(_any_case(name) for name in sorted(wanted)) or "(?!)"
        raw = [_raw_element(name) for name in sorted(RAW_TEXT | {"plaintext"}) if name not in wanted]
        constructs = "|".join([*_COMMENTS, _END_TAG_ANY, *raw, rf"<[A-Za-z]{_TAG_BODY}"])
        wanted_tag = rf"</?(?:{names}){_NAME_END}"
        stretch = re.compile(rf"(?:[^<]++|<(?![A-Za-z/!?])|(?!{wanted_tag})(?:{constructs})){{0,{_STEPS}}}+", re.DOTALL)
        _STRETCHES[wanted] = stretch, re.compile(wanted_tag)
    return _STRETCHES[wanted]


def _wanted_tags(text: str, with_attributes: Container[str], wanted: frozenset[str]) -> Iterator[tuple[str, Tag]]:
    stretch, wanted_tag = _stretch(wanted)
    index, length = 0, len(text)
    data: list[str] = []
    while True:
        stop = stretch.match(text, index).end()  # type: ignore[union-attr]  # matches empty at worst
        if stop > index:
            data.append(_STRIP.sub("", text[index:stop]))
            index = stop
        if stop >= length:
            yield "".join(data), Tag("#end", {}, length, length)
            return
        if not wanted_tag.match(text, stop):
            continue  # :data:`_STEPS` constructs read: on with the next
        _, tag = next(_tags(text, with_attributes, stop))  # a wanted tag starts here: no data before it
        yield "".join(data), tag
        data = []
        index = tag.end + len(tag.raw_text)


class Positions:
    """Line and column (1-based) of offsets in one text, counted on from the offset asked before.

    Asked in document order (as a tokenizer walks), the counting is linear in the text overall and
    needs no memory of its own (a table of line starts took 36 bytes a line: 1.2 GB for 32 MiB of
    blank lines); an offset before the last one asked is counted again from the start.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.offset = self.line_start = 0
        self.line = 1

    def __call__(self, offset: int) -> tuple[int, int]:
        """The 1-based (line, column) of the 0-based character ``offset``."""
        if offset < self.offset:
            self.offset = self.line_start = 0
            self.line = 1
        breaks = self.text.count("\n", self.offset, offset)
        if breaks:
            self.line += breaks
            self.line_start = self.text.rfind("\n", self.offset, offset) + 1
        self.offset = offset
        return self.line, offset - self.line_start + 1
