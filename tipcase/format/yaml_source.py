"""Reading YAML with positions: bytes to a node tree whose every key and value knows its line and column.

The scenario format reports findings as ``PATH:LINE:COL``, so the loader works on PyYAML's node
tree (composed by the libyaml C parser) rather than on plain Python values. Syntax errors and
bytes that are not UTF-8 become a single E001 finding instead of an exception.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from tipcase.format.findings import Findings, Pos

try:  # the C loader is much faster; PyYAML wheels ship it, source builds may not
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Loader = yaml.SafeLoader

__all__ = ["MappingNode", "Node", "ScalarNode", "SequenceNode", "compose", "pos", "scalar_value"]

_constructor = yaml.constructor.SafeConstructor()

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"


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
    """UTF-8 text of a file (a byte-order mark is dropped), or None with an E001 finding."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        findings.add("E001", _position_of_offset(data, exc.start), f"not UTF-8: byte 0x{data[exc.start]:02x} cannot be decoded")
        return None
    return text.removeprefix("\ufeff")


def compose(text: str, findings: Findings) -> Node | None:
    """Parse text into a node tree; on a syntax error add E001 and return None."""
    try:
        return yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.problem:
            problem = f"{exc.context}: {exc.problem}"
        findings.add("E001", where, f"YAML syntax: {problem}")
    except yaml.YAMLError as exc:  # reader errors (control characters and the like)
        mark = getattr(exc, "position", None)
        findings.add("E001", (1, 1), f"YAML: {exc}" if mark is None else f"YAML: {exc}".splitlines()[0])
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
