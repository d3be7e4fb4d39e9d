"""The role a case's trainee plays: the format's fixed vocabulary, and the demo's course per role."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from tipcase import bundled
from tipcase.format.findings import Finding
from tipcase.format.loader import load_file, load_text
from tipcase.format.roles import ROLE_IDS, role_name
from tipcase.format.schema import json_schema
from tipcase.services import courses
from tipcase.services.demo import role_course_code, seed_demo
from tipcase.store.database import Database
from tipcase.store.models import Course

THE_SEVEN = ("investigator", "prosecutor", "immigration-officer", "labour-inspector", "case-worker", "lpsk-officer", "consular-officer")


def case(case_id: str, role: str | None) -> str:
    role_line = f"role: {role}\n" if role else ""
    return (
        f"tipcase: 1\nid: {case_id}\nversion: 1\ntitle: {{en: {case_id}, id: {case_id}}}\nlanguages: [en, id]\n{role_line}"
        "start: a\nstages:\n  a:\n    text: {en: Start, id: Mulai}\n    choices:\n"
        "      - {label: {en: Go, id: Jalan}, to: b, feedback: {en: Good, id: Baik}, score: {referral: 1}}\n"
        "  b:\n    text: {en: End, id: Selesai}\n    end: success\n"
    )


def test_the_vocabulary_is_the_seven_roles_the_library_uses() -> None:
    assert ROLE_IDS == THE_SEVEN
    assert role_name("lpsk-officer", "id") == "Petugas LPSK"
    assert role_name("prosecutor", "jv") == "Public prosecutor"  # no Javanese name: English
    assert role_name(None, "en") == ""


def test_a_case_declares_its_role_and_may_leave_it_out() -> None:
    declared = load_text(case("one", "prosecutor"))
    assert declared.scenario is not None
    assert declared.scenario.role == "prosecutor"
    assert list(declared.findings) == []
    silent = load_text(case("two", None))
    assert silent.scenario is not None
    assert silent.scenario.role is None
    assert list(silent.findings) == []  # files written before the key existed keep validating cleanly


def test_an_unknown_role_is_a_schema_error_that_lists_the_vocabulary(findings_of: Callable[..., list[Finding]]) -> None:
    findings = findings_of(case("three", "judge"), pathway=None)
    assert [(f.code, f.line) for f in findings] == [("E002", 6)]
    assert "expected one of investigator, prosecutor" in findings[0].message


def test_the_json_schema_offers_the_roles() -> None:
    assert json_schema()["$defs"]["Scenario"]["properties"]["role"]["enum"] == list(THE_SEVEN)


def test_the_demo_has_a_course_per_role_and_later_cases_join_it(db: Database, tmp_path: Path) -> None:
    files = {}
    for case_id, role in (("alpha", "investigator"), ("beta", "case-worker"), ("gamma", None), ("delta", "investigator")):
        files[case_id] = tmp_path / f"{case_id}.yaml"
        files[case_id].write_text(case(case_id, role), encoding="utf-8")
    with db.transaction() as session:
        seed_demo(session, scenarios=[files["alpha"], files["beta"], files["gamma"]], role_courses=True)
    with db.transaction() as session:
        seed_demo(session, scenarios=[files["alpha"], files["beta"], files["gamma"], files["delta"]], role_courses=True)
        seed_demo(session, scenarios=[files["alpha"], files["beta"], files["gamma"], files["delta"]], role_courses=True)
    with db.reading() as session:
        codes = set(session.scalars(select(Course.code)))
        assert codes == {"demo", role_course_code("investigator"), role_course_code("case-worker")}
        investigator = courses.get_course(session, role_course_code("investigator"))
        assert [item.scenario_version.scenario_id for item in investigator.items] == ["alpha", "delta"]
        assert investigator.title["id"] == "Penyidik Polri (Unit PPA / Dittipid PPA-PPO): penanganan perkara yang berpusat pada korban"
        assigned = {course.code for course in courses.get_cohort(session, "demo").courses}
        assert assigned == codes


def test_a_one_case_demo_has_no_role_courses_unless_asked(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "alpha.yaml"
    path.write_text(case("alpha", "investigator"), encoding="utf-8")
    with db.transaction() as session:
        seed_demo(session, scenarios=[path])
    with db.reading() as session:
        assert set(session.scalars(select(Course.code))) == {"demo"}


# The role each of the first six bundled cases gives the trainee (docs/authoring.md, section 8).
FIRST_CASES_ROLES = {
    "scam-compound-return": "investigator",
    "child-online-exploitation": "investigator",
    "domestic-worker-debt": "case-worker",
    "returnee-domestic-violence": "case-worker",
    "fake-internship": "investigator",
    "fishers-forced-labour": "investigator",
}


def test_every_bundled_case_declares_the_role_the_trainee_plays() -> None:
    roles = {}
    for path in bundled.bundled_scenarios():
        scenario = load_file(path).scenario
        assert scenario is not None
        assert scenario.role in ROLE_IDS, f"{path.name} declares no role the trainee plays"
        roles[scenario.id] = scenario.role
    assert {case: roles.get(case) for case in FIRST_CASES_ROLES} == FIRST_CASES_ROLES
