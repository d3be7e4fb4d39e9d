"""Reading scenario YAML that is malformed or hostile: one E001 line with the place, never an internal error.

What a trainer relies on: `tipcase validate` names the line and column of a value that YAML cannot
construct (a bad `!!int`, `!!timestamp`, an unknown tag, a 5,000-digit number), and a file built to
exhaust memory (alias expansion, self-containing aliases, huge files) is refused in bounded time.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from tipcase.cli import main
from tipcase.format import yaml_source
from tipcase.format.loader import load_bytes, load_file, load_text

BASE = "tipcase: 1\nid: case\nversion: 1\ntitle: Title\nstart: a\nstages:\n  a: {text: Hello, end: success}\n"


def findings_of(text: str) -> list[str]:
    return [f"{f.line}:{f.col}: {f.code} {f.message}" for f in load_text(text, "case.yaml").findings]


@pytest.mark.parametrize(
    ("edit", "where", "message"),
    [
        (("version: 1", "version: !!int abc"), "3:10", "!!int 'abc' is not an integer"),
        (("version: 1", "version: !!int 0b2"), "3:10", "!!int '0b2' is not an integer"),
        (("version: 1", "version: !!float x"), "3:10", "!!float 'x' is not a number"),
        (("version: 1", "version: !!int"), "3:10", "!!int '' is not an integer"),  # found by the fuzz suite
        (("version: 1", "version: !!float ''"), "3:10", "!!float '' is not a number"),
        (("title: Title", "title: !!bool maybe"), "4:8", "!!bool 'maybe' is not true or false"),
        (("title: Title", "title: !!timestamp notadate"), "4:8", "!!timestamp 'notadate' is not a date or time"),
        (("version: 1", "version: " + "9" * 5000), "3:10", "a number of 5,000 characters (at most 100 are read)"),
        (("version: 1", "version: 9223372036854775808"), "3:10", "the integer 9223372036854775808 does not fit in 64 bits"),
        (("version: 1", "version: 0x" + "f" * 30), "3:10", "does not fit in 64 bits"),
        (("title: Title", "title: !foo Title"), "4:8", "unknown tag !foo"),
        (("title: Title", "title: !!python/object:os.system Title"), "4:8", "unknown tag !!python/object:os.system"),
        (("title: Title", "title: !!str [a, b]"), "4:8", "!!str cannot tag a list"),
        (("title: Title", "title: !!set {a: 1}"), "4:8", "!!set holds keys only"),
        (("title: Title", "title: !!omap [a, b]"), "4:8", "!!omap is a list of one-key mappings"),
        (("title: Title", "title: !!set [a, b]"), "4:8", "!!set cannot tag a list"),  # was a TypeError (exit 70)
        (("title: Title", "title: !!map [a, b]"), "4:8", "!!map cannot tag a list"),
        (("title: Title", "title: !!seq {a: b}"), "4:8", "!!seq cannot tag a mapping"),
        (("title: Title", "title: !!omap {a: b}"), "4:8", "!!omap cannot tag a mapping"),
    ],
)
def test_a_value_that_does_not_construct_is_e001_with_its_place(edit: tuple[str, str], where: str, message: str) -> None:
    found = findings_of(BASE.replace(*edit))
    assert len(found) == 1, found
    assert found[0].startswith(f"{where}: E001 ")
    assert message in found[0]


def test_every_bad_value_is_listed_in_file_order() -> None:
    text = BASE.replace("title: Title", "title: !!int x").replace("version: 1", "version: !!float y")
    assert [f.split(": E001")[0] for f in findings_of(text)] == ["3:10", "4:8"]


def test_values_that_construct_are_read_as_before() -> None:
    text = BASE.replace("title: Title", "title: 2024-01-31").replace("version: 1", "version: !!int '3'")
    loaded = load_text(text, "case.yaml")
    assert not loaded.findings.has_errors
    assert loaded.scenario is not None
    assert loaded.scenario.version == 3
    assert loaded.scenario.title.get("en") == "2024-01-31"


def test_aliases_that_reuse_a_little_are_fine() -> None:
    text = BASE.replace("title: Title", "title: &t {en: Title}\nsummary: *t")
    loaded = load_text(text, "case.yaml")
    assert not loaded.findings.has_errors, [str(f) for f in loaded.findings]


def test_an_alias_inside_its_own_anchor_is_e001() -> None:
    found = findings_of(BASE + "summary: &loop [*loop]\n")
    assert found == ["8:10: E001 an alias refers to the list or mapping that contains it (the value would be infinite)"]


def billion_laughs(levels: int = 9) -> str:
    lines = ["lol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"lol{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]" for i in range(1, levels)]
    return BASE + "\n".join(lines) + "\n"


def test_billion_laughs_is_refused_in_bounded_time() -> None:
    started = time.perf_counter()
    found = findings_of(billion_laughs())
    assert time.perf_counter() - started < 1.0
    assert len(found) == 1
    assert "E001 aliases expand the document by more than 1,000,000 nodes (the limit)" in found[0]


def test_quadratic_blowup_through_the_schema_is_refused() -> None:
    """10,000 stages each an alias of one stage with 10,000 choices: small file, 10^8 choices as copies."""
    choices = ", ".join(["*c"] * 10_000)
    stages = "\n".join(f"  s{i}: *s" for i in range(10_000))
    text = (
        "tipcase: 1\nid: case\nversion: 1\ntitle: T\nstart: a\nstages:\n"
        f"  a: &s {{text: T, choices: [&c {{label: go, to: a}}, {choices}]}}\n{stages}\n"
    )
    started = time.perf_counter()
    found = findings_of(text)
    assert time.perf_counter() - started < 2.0
    assert any("aliases expand the document" in f for f in found), found


def test_deep_nesting_is_e001() -> None:
    found = findings_of(BASE + "summary: " + "[" * 5_000 + "]" * 5_000 + "\n")
    assert len(found) == 1
    assert "E001 YAML syntax" in found[0]
    assert "nesting depth" in found[0]


def test_a_control_character_is_reported_where_it_is() -> None:
    assert findings_of("tipcase: 1\nid: é\x07b\n") == [
        "2:6: E001 YAML: character #x0007 is not allowed in YAML (control characters are not allowed)"
    ]


def test_a_lone_surrogate_in_text_is_e001() -> None:
    assert findings_of("tipcase: 1\nid: \ud800\n") == ["2:5: E001 not UTF-8: a lone surrogate character"]


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(yaml_source, "MAX_FILE_BYTES", 1_000)
    path = tmp_path / "big.yaml"
    path.write_text(BASE + "summary: " + "x" * 2_000 + "\n", encoding="utf-8")
    loaded = load_file(path)
    assert [f"{f.line}:{f.col}: {f.code}" for f in loaded.findings] == ["1:1: E001"]
    assert loaded.findings.items[0].message == "the file is 2,104 bytes: a scenario or pathway file may be at most 1,000 bytes"
    assert load_bytes(path.read_bytes()).findings.has_errors


def test_validate_prints_one_line_and_exits_1(tmp_path, capsys) -> None:
    path = tmp_path / "case.yaml"
    path.write_text(BASE.replace("version: 1", "version: !!int abc"), encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out.strip().splitlines()
    assert out == [f"{path}:3:10: E001 !!int 'abc' is not an integer", "1 error, no warnings"]  # the finding, then the count


def test_nesting_beyond_the_limit_is_e001_before_anything_recurses() -> None:
    found = findings_of(BASE + "summary: " + "[" * 150 + "]" * 150 + "\n")
    assert found == ["8:109: E001 nested more than 100 levels deep (the limit)"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (BASE.replace("version: 1", "version: !!int abc"), "case.yaml:3:10: E001 !!int 'abc' is not an integer"),
        (BASE + "summary: [\n", "case.yaml:9:1: E001 YAML syntax"),
        (BASE + "summary: " + "[" * 150 + "]" * 150 + "\n", "case.yaml:8:109: E001 nested more than 100 levels deep"),
        (billion_laughs(), "E001 aliases expand the document"),
    ],
)
def test_the_editor_opens_a_bad_file_with_one_line(tmp_path, text: str, message: str) -> None:
    from tipcase.format.document import EditError, ScenarioDocument

    path = tmp_path / "case.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(EditError, match="E001") as raised:
        ScenarioDocument.load(path)
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)
    path.write_text(BASE, encoding="utf-8")
    assert ScenarioDocument.load(path).data["stages"]["a"] == {"text": "Hello", "end": "success"}


def test_a_list_where_a_number_belongs_is_named_without_the_readers_insides() -> None:
    found = findings_of(BASE.replace("version: 1", "version: !!set {a, b}"))
    assert found == ["3:10: E002 version: expected an integer, found a mapping"]


@pytest.mark.parametrize(
    ("lines", "code", "first_and_unlisted_at"),
    [
        ([f"    x{i}: 1" for i in range(20_000)], "E002", ("10:5: E002 stages.a: unknown key 'x0'", "110:5")),  # 200,000 were as many lines
        ([f"    x{i}: !!int y" for i in range(20_000)], "E001", ("10:9: E001 !!int 'y' is not an integer", "110:11")),
    ],
    ids=["E002", "E001"],
)
def test_a_code_repeated_in_a_file_is_listed_100_times_then_counted_in_one_line(
    lines: list[str], code: str, first_and_unlisted_at: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, unlisted_at = first_and_unlisted_at
    path = tmp_path / "many.yaml"
    stage = "  a:\n    text: Hello\n    end: success\n"
    path.write_text(BASE.replace("  a: {text: Hello, end: success}\n", stage) + "\n".join(lines) + "\n")
    assert main(["validate", str(path)]) == 1
    out, err = capsys.readouterr()
    *findings, summary = out.splitlines()
    printed = [line.removeprefix(f"{path}:") for line in findings]
    assert len(printed) == 101
    assert printed[0].startswith(first)
    assert all(f": {code} " in line for line in printed)
    assert (
        printed[-1]
        == f"{unlisted_at}: {code} 19,900 more {code} findings from here on are not listed " + "(at most 100 of a code are, for each file)"
    )
    assert summary == "20,000 errors, no warnings"  # the result, on standard output after the findings
    assert err == ""
    assert main(["validate", "--json", str(path)]) == 1
    found = json.loads(capsys.readouterr().out)
    assert len(found) == 101
    assert found[-1]["unlisted"] == 19_900


def test_the_cap_is_for_each_file_and_code_and_counts_stay_right_when_sorted_again() -> None:
    from tipcase.format.findings import Finding, sort_findings

    many = [Finding(path, line, 1, "E002", f"bad {line}") for path in ("a.yaml", "b.yaml") for line in range(1, 151)]
    once = sort_findings([*many, Finding("a.yaml", 1, 1, "E003", "other")])
    assert len(once) == 2 * 101 + 1
    again = sort_findings(reversed(once))
    assert again == once
    assert [(f.path, f.line, f.more) for f in again if f.more] == [("a.yaml", 101, 50), ("b.yaml", 101, 50)]


def test_findings_beyond_the_cap_are_counted_not_kept_so_memory_stays_flat() -> None:
    import tracemalloc

    stage = "  a:\n    text: Hello\n    end: success\n"
    text = BASE.replace("  a: {text: Hello, end: success}\n", stage) + "".join(f"    x{i}: 1\n" for i in range(20_000))
    tracemalloc.start()
    try:
        loaded = load_text(text, "many.yaml")
        kept = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    listed = loaded.findings.items
    assert len(listed) == 101
    assert listed[-1].more == 19_900
    # 20,000 findings kept until sorted took 12 MB here (200,000 held 117 MB of a 310 MB validate); 100 and a count take little
    assert kept < 2 * 2**20, kept


def test_the_first_in_file_order_are_kept_whatever_order_the_checks_add_them() -> None:
    from tipcase.format.findings import Findings

    findings = Findings("a.yaml")
    for line in range(150, 0, -1):
        findings.add("E003", (line, 1), f"bad {line}")
    findings.add("E003", (7, 1), "bad 7")  # the same finding again is not kept twice
    listed = findings.items
    assert sorted((f.line, f.more) for f in listed) == [(line, 0) for line in range(1, 101)] + [(101, 50)]
    assert findings.has_errors


@pytest.mark.parametrize("flow", ["[{}]", "{{{}}}"])
def test_a_file_of_more_values_than_the_limit_is_refused_before_its_tree_is_built(monkeypatch, flow: str) -> None:
    """A small file of tiny values (``[1,1,...]``, ``{a, a, ...}``) would build a tree of ~330 bytes a value:
    a 32 MiB one took 5 GB. Past MAX_NODES values it is one E001 at the value past the limit, read as events
    (the memory of one event), with no tree built."""
    import tracemalloc

    monkeypatch.setattr(yaml_source, "MAX_NODES", 20_000)
    entries = ", ".join(["1"] * 25_000) if flow == "[{}]" else ", ".join(f"k{i}" for i in range(15_000))
    text = BASE + "summary: " + flow.format(entries) + "\n"
    tracemalloc.start()
    try:
        found = findings_of(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(found) == 1
    assert found[0].startswith("8:")
    assert "E001 more than 20,000 values in one file" in found[0]
    assert peak < 2 * len(text) + 2**20, f"{peak:,} bytes traced for a text of {len(text):,}"  # a tree would be ~7 MB


def test_a_case_below_the_value_bound_is_parsed_once(monkeypatch) -> None:
    """The exact count runs only when the cheap bound (separators counted) says the limit could be passed."""
    parsed: list[object] = []
    monkeypatch.setattr(yaml_source.yaml, "parse", lambda *a, **k: parsed.append(a) or iter(()))
    assert findings_of(BASE) == []
    assert parsed == []
