"""The register of legal provisions, and how a ``ref`` names provisions from it.

A register file (first key ``tipcase-provisions: 1``) lists laws by their short citation
(``UU 21/2007``) and under each the articles the cases cite (``18``, ``42(2)``), each with a short
summary in every language of the file and the source its text was read from. The bundled register
is ``scenarios/provisions*.yaml`` (several files are merged, so authors can add theirs without
touching another's).

A ``ref`` is free text; ``citations`` reads the provisions it names. The canonical form is
``<law> Art. <n>[(<paragraph>)...]`` (``UU 21/2007 Art. 18``, ``UU 12/2022 Art. 42(2)``), and the
forms authors write are read too: ``Arts. 48-50``, ``Art. 4(2), 23``, ``Pasal 4 ayat (2)``,
``Pasal 1 angka 1``, ``Art. 81 jo 69``, an ``Elucidation of``/``Penjelasan`` before the article.
Segments are separated by ``;``. A segment that names no law abbreviation the format knows (UU,
PP, Perppu, Perpres, Perma, Perja, Perkap, Perpol, Perkaba, Perban, SEMA, Permen..., Kepmen...,
and Constitutional Court decisions ``MK n/PUU-x/yyyy``) is a non-legal source (a manual, an SOP, a
convention) and is not looked up. The rules are documented in docs/scenario-format.md.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from typing import Any

from tipcase.format.findings import Pos
from tipcase.format.schema import (
    INVALID,
    LANGUAGES,
    TEXT,
    BoolKind,
    ConstKind,
    Context,
    Entry,
    Field,
    IdKind,
    MapKind,
    ObjKind,
    Record,
    StrKind,
    Text,
)
from tipcase.format.yaml_source import Node

# -- citations ---------------------------------------------------------------------------------------
_MINISTERIAL = r"(?:[a-z]+|\s+[A-Z][A-Za-z]*)?"  # Permenaker, Permen PPPA, Kepmenaker...
_TYPES = rf"UU|Perppu|PP|Perpres|Perma|Perja|Perkap|Perpol|Perkaba|Perban|SEMA|Permen{_MINISTERIAL}|Kepmen{_MINISTERIAL}"
_LAW = re.compile(
    rf"(?<![\w/])(?:(?P<type>{_TYPES})\s+(?:No\.?\s*|Nomor\s+)?(?P<num>\d+[A-Z]?)\s*/\s*(?P<year>\d{{4}})"
    r"|MK\s+(?:No\.?\s*|Nomor\s+)?(?P<mk>\d+)\s*/\s*PUU-(?P<roman>[IVXLC]+)\s*/\s*(?P<mkyear>\d{4}))(?![\w/])"
)
_KEYWORD = re.compile(r"\s*,?\s*(?:(?:Elucidation|Penjelasan)(?:\s+of)?\s+)?(?:Arts?\.?|Articles?|Pasal)\s*")
_SUB = r"\s*\(\s*(?:\d+|[a-z])\s*\)|\s+(?:ayat|angka|huruf)\s+\(?\s*(?:\d+|[a-z])\s*\)?"
_ITEM = re.compile(rf"(?P<n>\d+[A-Z]?)(?P<subs>(?:{_SUB})*)(?:\s*(?:-|–|—|\bto\b|sampai dengan|s\.d\.|s/d)\s*(?P<end>\d+)(?![\d(]))?")
_SUB_VALUE = re.compile(r"\(\s*(\d+|[a-z])\s*\)|(?:ayat|angka|huruf)\s+\(?\s*(\d+|[a-z])")
_SEPARATOR = re.compile(r"\s*(?:,|&|\band\b|\bdan\b|\bor\b|\batau\b|\bjuncto\b|\bjo\b\.?)\s*(?:(?:Arts?\.?|Articles?|Pasal)\s*)?")
ARTICLE_PATTERN = r"\d+[A-Z]?(?:\((?:\d+|[a-z])\))*"
MAX_RANGE = 60  # 'Arts. 48-50' is a range; a typo such as '4-400' is read as its two ends


@dataclasses.dataclass(frozen=True, order=True)
class Citation:
    """One provision a ``ref`` names: a law, and an article (with paragraphs) or None for the whole law."""

    law: str
    article: str | None = None

    def __str__(self) -> str:
        return self.law if self.article is None else f"{self.law} Art. {self.article}"

    def text(self, language: str) -> str:
        """The citation as a reader of ``language`` writes it.

        ``UU 21/2007 Art. 42(2)(b)`` in English, ``UU 21/2007 Pasal 42 ayat (2) huruf b`` in Indonesian
        (the numbered items of Art. 1, the definitions, are ``angka``: ``Pasal 1 angka 3``); any other
        language gets the canonical form.
        """
        if language != "id" or self.article is None:
            return str(self)
        number, _, rest = self.article.partition("(")
        words = [f"{self.law} Pasal {number}"]
        for i, sub in enumerate(_SUB_VALUE.findall(f"({rest}" if rest else "")):
            value = sub[0] or sub[1]
            if value.isalpha():
                words.append(f"huruf {value}")
            elif i == 0 and number == "1":
                words.append(f"angka {value}")
            elif i == 0:
                words.append(f"ayat ({value})")
            else:
                words.append(f"angka {value}")
        return " ".join(words)


def canonical_law(text: str) -> str | None:
    """The canonical short citation of a law (``'UU  21 / 2007'`` -> ``'UU 21/2007'``), or None if it names none."""
    match = _LAW.fullmatch(text.strip())
    return _law_of(match) if match else None


def _law_of(match: re.Match[str]) -> str:
    if match.group("mk"):
        return f"MK {match.group('mk')}/PUU-{match.group('roman')}/{match.group('mkyear')}"
    kind = " ".join(match.group("type").split())
    return f"{kind} {match.group('num')}/{match.group('year')}"


def _articles(text: str) -> list[str]:
    keyword = _KEYWORD.match(text)
    if keyword is None:
        return []
    found: list[str] = []
    position = keyword.end()
    while (item := _ITEM.match(text, position)) is not None:
        subs = "".join(f"({a or b})" for a, b in _SUB_VALUE.findall(item.group("subs")))
        start, end = item.group("n"), item.group("end")
        if end and not subs and start.isdigit() and 0 < int(end) - int(start) <= MAX_RANGE:
            found.extend(str(n) for n in range(int(start), int(end) + 1))
        else:
            found.append(start + subs)
            if end:
                found.append(end)
        position = item.end()
        separator = _SEPARATOR.match(text, position)
        if separator is None or separator.end() == position:
            break
        position = separator.end()
    return found


def citations(ref: str) -> list[Citation]:
    """The provisions a ``ref`` string names, in order, without repeats; [] for a non-legal source.

    >>> [str(c) for c in citations("UU 21/2007 Arts. 48-50; WHO ten principles")]
    ['UU 21/2007 Art. 48', 'UU 21/2007 Art. 49', 'UU 21/2007 Art. 50']
    """
    result: list[Citation] = []
    for segment in ref.split(";"):
        laws = list(_LAW.finditer(segment))
        for index, match in enumerate(laws):
            end = laws[index + 1].start() if index + 1 < len(laws) else len(segment)
            law = _law_of(match)
            articles = _articles(segment[match.end() : end])
            for citation in [Citation(law, article) for article in articles] or [Citation(law)]:
                if citation not in result:
                    result.append(citation)
    return result


def text_citations(ref: Text | None) -> list[Citation]:
    """The provisions a ``ref`` text names in any of its languages (each language is read; the union, in order)."""
    if ref is None:
        return []
    result: list[Citation] = []
    for value in ref.values.values():
        for citation in citations(value):
            if citation not in result:
                result.append(citation)
    return result


# -- the register ------------------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class Provision:
    """A law or one of its articles, as the register describes it."""

    citation: Citation
    law_title: Text
    summary: Text | None
    source: str
    confirmed: bool = True
    status: Text | None = None  # e.g. repealed, amended, or read only in a secondary reproduction
    repealed: bool = False
    pos: Pos = (1, 1)
    path: str = ""


@dataclasses.dataclass
class Register:
    """Provisions by canonical citation (``str(Citation)``), and which laws the register holds."""

    provisions: dict[str, Provision] = dataclasses.field(default_factory=dict)
    laws: set[str] = dataclasses.field(default_factory=set)
    paths: list[str] = dataclasses.field(default_factory=list)

    def resolve(self, citation: Citation) -> Provision | None:
        """The register entry for a citation: the article itself, else the nearest enclosing one (42(2) -> 42).

        A citation of a whole law resolves to the law's own entry.
        """
        if citation.article is None:
            return self.provisions.get(citation.law)
        article = citation.article
        while True:
            found = self.provisions.get(f"{citation.law} Art. {article}")
            if found is not None:
                return found
            if not article.endswith(")"):
                return None
            article = article[: article.rindex("(")]

    def merge(self, other: Register) -> Register:
        """A register holding both; an entry both define keeps this register's."""
        return Register({**other.provisions, **self.provisions}, self.laws | other.laws, self.paths + other.paths)

    def __len__(self) -> int:
        return len(self.provisions)


@dataclasses.dataclass(frozen=True)
class CitedProvision:
    """What the debrief shows for one provision a decision cites (found in the register or not)."""

    citation: str
    provision: Provision | None
    cites: Citation | None = None  # the parsed citation, for writing it in the reader's language

    def text(self, language: str) -> str:
        """The citation in ``language`` (see Citation.text)."""
        return self.cites.text(language) if self.cites is not None else self.citation


def cited(ref: Text | None, register: Register) -> tuple[CitedProvision, ...]:
    """Every provision a ``ref`` names, with its register entry where there is one."""
    return tuple(CitedProvision(str(c), register.resolve(c), c) for c in text_citations(ref))


def unknown(ref: Text | None, register: Register) -> list[Citation]:
    """The provisions a ``ref`` names that the register does not hold."""
    return [c for c in text_citations(ref) if register.resolve(c) is None]


def describe_unknown(citation: Citation, register: Register) -> str:
    """Why a citation is not found, in one phrase for a W106 finding."""
    if citation.law not in register.laws:
        return f"{citation}: the provisions register holds no law {citation.law}"
    return f"{citation}: not in the provisions register (add the article under '{citation.law}', or cite one it holds)"


# -- the register file ---------------------------------------------------------------------------------
class _LawKey(IdKind):
    def __init__(self) -> None:
        super().__init__(r".+", "law citation")

    def check_id(self, node: Node, ctx: Context, where: str) -> Any:
        value = super().check_id(node, ctx, where)
        if value is not INVALID and canonical_law(value) != value:
            shown = canonical_law(value)
            hint = f"write it {shown!r}" if shown else "use a short citation such as 'UU 21/2007', 'PP 43/2017' or 'MK 21/PUU-XII/2014'"
            return ctx.error(node, f"{where}: {value!r} is not a law citation in canonical form ({hint})")
        return value


PROVISION = ObjKind(
    "Provision",
    "An article of a law as the cases cite it.",
    {
        "summary": Field(TEXT, "A short, faithful summary of what the provision says.", True),
        "source": Field(StrKind(), "Where its text was read, when not the law's source."),
        "confirmed": Field(BoolKind(), "False when the text could not be checked against a primary source (default true)."),
        "repealed": Field(BoolKind(), "True when the provision is no longer in force (default: the law's)."),
        "status": Field(TEXT, "Shown beside the summary: what repealed or amended it, or how far the text was confirmed."),
    },
)

LAW = ObjKind(
    "Law",
    "A law, regulation or court decision, and the articles of it the cases cite.",
    {
        "title": Field(TEXT, "Its full name.", True),
        "summary": Field(TEXT, "What it is about, shown when a ref names the law as a whole."),
        "source": Field(StrKind(), "Where its text was read (an official or reproduced text).", True),
        "confirmed": Field(BoolKind(), "False when its text could not be checked (default true)."),
        "repealed": Field(BoolKind(), "True when the whole law is no longer in force; its status then shows beside every article."),
        "status": Field(TEXT, "In force, amended, partly repealed...; shown with the law (and with every article when repealed)."),
        "articles": Field(MapKind(PROVISION, key=IdKind(ARTICLE_PATTERN, "article such as '18' or '42(2)'"), what="article"), "Articles."),
    },
)

REGISTER = ObjKind(
    "ProvisionRegister",
    "The register of legal provisions the cases cite.",
    {
        "tipcase-provisions": Field(ConstKind(1), "Format version of a provisions register.", True),
        "title": Field(TEXT, "Title of the register."),
        "languages": Field(LANGUAGES, "Languages every summary must carry (default [en])."),
        "laws": Field(MapKind(LAW, key=_LawKey(), what="law"), "The laws, by short citation.", True),
    },
)


def build_register(record: Record, path: str) -> Register:
    """The register a checked register file describes (``record`` is REGISTER's conversion)."""
    register = Register(paths=[path])
    entries: list[Entry] = record.get("laws", [])
    for entry in entries:
        law: Record = entry.value
        title = law.get("title") or Text({}, entry.key_pos)
        source = law.get("source", "")
        law_confirmed = law.get("confirmed", True)
        law_repealed = law.get("repealed", False)
        register.laws.add(entry.key)
        register.provisions[entry.key] = Provision(
            Citation(entry.key), title, law.get("summary"), source, law_confirmed, law.get("status"), law_repealed, entry.key_pos, path
        )
        for article in law.get("articles", []):
            values: Record = article.value
            citation = Citation(entry.key, article.key)
            repealed = values.get("repealed", law_repealed)
            register.provisions[str(citation)] = Provision(
                citation,
                title,
                values.get("summary"),
                values.get("source", source),
                values.get("confirmed", law_confirmed),
                values.get("status") or (law.get("status") if law_repealed else None),
                repealed,
                article.key_pos,
                path,
            )
    return register


def merged(registers: Iterable[Register]) -> Register:
    """One register of several (the first one defining an entry wins)."""
    result = Register()
    for register in registers:
        result = result.merge(register)
    return result


def all_citations(register: Register) -> Iterator[str]:
    """Every canonical citation the register holds, sorted."""
    return iter(sorted(register.provisions))
