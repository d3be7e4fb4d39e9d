"""Hostile inputs found by the third round of breaking (findings/break-14.md): each kind gives one line, never exit 70.

- an H5P ``content.json`` of millions of tiny values (a 15 KB package took 2.1 GB and 20 s): refused at
  ``json_reading.MAX_VALUES`` before it is parsed;
- a package holding one member name twice (which copy is read differs between tools): refused;
- a story title, an H5P title or a picture name hundreds of characters long: ids and file names made from them
  are at most ``convert.MAX_ID_CHARS`` (a 300-character title ended in exit 70: a file name the system refuses);
- a file name the system refuses on the command line, or a place it cannot write to: one line, exit 1;
- a scenario quoting a huge value (a 20 MB key): each finding's message at most ``findings.MAX_MESSAGE_CHARS``;
- a workbook whose 50,000 rows share one 30,000-character string: the preview in bounded time and short lines.
"""

from __future__ import annotations

import json
import time
import tracemalloc
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tipcase.cli import main
from tipcase.format.findings import MAX_MESSAGE_CHARS
from tipcase.format.validator import validate_paths
from tipcase.importers import ImportFailed, h5p_package, import_file, import_text, json_reading, save_imported
from tipcase.importers.convert import MAX_ID_CHARS
from tipcase.importers.json_reading import MAX_VALUES, JsonRefused, read_json
from tipcase.importers.twee import read_twee
from tipcase.services import roster
from tipcase.store.database import Database

MANIFEST = {"title": "T", "language": "en", "mainLibrary": "H5P.BranchingScenario"}
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\nIDATx\x9cc\x00\x01\x00\x00\x05\x00\x01\r\n-\xb4\x00\x00\x00\x00IEND\xaeB`\x82"
)


def package(path: Path, members: list[tuple[str, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return path


def picture_content(name: str) -> bytes:
    item = {"type": {"library": "H5P.Image 1.1", "params": {"file": {"path": name}}}, "contentId": 0, "nextContentId": -1}
    return json.dumps({"branchingScenario": {"content": [item]}}).encode()


def test_json_of_more_values_than_the_limit_is_refused_before_parsing_in_bounded_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(json_reading, "MAX_VALUES", 20_000)  # the scan stops there: quick under tracemalloc
    hostile = package(
        tmp_path / "values.h5p", [("h5p.json", json.dumps(MANIFEST).encode()), ("content/content.json", b"[" + b"[]," * 2_000_000 + b"[]]")]
    )
    tracemalloc.start()
    try:
        with pytest.raises(ImportFailed, match=r"content\.json:1:59999: more than 20,000 values \(the limit\)"):
            import_file(hostile)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 40 * 2**20, f"{peak / 2**20:.0f} MiB"  # 6 MB of JSON; parsed whole, 16 MiB of it took 2.1 GB


def test_the_values_limit_counts_every_kind_of_value_once() -> None:
    assert read_json("[" + ",".join(["1"] * 1000) + "]").value == [1] * 1000
    for text in ("[" + "0," * MAX_VALUES + "0]", "[" + '"",' * MAX_VALUES + '""]', '{"a": [' + "{}," * MAX_VALUES + "{}]}"):
        with pytest.raises(JsonRefused, match="more than 500,000 values"):
            read_json(text)


@pytest.mark.parametrize("twice", ["content/content.json", "h5p.json", "content/images/a.png"])
def test_a_package_holding_a_name_twice_is_refused(tmp_path: Path, twice: str) -> None:
    members = [("h5p.json", json.dumps(MANIFEST).encode()), ("content/content.json", picture_content("images/a.png"))]
    members += [("content/images/a.png", PNG), (twice, b"{}")]
    with pytest.warns(UserWarning, match="Duplicate name"):  # zipfile warns as it writes one
        hostile = package(tmp_path / "twice.h5p", members)
    with pytest.raises(ImportFailed, match=rf"twice\.h5p: the package holds '{twice}' twice"):
        import_file(hostile)


def test_long_titles_and_picture_names_make_short_ids_and_file_names(tmp_path: Path) -> None:
    story = import_text(":: StoryTitle\n" + "a" * 300 + "\n\n:: Start\n[[" + "b" * 300 + "]]\n\n:: " + "b" * 300 + "\nx\n", "s.twee")
    assert len(story.scenario["id"]) == MAX_ID_CHARS
    assert all(len(stage) <= MAX_ID_CHARS for stage in story.scenario["stages"])
    name = "images/" + "p" * 400 + ".png"
    manifest = dict(MANIFEST, title="T" * 300)
    h5p = import_file(
        package(
            tmp_path / "long.h5p",
            [("h5p.json", json.dumps(manifest).encode()), ("content/content.json", picture_content(name)), (f"content/{name}", PNG)],
        )
    )
    assert len(h5p.scenario["id"]) == MAX_ID_CHARS
    assert [len(Path(file).name) for file in h5p.media] == [MAX_ID_CHARS + len(".png")]
    save_imported(h5p, tmp_path / "case.yaml")
    assert (tmp_path / "case.yaml").is_file()


def test_a_place_that_cannot_be_written_is_one_line(tmp_path: Path) -> None:
    imported = import_text(":: Start\nx\n", "s.twee")
    (tmp_path / "file").write_text("")
    with pytest.raises(ImportFailed, match=r"file/case\.yaml: cannot write: "):
        save_imported(imported, tmp_path / "file" / "case.yaml")


def test_names_the_system_refuses_are_one_line_not_an_internal_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    long = str(tmp_path / ("x" * 300))
    story = tmp_path / "s.twee"
    story.write_text(":: Start\nx\n")
    assert main(["validate", f"{long}.yaml"]) == 1
    assert main(["import", str(story), "-o", f"{long}.yaml"]) == 1
    err = capsys.readouterr().err
    assert "internal error" not in err
    assert [
        line.startswith("tipcase: error: ") and ("File name too long" in line or "cannot write" in line) for line in err.splitlines()
    ] == [True, True]


def test_an_exhibit_file_name_the_system_refuses_is_a_warning(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(
        "tipcase: 1\nid: c\nversion: 1\ntitle: C\nlanguages: [en]\nexhibits:\n  e: {kind: photo, title: E, file: " + "x" * 300 + ".png}\n"
        "start: s\nstages:\n  s: {title: S, text: t, reveal: [e], end: success}\n"
    )
    findings = validate_paths([str(case)])
    assert [finding.code for finding in findings if finding.is_error] == []
    assert any(finding.code == "W105" and "cannot be looked up" in finding.message for finding in findings)


def test_a_huge_value_is_quoted_clipped(tmp_path: Path) -> None:
    (tmp_path / "key.yaml").write_text("? " + "k" * 1_000_000 + "\n: 1\n")  # E002: the first key must be 'tipcase: 1', found ...
    (tmp_path / "tag.yaml").write_text("tipcase: 1\nx: !" + "t" * 1_000_000 + " 1\n")  # E001: unknown tag ...
    findings = validate_paths([str(tmp_path / "key.yaml"), str(tmp_path / "tag.yaml")])
    assert {finding.code for finding in findings} == {"E001", "E002"}
    assert all(len(finding.message) <= MAX_MESSAGE_CHARS for finding in findings)
    assert any("…" in finding.message for finding in findings)


@pytest.fixture(scope="module")
def reader(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path_factory.mktemp('reader') / 'r.sqlite3'}")
    database.upgrade()
    yield database
    database.dispose()


def shared_string_workbook(path: Path, rows: int, text: str) -> Path:
    """A workbook whose every row names the same shared string (Excel stores a repeated text once)."""
    cells = "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c><c r="B{n}" t="s"><v>1</v></c></row>' for n in range(2, rows + 2))
    return workbook(path, cells, f"<si><t>full_name</t></si><si><t>{text}</t></si>")


def workbook(path: Path, rows_xml: str, shared_xml: str = "<si><t>full_name</t></si>") -> Path:
    """A workbook as Excel writes it: a header row (staff_id, and full_name from the shared strings), then ``rows_xml``."""
    main_ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    package_ns = "http://schemas.openxmlformats.org/package/2006"
    kinds = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    members = {
        "[Content_Types].xml": f'<Types xmlns="{package_ns}/content-types"><Default Extension="rels" ContentType="application/'
        'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{kinds}.sheet.main+xml"/><Override PartName="/xl/worksheets/'
        f'sheet1.xml" ContentType="{kinds}.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="{kinds}'
        '.sharedStrings+xml"/></Types>',
        "_rels/.rels": f'<Relationships xmlns="{package_ns}/relationships"><Relationship Id="r1" Type="{relations}/officeDocument"'
        ' Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook {main_ns} xmlns:r="{relations}"><sheets><sheet name="S" sheetId="1" r:id="r1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{package_ns}/relationships"><Relationship Id="r1" Type="{relations}/'
        f'worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="r2" Type="{relations}/sharedStrings" Target="sharedStrings.xml"/>'
        "</Relationships>",
        "xl/sharedStrings.xml": f"<sst {main_ns}>{shared_xml}</sst>",
        "xl/worksheets/sheet1.xml": f'<worksheet {main_ns}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>staff_id</t></is></c>'
        f'<c r="B1" t="s"><v>0</v></c></row>{rows_xml}</sheetData></worksheet>',
    }
    return package(path, [(name, data.encode()) for name, data in members.items()])


def test_rows_sharing_one_long_string_are_checked_in_bounded_time(reader: Database, tmp_path: Path) -> None:
    path = shared_string_workbook(tmp_path / "shared.xlsx", 3_000, "a" * 30_000)
    started = time.process_time()
    with reader.reading() as session:
        preview = roster.read_roster(session, path)
    spent = time.process_time() - started
    assert [row.errors for row in preview.rows[:1]] == [["name is longer than 200 characters"]]
    assert len(preview.bad) == 3_000
    assert spent < 4, f"{spent:.1f} s of CPU"  # a loop over each character: 90 million characters, about 20 s


def test_the_preview_prints_short_lines_for_long_cells(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("TIPCASE_DATABASE_URL", raising=False)
    path = shared_string_workbook(tmp_path / "shared.xlsx", 20, "Sri " + "a" * 30_000)
    assert main(["cohorts", "create", "c1", "Cohort one"]) == 0
    assert main(["cohorts", "import-roster", "c1", str(path)]) == 1
    out, err = capsys.readouterr()
    assert max(len(line) for line in (out + err).splitlines()) < 300


def test_a_directory_holding_more_files_than_its_end_record_declares_is_refused_before_it_is_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = package(tmp_path / "lies.h5p", [(f"c/{n}", b"") for n in range(12_000)])
    data = bytearray(path.read_bytes())
    end = data.rfind(b"PK\x05\x06")
    data[end + 8 : end + 12] = (5).to_bytes(2, "little") * 2  # the end record says 5 files
    path.write_bytes(data)

    def never(*_: object, **__: object) -> None:
        raise AssertionError("zipfile parsed the whole directory")  # one object a file: 215 MiB for 330,000

    monkeypatch.setattr(h5p_package.zipfile, "ZipFile", never)
    with pytest.raises(ImportFailed, match=r"lies\.h5p: the package holds 12,000 files; at most 10,000 are read"):
        import_file(path)


def reference_passages(data: bytes) -> list[tuple[int, str]]:
    """What a Twee file's passages hold, read a line at a time as the specification reads it: (header line, text)."""
    lines = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    passages: list[tuple[int, list[str]]] = []
    for number, line in enumerate(lines, 1):
        if line.startswith("::"):
            passages.append((number, []))
        elif passages:
            passages[-1][1].append(line)
    kept = []
    for number, body in passages:
        while body and (not body[-1] or body[-1].isspace()):
            body.pop()
        kept.append((number, "\n".join(body)))
    return kept


@given(
    st.lists(st.sampled_from([":: A", "::B [t]", "text", "  ", "\t", "\u3000", "\xa0", "\x1f", "é", "", "abc  ", ":: C"]), max_size=12),
    st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=12, max_size=12),
)
@settings(max_examples=300, deadline=None)
def test_twee_passages_are_found_as_a_line_by_line_reading_finds_them(lines: list[str], breaks: list[str]) -> None:
    data = "".join(line + brk for line, brk in zip(lines, breaks, strict=False)).encode()
    story = read_twee(data, "s.twee")
    assert [(passage.pos[0], passage.text) for passage in story.passages] == reference_passages(data)


def test_a_twee_file_of_millions_of_blank_lines_is_read_without_a_loop_over_lines() -> None:
    data = b":: Start\nx\n" + b"\n" * 8_000_000 + b"y\n" + b" \r\n" * 1_000_000
    started = time.process_time()
    story = read_twee(data, "blank.twee")
    spent = time.process_time() - started
    assert story.passages[0].text.startswith("x\n\n")
    assert story.passages[0].text.endswith("\ny")
    assert spent < 2.5, f"{spent:.1f} s of CPU"  # a Python loop over each line: about 5 s


def test_values_a_workbook_formula_computed_are_warned_about(reader: Database, tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "formulas.xlsx",
        '<row r="2"><c r="A2"><f>100+24</f><v>124</v></c><c r="B2" t="str"><f>CONCAT("Sri"," Wahyuni")</f><v>Sri Wahyuni</v></c></row>'
        '<row r="3"><c r="A3" t="str"><v>125</v></c><c r="B3" t="str"><v>Dewi</v></c></row>',
    )
    with reader.reading() as session:
        preview = roster.read_roster(session, path)
    assert [(row.staff_id, row.full_name, row.errors) for row in preview.rows] == [("124", "Sri Wahyuni", []), ("125", "Dewi", [])]
    assert preview.rows[0].computed_columns == ["staff_id", "full_name"]
    assert preview.rows[1].computed_columns == []
    assert preview.warning_lines() == [
        f"{path}:2:1: warning: staff ID '124' is what a formula in the workbook computed: check it is the value meant",
        f"{path}:2:2: warning: name 'Sri Wahyuni' is what a formula in the workbook computed: check it is the value meant",
    ]


def test_two_twine_passages_of_one_pid_are_a_warning() -> None:
    html = (
        '<tw-storydata name="S" startnode="1"><tw-passagedata pid="1" name="A">[[B]]</tw-passagedata>'
        '<tw-passagedata pid="1" name="B">end</tw-passagedata></tw-storydata>'
    )
    imported = import_text(html, "s.html")
    assert imported.scenario["start"] == "a"
    assert [str(note) for note in imported.notes] == [
        "s.html:1:93: warning: passage 'B' has the pid 1 of 'A' (the startnode means the first)"
    ]
