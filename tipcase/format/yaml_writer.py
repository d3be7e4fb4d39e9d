r"""Writing scenario files: the format's key order kept, texts with line breaks as ``|`` blocks, stable output.

Used by the importers and by the editor's document, so a saved file reads like a hand-written one
and a small edit makes a small diff.

The text is made by libyaml's emitter (PyYAML's ``CSafeDumper``), which writes what PyYAML's pure-Python
emitter writes at some thirty times the speed (a 30 MB passage took 27 s to import, now 4 s), except that
it escapes every character beyond U+FFFF (an emoji would turn a ``|`` block into one double-quoted line
of ``\U0001F60A`` escapes). So such characters are written as stand-ins from Unicode's private use area
that the text does not hold (libyaml writes those as they are) and put back afterwards: the file is the
one PyYAML's own emitter writes. Only a text with more distinct characters beyond U+FFFF than there are
free stand-ins (6,400 less those the text holds) goes to the Python emitter.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

_OUTSIDE_BMP = re.compile("[^\U00010000-\U0010ffff]+")  # removes all but the characters beyond U+FFFF
_OUTSIDE_PRIVATE_USE = re.compile("[^\ue000-\uf8ff]+")
_PRIVATE_USE = range(0xE000, 0xF900)


class _Dumper(yaml.SafeDumper):
    """PyYAML's own emitter: for a text with too many distinct emoji to stand in for."""


_CEmitter: type[yaml.SafeDumper] | type[yaml.CSafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _FastDumper(_CEmitter):  # type: ignore[valid-type,misc]
    """libyaml's emitter (PyYAML's own where PyYAML was built without libyaml)."""


def _represent_str(dumper: yaml.SafeDumper | yaml.CSafeDumper, value: str) -> yaml.Node:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _represent_str)
_FastDumper.add_representer(str, _represent_str)


def _texts(data: Any) -> list[str]:
    """Every string in ``data`` (keys and values), in no particular order."""
    found: list[str] = []
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, list | tuple):
            stack.extend(value)
    return found


def _stand_ins(texts: list[str]) -> dict[int, str] | None:
    """A private-use stand-in (code point) for each distinct character beyond U+FFFF in ``texts``; None when too few are free."""
    astral = set().union(*(_OUTSIDE_BMP.sub("", text) for text in texts))
    if not astral:
        return {}
    taken = set().union(*(_OUTSIDE_PRIVATE_USE.sub("", text) for text in texts))
    free = (code for code in _PRIVATE_USE if chr(code) not in taken)
    stand_ins = dict(zip(free, sorted(astral), strict=False))
    return stand_ins if len(stand_ins) == len(astral) else None


_BLOCK = 2**20
"""Characters (or bytes) replaced at a time: a text of any size is copied once, however many characters stand in."""


def _replaced(text: str, pairs: list[tuple[str, str]]) -> str:
    """``text`` with each ``old`` (one character) of ``pairs`` replaced by its ``new``, a block at a time.

    A pass of ``str.replace`` over the whole text for each pair copied a 30 MB passage with five kinds of
    emoji five times over (110 MB each, four bytes a character); blocks keep it to one copy.
    """
    if len(text) > _BLOCK:
        return "".join([_replaced(text[at : at + _BLOCK], pairs) for at in range(0, len(text), _BLOCK)])
    if len(pairs) > 32:
        return text.translate({ord(old): new for old, new in pairs})
    for old, new in pairs:
        if old in text:
            text = text.replace(old, new)
    return text


def _restored(body: bytes, pairs: list[tuple[str, str]]) -> bytes:
    """UTF-8 ``body`` with each stand-in (``new`` of ``pairs``) put back as its character (``old``), a block at a time.

    Blocks end at a line break, so no character is cut in two; the stand-ins are characters the text does not
    hold, so their bytes are found nowhere else (UTF-8 is self-synchronising).
    """
    table = {new.encode(): old.encode() for old, new in pairs}
    if len(body) > _BLOCK:
        blocks, at = [], 0
        while at < len(body):
            cut = body.find(b"\n", at + _BLOCK)
            end = len(body) if cut < 0 else cut + 1
            blocks.append(_restored_block(body[at:end], table))
            at = end
        return b"".join(blocks)
    return _restored_block(body, table)


def _restored_block(body: bytes, table: dict[bytes, bytes]) -> bytes:
    if len(table) > 32:
        return re.compile(b"|".join(map(re.escape, table))).sub(lambda match: table[match.group()], body)
    for new, old in table.items():
        if new in body:
            body = body.replace(new, old)
    return body


def _substituted(data: Any, pairs: list[tuple[str, str]]) -> Any:
    """``data`` with every string's characters replaced as :func:`_replaced` does (dicts keep their key order)."""
    if isinstance(data, str):
        return _replaced(data, pairs)
    if isinstance(data, dict):
        return {_substituted(key, pairs): _substituted(value, pairs) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [_substituted(item, pairs) for item in data]
    return data


def _dump(data: Any, dumper: type[Any]) -> bytes:
    return yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=120, default_flow_style=False, encoding="utf-8")


def to_yaml_bytes(data: dict[str, Any], header: list[str] | None = None) -> bytes:
    """:func:`to_yaml` as the UTF-8 bytes a file holds, made without the text as a ``str``.

    A file is written from these bytes (1 byte a character of ASCII, 4 of an emoji at most, where a ``str``
    holding one emoji takes 4 bytes for every character): a 30 MB passage of prose with emoji is 30 MB
    here, 110 MB as a ``str``.
    """
    comments = "".join(f"# {line}\n" for line in header or []).encode("utf-8")
    stand_ins = _stand_ins(_texts(data))
    if stand_ins is None:
        return comments + _dump(data, _Dumper)
    if not stand_ins:
        return comments + _dump(data, _FastDumper)
    pairs = [(char, chr(code)) for code, char in stand_ins.items()]
    return comments + _restored(_dump(_substituted(data, pairs), _FastDumper), pairs)


def to_yaml(data: dict[str, Any], header: list[str] | None = None, *, for_reading: bool = True) -> str:
    """YAML in the data's own key order, with ``header`` lines as comments on top.

    The text PyYAML's emitter writes, in time linear in the data's size and at libyaml's speed (see the
    module's docstring). ``for_reading=False`` is for text that only a program reads (the editor validates
    the document after every change): libyaml's output as it comes, emoji escaped.
    """
    if not for_reading:
        return "".join(f"# {line}\n" for line in header or []) + _dump(data, _FastDumper).decode("utf-8")
    return to_yaml_bytes(data, header).decode("utf-8")
