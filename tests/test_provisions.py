"""The register of provisions: how refs name provisions, W106, the register files, and the bundled cases' refs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import codes
from tipcase import bundled
from tipcase.format.findings import Finding
from tipcase.format.loader import bundled_register, load_file, register_for
from tipcase.format.provisions import Citation, canonical_law, citations, text_citations, unknown
from tipcase.format.schema import Text
from tipcase.format.validator import validate_paths


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        ("UU 21/2007 Art. 18", ["UU 21/2007 Art. 18"]),
        ("UU 21/2007 Pasal 18", ["UU 21/2007 Art. 18"]),
        ("UU 21/2007 Arts. 48-50", ["UU 21/2007 Art. 48", "UU 21/2007 Art. 49", "UU 21/2007 Art. 50"]),
        ("UU 21/2007 Pasal 24, 44", ["UU 21/2007 Art. 24", "UU 21/2007 Art. 44"]),
        ("UU 12/2022 Art. 4(2), 23", ["UU 12/2022 Art. 4(2)", "UU 12/2022 Art. 23"]),
        ("UU 12/2022 Pasal 4 ayat (2), 23", ["UU 12/2022 Art. 4(2)", "UU 12/2022 Art. 23"]),
        ("UU 21/2007 Pasal 1 angka 1, 4", ["UU 21/2007 Art. 1(1)", "UU 21/2007 Art. 4"]),
        ("UU 12/2022 Pasal 70 ayat (2) huruf l", ["UU 12/2022 Art. 70(2)(l)"]),
        ("UU 18/2017 Art. 81 jo. Art. 69", ["UU 18/2017 Art. 81", "UU 18/2017 Art. 69"]),
        ("UU 18/2017 Pasal 81 jo 69", ["UU 18/2017 Art. 81", "UU 18/2017 Art. 69"]),
        ("Penjelasan UU 21/2007 Pasal 48 ayat (1)", ["UU 21/2007 Art. 48(1)"]),
        ("UU 21/2007 Elucidation of Art. 48(1)", ["UU 21/2007 Art. 48(1)"]),
        ("UU 12/2022 Art. 43 (as good practice)", ["UU 12/2022 Art. 43"]),
        ("UU 13/2006 as amended by UU 31/2014", ["UU 13/2006", "UU 31/2014"]),
        ("UU 23/2004; UU 12/2022 Art. 24", ["UU 23/2004", "UU 12/2022 Art. 24"]),
        ("UU  21 / 2007 Art. 7A", ["UU 21/2007 Art. 7A"]),
        ("Kepmenaker 260/2015; Permen PPPA 22/2010 Pasal 3", ["Kepmenaker 260/2015", "Permen PPPA 22/2010 Art. 3"]),
        ("MK 21/PUU-XII/2014", ["MK 21/PUU-XII/2014"]),
        ("WHO ten principles: do no harm", []),
        ("Palermo Protocol Art. 3(c); UNODC Manual Module 8 (PEACE)", []),
        ("SOP Unit PPA 2.3", []),
    ],
)
def test_a_ref_names_the_provisions_an_author_wrote(ref: str, expected: list[str]) -> None:
    assert [str(c) for c in citations(ref)] == expected


def test_both_languages_of_a_ref_are_read() -> None:
    ref = Text({"en": "UU 21/2007 Art. 47", "id": "UU 21/2007 Pasal 47; UU 31/2014 Pasal 5"})
    assert text_citations(ref) == [Citation("UU 21/2007", "47"), Citation("UU 31/2014", "5")]


def test_canonical_law_citations() -> None:
    assert canonical_law("UU 21/2007") == "UU 21/2007"
    assert canonical_law("UU No. 21/2007") == "UU 21/2007"
    assert canonical_law("PP   43 /2017") == "PP 43/2017"
    assert canonical_law("Undang-undang 21") is None


def test_a_paragraph_resolves_to_its_article_when_only_the_article_is_registered() -> None:
    register = bundled_register()
    assert register.resolve(Citation("UU 21/2007", "18(1)")) is register.resolve(Citation("UU 21/2007", "18"))
    assert register.resolve(Citation("UU 12/2022", "42(2)")) is not register.resolve(Citation("UU 12/2022", "42"))
    assert register.resolve(Citation("UU 21/2007", "999")) is None
    assert register.resolve(Citation("UU 21/2007")) is not None


@pytest.mark.parametrize("path", bundled.provision_registers(), ids=lambda p: p.name)
def test_register_files_are_clean_and_bilingual(path: Path) -> None:
    loaded = load_file(path)
    assert loaded.kind == "provisions"
    assert [str(f) for f in loaded.findings] == []
    assert loaded.register is not None
    assert len(loaded.register) > 0
    for provision in loaded.register.provisions.values():
        assert provision.source.strip(), provision.citation
        if provision.citation.article is not None:
            assert provision.summary is not None
            assert set(provision.summary.values) >= {"en", "id"}


def test_every_reference_in_the_bundled_library_resolves_in_the_register() -> None:
    register = bundled_register()
    missing: list[str] = []
    for path in bundled.bundled_scenarios():
        scenario = load_file(path).scenario
        assert scenario is not None
        for stage, choice in scenario.choices():
            missing += [f"{path.name} {stage.id} choice {choice.index + 1}: {c}" for c in unknown(choice.ref, register)]
    for path in sorted((bundled.bundled_dir() / "pathways").glob("*.yaml")):
        pathway = load_file(path).pathway
        assert pathway is not None
        for ref in [node.ref for node in pathway.nodes.values()] + [rule.ref for rule in pathway.rules]:
            missing += [f"{path.name}: {c}" for c in unknown(ref, register)]
    assert missing == []


CASE = """\
tipcase: 1
id: cites
version: 1
title: Cites
start: a
stages:
  a:
    text: Start
    choices:
      - label: Protect
        to: done
        feedback: Yes.
        ref: "UU 21/2007 Art. 47; UU 21/2007 Art. 999; UU 77/2099 Art. 1; WHO ten principles"
      - label: Wait
        to: done
        feedback: No.
        ref: "UU 21/2007 Art. 18"
  done:
    text: End
    end: success
"""


def test_w105_names_each_provision_the_register_lacks_at_the_ref(findings_of: Callable[..., list[Finding]]) -> None:
    findings = [f for f in findings_of(CASE, pathway=None) if f.code == "W106"]
    assert codes(findings) == [("W106", 13, 14), ("W106", 13, 14)]
    assert "UU 21/2007 Art. 999: not in the provisions register" in findings[0].message
    assert "holds no law UU 77/2099" in findings[1].message
    assert all("stage 'a', choice 1" in f.message for f in findings)


def test_a_register_beside_a_scenario_extends_the_bundled_one(
    findings_of: Callable[..., list[Finding]], write: Callable[[str, str], Path]
) -> None:
    write(
        "provisions-local.yaml",
        """\
        tipcase-provisions: 1
        laws:
          UU 77/2099:
            title: A future law
            source: the trainer's own copy
            articles:
              "1": {summary: The first article.}
        """,
    )
    findings = [f for f in findings_of(CASE, pathway=None) if f.code == "W106"]
    assert [f.message.split(": ref names ")[1].split(":")[0] for f in findings] == ["UU 21/2007 Art. 999"]
    assert len(register_for(write("other.yaml", "x: 1"))) == len(bundled_register()) + 2


def test_register_file_errors_are_findings(write: Callable[[str, str], Path]) -> None:
    path = write(
        "provisions-bad.yaml",
        """\
        tipcase-provisions: 1
        languages: [en, id]
        laws:
          Undang-Undang 21 Tahun 2007:
            title: {en: Wrong key, id: Kunci salah}
            source: x
          UU  21/2007:
            title: {en: Spacing, id: Spasi}
            source: x
          UU 1/2023:
            title: {en: Code}
            source: x
            articles:
              "455": {summary: {en: Trafficking}}
              Art 2: {summary: {en: Bad key, id: Kunci salah}}
        """,
    )
    found = [(f.code, f.line) for f in validate_paths([str(path)])]
    assert found == [("E002", 4), ("E002", 7), ("E002", 15), ("W101", 11), ("W101", 14)]
    assert "write it 'UU 21/2007'" in next(f.message for f in validate_paths([str(path)]) if f.line == 7)


def test_the_register_is_not_a_scenario_of_the_library() -> None:
    assert not any(p.name.startswith("provisions") for p in bundled.bundled_scenarios())
    assert bundled.provision_registers()


@pytest.mark.parametrize(
    ("ref", "indonesian"),
    [
        ("UU 21/2007 Art. 18", "UU 21/2007 Pasal 18"),
        ("UU 12/2022 Art. 42(2)(b)", "UU 12/2022 Pasal 42 ayat (2) huruf b"),
        ("UU 21/2007 Art. 1(3)", "UU 21/2007 Pasal 1 angka 3"),
        ("UU 8/2016 Art. 24(c)", "UU 8/2016 Pasal 24 huruf c"),
        ("UU 35/2014 Art. 76I", "UU 35/2014 Pasal 76I"),
        ("MK 130/PUU-XIII/2015", "MK 130/PUU-XIII/2015"),
    ],
)
def test_the_debrief_writes_a_citation_the_way_its_reader_does(ref: str, indonesian: str) -> None:
    (citation,) = citations(ref)
    assert citation.text("id") == indonesian
    assert citation.text("en") == ref


def test_the_json_schema_describes_register_files_and_every_bundled_register_fits_it(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    import jsonschema
    import yaml

    from tipcase.cli import main

    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    assert {"$ref": "#/$defs/ProvisionRegister"} in schema["oneOf"]
    registers = sorted(bundled.bundled_dir().glob("provisions*.yaml"))
    assert registers
    for path in registers:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert [error.message for error in validator.iter_errors(data)] == [], path.name
    # what the schema refuses, as the validator does: an unknown key, an article not in the article form, no summary
    good = {"tipcase-provisions": 1, "laws": {"UU 21/2007": {"title": "T", "source": "S", "articles": {"18": {"summary": "S"}}}}}
    assert list(validator.iter_errors(good)) == []
    for bad in (
        {**good, "colour": "red"},
        {"tipcase-provisions": 1, "laws": {"UU 21/2007": {"title": "T", "source": "S", "articles": {"Art. 18": {"summary": "S"}}}}},
        {"tipcase-provisions": 1, "laws": {"UU 21/2007": {"title": "T", "source": "S", "articles": {"18": {"source": "S"}}}}},
        {"tipcase-provisions": 2, "laws": {}},
    ):
        assert list(validator.iter_errors(bad)), bad
