"""Fuzzing every reader of outside files: Twee, Twine HTML, H5P packages and JSON, scenario YAML.

Each input, generated (hypothesis) or a mutation of a real file (../shared/testdata/twine, inputs/ and the
bundled cases), must end in one of the two answers a user can act on: a result (an import that validates,
findings from the validator) or a one-line refusal (``ImportFailed``); never another exception (the
command line's exit 70), and within a time and memory bound that grows linearly with the input.

Kept to seconds in ``make test``: ``TIPCASE_FUZZ_EXAMPLES`` (default 25 per hypothesis test) and
``TIPCASE_FUZZ_MUTANTS`` (default 6 per file) raise both for a longer hunt. CI replays fixed examples
(the ``ci`` hypothesis profile in conftest.py); the mutations are seeded and the same every run.
"""

from __future__ import annotations

import io
import json
import os
import random
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tipcase import bundled
from tipcase.format.loader import load_bytes
from tipcase.format.validator import check_loaded
from tipcase.importers import ImportFailed, decode, import_h5p, import_text

SHARED = Path(__file__).resolve().parents[2] / "shared" / "testdata"
EXAMPLES = int(os.environ.get("TIPCASE_FUZZ_EXAMPLES", "25"))
MUTANTS = int(os.environ.get("TIPCASE_FUZZ_MUTANTS", "6"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def bounded(read: Callable[[bytes], object], data: bytes) -> None:
    """Run one reader on one input: a result or ImportFailed, within 4 s + 1 s/10 KB of CPU and 64 MiB + 60 bytes a byte.

    The bounds catch runaway cost (a backtracking pattern, an alias bomb, a zip bomb) on small inputs
    with room for tracemalloc's own cost (about 3x) and a busy machine; that the readers are linear is
    measured on large inputs by test_import_hostile.py and ``make bench``.
    """
    refusal = ""
    tracemalloc.start()
    started = time.process_time()
    try:
        read(data)
    except ImportFailed as exc:
        refusal = str(exc)
    finally:
        elapsed = time.process_time() - started
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert "\n" not in refusal, refusal
    assert elapsed < 4.0 + len(data) / 10_000, f"{elapsed:.1f} s of CPU for {len(data):,} bytes"
    assert peak < 64 * 2**20 + 60 * len(data), f"{peak / 2**20:.0f} MiB for {len(data):,} bytes"


def read_twee(data: bytes) -> object:
    return import_text(decode(data, "fuzz.twee"), "fuzz.twee")


def read_html(data: bytes) -> object:
    return import_text(decode(data, "fuzz.html"), "fuzz.html")


def read_h5p(data: bytes) -> object:
    return import_h5p(data, "fuzz.h5p")


def read_yaml(data: bytes) -> object:
    return check_loaded(load_bytes(data, "fuzz.yaml"))


# -- mutations of real files -----------------------------------------------------------------------

HOSTILE = [
    b"[[", b"]]", b"\n::", b"::", b"\\", b"\\:", b"{", b"}", b"[", b"]", b"<", b"</", b"<!--", b"<![", b"&#", b"&", b"\x00",
    b"NaN", b"1e400", b"9" * 30, b"->", b"<-", b"|", b"][", b"\xef\xbb\xbf", b"<tw-passagedata name=x>", b"</tw-storydata>",
    b"<script>", b'"', b"'", b"\xff", b"\n", b"!!int x", b"&a [*a]", b"*a", b"<<: *a", b"? ", b"- ", b": ", b"---\n", b"%YAML 1.1\n",
    b"\t", b"|\n", b"!!timestamp x", b"!foo ", b'{"position":"1e400,1"}', b"\xc3", b"\xf0\x9f\x98\x80",
]  # fmt: skip


def mutate(data: bytes, rnd: random.Random) -> bytes:
    """One random edit of a real file: a hostile token (once or many times), a flipped byte, a cut or a repeated slice."""
    at = rnd.randrange(len(data) + 1)
    kind = rnd.randrange(5)
    if kind == 0:
        return data[:at] + rnd.choice(HOSTILE) * rnd.choice((1, 7, 2_000)) + data[at:]
    if kind == 1 and data:
        spot = rnd.randrange(len(data))
        return data[:spot] + bytes([data[spot] ^ (1 << rnd.randrange(8))]) + data[spot + 1 :]
    if kind == 2:
        return data[:at]
    if kind == 3:
        end = min(len(data), at + rnd.randrange(1, 400))
        return data[:at] + data[at:end] * rnd.choice((2, 50)) + data[at:]
    return data[:at] + data[rnd.randrange(len(data) + 1) :]


def rezip(package: bytes, mutate_member: Callable[[bytes], bytes]) -> bytes:
    """The package with each JSON member mutated, zipped again (so the zip itself is sound)."""
    source = zipfile.ZipFile(io.BytesIO(package))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info.filename, mutate_member(data) if info.filename.endswith(".json") else data)
    return buffer.getvalue()


def sources() -> list[tuple[str, Path, Callable[[bytes], object]]]:
    found: list[tuple[str, Path, Callable[[bytes], object]]] = []
    for path in sorted((SHARED / "twine").glob("*")) + sorted((SHARED / "inputs").glob("*")):
        if path.name.endswith(".md") or path.name.startswith("roster-"):
            continue
        if path.suffix == ".h5p":
            found.append((path.name, path, read_h5p))
        elif path.suffix in (".yaml", ".yml"):
            found.append((path.name, path, read_yaml))
        else:
            found.append((path.name, path, read_html if path.suffix == ".html" else read_twee))
    found += [(path.name, path, read_yaml) for path in sorted(bundled.bundled_dir().glob("*.yaml"))[:2]]
    return found


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/testdata is not beside the project")
@pytest.mark.parametrize(("name", "path", "read"), sources(), ids=[name for name, _, _ in sources()])
def test_mutations_of_real_files_are_read_or_refused_in_bounds(name: str, path: Path, read: Callable[[bytes], object]) -> None:
    data = path.read_bytes()
    rnd = random.Random(name)
    count = MUTANTS if len(data) < 50_000 else max(1, MUTANTS // 3)
    for _ in range(count):
        bounded(read, mutate(data, rnd))
        if read is read_h5p:
            bounded(read, rezip(data, lambda member: mutate(member, rnd)))


# -- generated inputs ------------------------------------------------------------------------------

PIECES = st.sampled_from(
    ["[[", "]]", "->", "<-", "|", "][", "::", "\\", "\\:", "{", "}", "[", "]", "<<link>>", "(link-goto:", "\n", " ", "Start", "A", "B",
     '{"position":"1,2"}', "<x,y>", "<1e400,5>", '{"position":"NaN,1"}', "StoryData", "StoryTitle", "\x00", "é", "😀", "\r"]
)  # fmt: skip


@st.composite
def twee_texts(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(st.integers(1, 12))):
        if draw(st.booleans()):
            lines.append("::" + "".join(draw(st.lists(PIECES, max_size=8))))
        lines.append("".join(draw(st.lists(PIECES, max_size=12))))
    return "\n".join(lines)


@FUZZ
@given(twee_texts())
def test_generated_twee_is_read_or_refused_in_bounds(text: str) -> None:
    bounded(read_twee, text.encode("utf-8", "surrogatepass"))


HTML_PIECES = st.sampled_from(
    ["<tw-storydata name='S' startnode='1'>", "</tw-storydata>", "<tw-passagedata pid='1' name='Start' position='1,1'>",
     "<tw-passagedata pid=2 name=B tags='a b'>", "</tw-passagedata>", "<script>", "</script>", "<style>", "<!--", "-->", "<![CDATA[",
     "<", ">", "&amp;", "&#", "&#x", "99999999999", ";", "'", '"', "=", "[[B]]", "[[", "text", "\n", "<br/>", "<?x", "</ ", "<title>",
     "<div tiddler='Start' twine-position='1,2'>", "<div tiddler=''>", "</div>", "\\n", "\\s"]
)  # fmt: skip


@FUZZ
@given(st.lists(HTML_PIECES, max_size=40))
def test_generated_twine_html_is_read_or_refused_in_bounds(pieces: list[str]) -> None:
    bounded(read_html, ("<tw-storydata name='S'>" + "".join(pieces)).encode())
    bounded(read_html, ("<html><div id='storeArea'>" + "".join(pieces)).encode())  # Twine 1


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
KEYS = st.sampled_from(
    ["type", "library", "params", "text", "nextContentId", "alternatives", "feedback", "endScreenScore", "title",
     "branchingQuestion", "question", "metadata", "file", "path", "endScreens", "contentId", "scoringOptionGroup"]
)  # fmt: skip


def _plant(document: Any, keys: list[str], value: Any) -> Any:
    """``document`` with ``value`` put at the end of a path of ``keys`` (created as needed), as hostile content would."""
    node = document
    for key in keys[:-1]:
        if isinstance(node, list) and node:
            node = node[0]
        if isinstance(node, dict):
            node = node.setdefault(key, {})
    if isinstance(node, dict) and keys:
        node[keys[-1]] = value
    return document


@FUZZ
@given(st.lists(st.tuples(st.lists(KEYS, min_size=1, max_size=5), json_values), max_size=6), st.booleans())
def test_generated_h5p_content_is_read_or_refused_in_bounds(plants: list[tuple[list[str], Any]], as_package: bool) -> None:
    document: dict[str, Any] = {
        "branchingScenario": {"content": [{"type": {"library": "H5P.BranchingQuestion 1.0", "params": {}}, "nextContentId": -1}]}
    }
    for keys, value in plants:
        _plant(document["branchingScenario"]["content"], keys, value)
    data = json.dumps(document).encode()
    if as_package:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("h5p.json", json.dumps({"language": "und", "mainLibrary": "H5P.BranchingScenario"}))
            archive.writestr("content/content.json", data)
        data = buffer.getvalue()
    bounded(read_h5p, data)


YAML_PIECES = st.sampled_from(
    ["tipcase: 1\n", "id: x\n", "version: ", "!!int ", "!!float ", "!!bool ", "!!timestamp ", "!!binary ", "!x ", "&a ", "*a", "<<: *a\n",
     "[", "]", "{", "}", ", ", ": ", "- ", "? ", "\n  ", "\n", "abc", "12", "1e400", ".nan", "9" * 40, "'", '"', "|\n  ", "# c\n",
     "stages:\n", "  s: {text: t, end: success}\n", "start: s\n", "title: T\n", "\t", "---\n", "0x", "1:30", "~"]
)  # fmt: skip


@FUZZ
@given(st.lists(YAML_PIECES, max_size=40))
def test_generated_scenario_yaml_is_read_or_refused_in_bounds(pieces: list[str]) -> None:
    bounded(read_yaml, "".join(pieces).encode())


@FUZZ
@given(st.lists(json_values, min_size=1, max_size=5), st.lists(json_values, max_size=3))
def test_generated_h5p_content_lists_are_read_or_refused_in_bounds(items: list[Any], alternatives: list[Any]) -> None:
    question = {"type": {"library": "H5P.BranchingQuestion", "params": {"branchingQuestion": {"alternatives": alternatives}}}}
    bounded(read_h5p, json.dumps({"branchingScenario": {"content": [question, *items], "endScreens": items}}).encode())
