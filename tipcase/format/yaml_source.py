"""Reading YAML with positions: bytes to a node tree whose every key and value knows its line and column.

The scenario format reports findings as ``PATH:LINE:COL``, so the loader works on PyYAML's node
tree (composed by the libyaml C parser) rather than on plain Python values. Syntax errors and
bytes that are not UTF-8 become a single E001 finding instead of an exception.

Hostile files are read in bounded time and memory (the limits are documented in docs/importing.md):
a file over :data:`MAX_FILE_BYTES` is refused before it is parsed, and one of more than :data:`MAX_NODES`
values before its tree is built; after composing, one pass over the
node graph (:func:`check_tree`) refuses, as E001 with the line and column, nesting deeper than
:data:`MAX_DEPTH` levels (libyaml's own limit, 1,000, is deeper than PyYAML's constructor can
recurse), every value whose tag cannot be constructed (``!!int abc``,
``!!timestamp notadate``, an unknown ``!tag``), an integer outside 64 bits or a number written with
more than :data:`MAX_NUMBER_CHARS` characters, an alias inside its own anchor, and aliases that would
expand the document by more than :data:`MAX_ALIAS_EXPANSION` nodes ("billion laughs"): everything
later reads the tree as if aliases were copies, so that bound is what keeps it linear.
"""

from __future__ import annotations

import codecs
import contextlib
import gc
import itertools
from collections.abc import Iterator

import yaml
import yaml.constructor
from yaml.events import AliasEvent, MappingStartEvent, ScalarEvent, SequenceStartEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from tipcase.format.findings import Findings, Pos

try:  # the C loader is much faster; PyYAML wheels ship it, source builds may not
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Loader = yaml.SafeLoader

__all__ = ["MappingNode", "Node", "ScalarNode", "SequenceNode", "check_tree", "compose", "pos", "scalar_value"]

_constructor = yaml.constructor.SafeConstructor()

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"
_CORE = "tag:yaml.org,2002:"

MAX_FILE_BYTES = 32 * 2**20
"""The largest scenario or pathway file read, in bytes (a 10,000-stage case is about 7 MiB)."""
MAX_ALIAS_EXPANSION = 1_000_000
"""How many nodes aliases may add to a document when read as copies (a billion-laughs file adds ~10^9)."""
MAX_NODES = 2_000_000
"""Most values (scalars, lists, mappings, aliases) one file may hold before its tree is built: PyYAML's node
tree costs about 330 bytes a value, so this bounds a file's tree near 700 MiB (a 32 MiB file of ``[1,1,...]``
would otherwise take 5 GB); a generated 10,000-stage case holds about 730,000 values, so about 27,000 stages fit."""
MAX_DEPTH = 100
"""Deepest nesting of lists and mappings read (a scenario nests 7 levels; PyYAML's constructor recurses)."""
MAX_NUMBER_CHARS = 100
"""The longest number (``!!int`` or ``!!float``) read, in characters; longer ones are refused, not parsed."""
INT_RANGE = (-(2**63), 2**63 - 1)
"""Integers must fit in 64 bits: the databases (SQLite, PostgreSQL BIGINT) store scores and variables so."""

# The tags a value may carry, by the kind of node: YAML 1.1's types that PyYAML's safe loader constructs.
_SCALAR_TAGS = frozenset(_CORE + name for name in ("str", "int", "float", "bool", "null", "timestamp", "binary"))
_SEQUENCE_TAGS = frozenset(_CORE + name for name in ("seq", "omap", "pairs"))
_MAPPING_TAGS = frozenset(_CORE + name for name in ("map", "set"))
_CONSTRUCT_ERRORS = (ValueError, TypeError, LookupError, AttributeError, OverflowError, yaml.YAMLError)


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building a large tree of short-lived objects.

    Composing a big file allocates hundreds of thousands of nodes and none of them form cycles; the
    collector's repeated scans of them cost about three times the parse itself (see ``make bench``).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def pos(node: Node) -> Pos:
    """The 1-based (line, column) where a node starts."""
    mark = node.start_mark
    return (mark.line + 1, mark.column + 1)


def _position_of_offset(data: bytes, offset: int) -> Pos:
    before = data[:offset]
    line = before.count(b"\n") + 1
    last_newline = before.rfind(b"\n")
    col = len(before[last_newline + 1 :].decode("utf-8", errors="replace")) + 1
    return (line, col)


def decode(data: bytes, findings: Findings) -> str | None:
    """UTF-8 text of a file (a byte-order mark is dropped), or None with an E001 finding.

    A file over :data:`MAX_FILE_BYTES` is refused (E001 at 1:1) without being decoded.
    """
    if too_large(len(data), findings):
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        findings.add("E001", _position_of_offset(data, exc.start), f"not UTF-8: byte 0x{data[exc.start]:02x} cannot be decoded")
        return None
    return text.removeprefix("\ufeff")


_CHECK_BLOCK = 2**20


def is_utf8(data: bytes, findings: Findings) -> bool:
    """Whether a file's bytes are UTF-8; if not, an E001 finding at the first byte that is not (as :func:`decode` says it).

    Checked a block at a time: the bytes go to the YAML parser as they are, never held as a ``str`` (4 bytes a
    character once the text holds one emoji). A file over :data:`MAX_FILE_BYTES` is refused (E001 at 1:1), unread.
    """
    if too_large(len(data), findings):
        return False
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(data)
    for start in range(0, len(data) or 1, _CHECK_BLOCK):
        held = len(decoder.getstate()[0])  # the bytes of a character cut by the last block
        try:
            decoder.decode(view[start : start + _CHECK_BLOCK], final=start + _CHECK_BLOCK >= len(data))
        except UnicodeDecodeError as exc:
            offset = start - held + exc.start
            findings.add("E001", _position_of_offset(data, offset), f"not UTF-8: byte 0x{data[offset]:02x} cannot be decoded")
            return False
    return True


def too_large(size: int, findings: Findings) -> bool:
    """Whether a file of ``size`` bytes is over :data:`MAX_FILE_BYTES`; if so, with an E001 finding at 1:1 that names the limit."""
    if size <= MAX_FILE_BYTES:
        return False
    findings.add("E001", (1, 1), f"the file is {byte_size(size)}: a scenario or pathway file may be at most {byte_size(MAX_FILE_BYTES)}")
    return True


def byte_size(size: int) -> str:
    """A size as people read it: ``32 MiB``, ``40.5 MiB``, or ``1,000 bytes`` below a mebibyte."""
    return f"{size / 2**20:,.1f} MiB".replace(".0 MiB", " MiB") if size >= 2**20 else f"{size:,} bytes"


_VALUE_STARTS = tuple(",[{:-?\n")
"""Characters one of which precedes every value but the first (a flow entry, a key's value, a block entry or
line), each at most two values (``{a, b}`` holds a and b and a null after each): a bound counted by
``str.count``/``bytes.count`` in milliseconds, before the exact count is needed."""


def too_many_values(text: str | bytes, findings: Findings) -> bool:
    """Whether a file holds more than :data:`MAX_NODES` values; if so, E001 at the first value past the limit.

    Counted from libyaml's events (no tree is built, so memory stays that of one event) only when the cheap
    bound of :data:`_VALUE_STARTS` says the limit could be passed: a 10,000-stage case (6.6 MiB) is never
    parsed twice. Raises what :func:`yaml.parse` raises on a syntax error, as composing would.
    """
    if isinstance(text, bytes):
        bound = 1 + 2 * sum(text.count(char.encode()) for char in _VALUE_STARTS)
    else:
        bound = 1 + 2 * sum(text.count(char) for char in _VALUE_STARTS)
    if bound <= MAX_NODES:
        return False
    values = (ScalarEvent, SequenceStartEvent, MappingStartEvent, AliasEvent)
    counted = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, values):
            counted += 1
            if counted > MAX_NODES:
                mark = event.start_mark
                findings.add(
                    "E001",
                    (mark.line + 1, mark.column + 1) if mark is not None else (1, 1),
                    f"more than {MAX_NODES:,} values in one file (a case of about 27,000 stages): this one is not read further",
                )
                return True
    return False


def compose(text: str | bytes, findings: Findings) -> Node | None:
    """Parse text (or UTF-8 bytes: :func:`is_utf8`) into a node tree.

    On a syntax error, a file of more than :data:`MAX_NODES` values (:func:`too_many_values`) or a tree
    :func:`check_tree` refuses, adds E001 and returns None.
    """
    try:
        if too_many_values(text, findings):
            return None
        root = yaml.compose(text, Loader=_Loader)
        if root is not None and not check_tree(root, findings):
            return None
        return root
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.problem:
            problem = f"{exc.context}: {exc.problem}"
        findings.add("E001", where, f"YAML syntax: {problem}")
    except yaml.reader.ReaderError as exc:  # characters YAML does not allow (control characters and the like)
        data = text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
        where = _position_of_offset(data, exc.position)  # libyaml counts UTF-8 bytes
        findings.add("E001", where, f"YAML: character #x{exc.character:04x} is not allowed in YAML ({exc.reason})")
    except yaml.YAMLError as exc:
        findings.add("E001", (1, 1), f"YAML: {str(exc).splitlines()[0]}")
    except UnicodeEncodeError as exc:  # a lone surrogate: only text that did not come from UTF-8 bytes has one
        assert isinstance(text, str)  # bytes are never encoded
        line = text.count("\n", 0, exc.start) + 1
        findings.add("E001", (line, exc.start - text.rfind("\n", 0, exc.start)), "not UTF-8: a lone surrogate character")
    return None


def scalar_value(node: ScalarNode) -> object:
    """The Python value of a scalar: str, int, float, bool or None, as YAML resolves it."""
    tag = node.tag
    if tag == STR:
        return node.value
    constructor = _constructor.yaml_constructors.get(tag)
    if constructor is None:
        return node.value
    return constructor(_constructor, node)


def _scalar_problem(node: ScalarNode) -> str | None:
    """Why a scalar cannot be read as the value its tag names, or None when it can."""
    tag = node.tag
    if tag == STR:
        return None
    if tag not in _SCALAR_TAGS:
        return f"unknown tag {_shown_tag(tag)} (the format's values are strings, numbers, true/false, lists and mappings)"
    if tag == INT and _plain_small_int(node.value):  # the common case, without constructing it twice
        return None
    if tag in (INT, FLOAT) and len(node.value) > MAX_NUMBER_CHARS:
        return f"a number of {len(node.value):,} characters (at most {MAX_NUMBER_CHARS} are read)"
    try:
        value = _constructor.yaml_constructors[tag](_constructor, node)
    except _CONSTRUCT_ERRORS:
        return f"{_shown_tag(tag)} {_clip(node.value)!r} is not {_WHAT.get(tag, 'readable')}"
    if tag == INT and not INT_RANGE[0] <= value <= INT_RANGE[1]:
        return f"the integer {_clip(node.value)} does not fit in 64 bits"
    return None


def _plain_small_int(value: str) -> bool:
    digits = value[1:] if value[:1] in ("-", "+") else value
    return digits.isascii() and digits.isdigit() and len(digits) <= 18 and (digits == "0" or digits[0] != "0")


_WHAT = {
    INT: "an integer",
    FLOAT: "a number",
    BOOL: "true or false",
    NULL: "null",
    _CORE + "timestamp": "a date or time",
    _CORE + "binary": "base64 data",
}


def _shown_tag(tag: str) -> str:
    return "!!" + tag.removeprefix(_CORE) if tag.startswith(_CORE) else tag


def _clip(value: str, limit: int = 40) -> str:
    return value if len(value) <= limit else value[:limit] + "..."


def _collection_problem(node: Node) -> str | None:
    allowed = _SEQUENCE_TAGS if isinstance(node, SequenceNode) else _MAPPING_TAGS
    if node.tag in allowed:  # each tag checked on its own kind only (`!!set [1]` holds no pairs)
        if node.tag == _CORE + "set" and any(value.tag != NULL for _, value in node.value):
            return "!!set holds keys only (every value must be null)"
        if node.tag in (_CORE + "omap", _CORE + "pairs") and not all(
            isinstance(item, MappingNode) and len(item.value) == 1 for item in node.value
        ):
            return f"{_shown_tag(node.tag)} is a list of one-key mappings"
        return None
    if node.tag in _SCALAR_TAGS or node.tag in _SEQUENCE_TAGS | _MAPPING_TAGS:
        kind = "list" if isinstance(node, SequenceNode) else "mapping"
        return f"{_shown_tag(node.tag)} cannot tag a {kind}"
    return f"unknown tag {_shown_tag(node.tag)} (the format's values are strings, numbers, true/false, lists and mappings)"


def check_tree(root: Node, findings: Findings) -> bool:
    """Check that a composed tree can be read as plain values, in one pass over its distinct nodes.

    Adds an E001 finding (with the node's line and column) for each node that cannot, in file order,
    and returns False if there was any: nesting deeper than :data:`MAX_DEPTH`, a tag that does not
    construct or is unknown, an integer outside 64 bits, a number longer than :data:`MAX_NUMBER_CHARS`,
    a collection that contains itself through an alias, or aliases that expand the tree by more than
    :data:`MAX_ALIAS_EXPANSION` nodes. Time and memory are linear in the number of distinct nodes: a
    tree without shared lists or mappings is walked once; one with them is walked again with each node's
    expanded size memoised, so a billion-laughs file is refused after its few dozen nodes are looked at.
    (An alias of a single scalar adds one node for at least two characters of text: it needs no count.)
    """
    problems = Findings(findings.path)  # bounded: the first MAX_LISTED in file order, the rest counted
    seen: set[int] = set()
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            findings.add("E001", pos(node), f"nested more than {MAX_DEPTH} levels deep (the limit)")
            return False
        if node.__class__ is ScalarNode:  # only the root can be a scalar here
            if node.tag != STR and (problem := _scalar_problem(node)) is not None:
                problems.add("E001", pos(node), problem)
            continue
        plain = _CORE + ("map" if node.__class__ is MappingNode else "seq")
        if node.tag != plain and (problem := _collection_problem(node)) is not None:
            problems.add("E001", pos(node), problem)
        for child in itertools.chain.from_iterable(node.value) if node.__class__ is MappingNode else node.value:
            if child.__class__ is ScalarNode:
                if child.tag != STR and (problem := _scalar_problem(child)) is not None:
                    problems.add("E001", pos(child), problem)
                continue
            key = id(child)
            if key in seen:  # an alias of a list or mapping: count what the aliases add, and look for cycles
                return _report(problems, findings) and _check_aliases(root, findings)
            seen.add(key)
            stack.append((child, depth + 1))
    return _report(problems, findings)


def _report(problems: Findings, findings: Findings) -> bool:
    """Hand the problems found on a walk to ``findings`` in file order (the walk is depth first); whether there were none."""
    findings.extend(sorted(problems.items, key=lambda finding: (finding.line, finding.col, finding.more, finding.message)))
    return not problems.has_errors


def _check_aliases(root: Node, findings: Findings) -> bool:
    """:func:`check_tree` for a tree with shared nodes: expanded sizes memoised, cycles found on the walk's path."""
    size: dict[int, int] = {}  # expanded size of each finished node
    on_path: set[int] = set()
    added = 0  # nodes that aliases add when the tree is read as copies
    stack: list[tuple[Node, Iterator[Node]]] = []

    def enter(node: Node) -> bool:
        nonlocal added
        key = id(node)
        if len(stack) >= MAX_DEPTH:
            findings.add("E001", pos(node), f"nested more than {MAX_DEPTH} levels deep (the limit)")
            return False
        if key in size:  # a second reference: an alias
            added += size[key]
            if added > MAX_ALIAS_EXPANSION:
                message = f"aliases expand the document by more than {MAX_ALIAS_EXPANSION:,} nodes (the limit); use fewer aliases"
                findings.add("E001", pos(node), message)
                return False
            return True
        if key in on_path:
            findings.add("E001", pos(node), "an alias refers to the list or mapping that contains it (the value would be infinite)")
            return False
        if isinstance(node, ScalarNode):
            problem = _scalar_problem(node)
            if problem is not None:
                findings.add("E001", pos(node), problem)
                return False
            size[key] = 1
            return True
        problem = _collection_problem(node)
        if problem is not None:
            findings.add("E001", pos(node), problem)
            return False
        children = (child for pair in node.value for child in pair) if isinstance(node, MappingNode) else iter(node.value)
        on_path.add(key)
        stack.append((node, children))
        return True

    if not enter(root):
        return False
    while stack:
        node, children = stack[-1]
        child = next(children, None)
        if child is not None:
            if not enter(child):
                return False
            continue
        stack.pop()
        on_path.discard(id(node))
        size[id(node)] = _finished_size(node, size)
    return True


def _finished_size(node: Node, size: dict[int, int]) -> int:
    if isinstance(node, MappingNode):
        return 1 + sum(size[id(key)] + size[id(value)] for key, value in node.value)
    return 1 + sum(size[id(item)] for item in node.value)
