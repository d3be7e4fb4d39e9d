"""The tamper suite: each kind of edit to each protected table, by SQL, on SQLite and PostgreSQL.

Every attack is tried twice on a fresh copy of a recorded world (``tests/tamper_world.py``): first as
anyone with write access to the database would try it, where the database refuses updates and
deletes of evidence (the triggers) and the records stay intact; then as an attacker who first gets the
triggers out of the way (drops them on SQLite and puts them back afterwards; a superuser's replica
mode on PostgreSQL), where ``tipcase audit verify`` must name the record at fault: the first audit
entry at fault, the attempt, the decision, the scenario version, the certificate.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, insert, text
from sqlalchemy.exc import IntegrityError

from tests.records import BEST
from tests.tamper_world import (
    Facts,
    Template,
    World,
    attacker,
    delete_entry_and_renumber,
    make_template,
    plain,
    rechain_keyed,
    rechain_public,
    world_of,
)
from tipcase.services import audit, audit_keys
from tipcase.services.attempt_seals import text_sha256
from tipcase.store.models import AuditEntry


@dataclasses.dataclass(frozen=True)
class Attack:
    name: str
    run: Callable[[Connection, Facts], None]
    expect: tuple[str, ...]  # regexes (formatted with the facts) that must each match a finding
    refused: bool = True  # the database refuses it while its triggers stand (inserts are allowed)

    def __str__(self) -> str:
        return self.name


def sql(statement: str, **values: Any) -> Callable[[Connection, Facts], None]:
    def run(connection: Connection, facts: Facts) -> None:
        params = {k: v(facts) if callable(v) else v for k, v in values.items()}
        connection.execute(text(statement.format(**_values(facts))), params)

    return run


def steps(*parts: Callable[[Connection, Facts], None]) -> Callable[[Connection, Facts], None]:
    def run(connection: Connection, facts: Facts) -> None:
        for part in parts:
            part(connection, facts)

    return run


def _forge_key_change(connection: Connection, facts: Facts) -> None:
    """Replace "certificate revoked" by an "audit key changed" to the attacker's own key, and re-chain."""
    own = audit_keys.AuditKey(audit_keys.key_id(b"k" * 32), b"k" * 32)
    current = connection.execute(text("SELECT key_id FROM audit_log WHERE seq = 1")).scalar()
    details = json.dumps({"key": own.id, "previous_key": current, "reason": "rotation"})
    connection.execute(
        text("UPDATE audit_log SET action = 'audit key changed', target = NULL, actor = 'demo-admin', details = :d WHERE seq = :s"),
        {"d": details, "s": facts.revoked_seq},
    )
    rechain_keyed(connection, own, facts.revoked_seq)


def _insert_public_entry(connection: Connection, facts: Facts) -> None:
    """An entry chained after the newest one with the public hash function, as the old log was."""
    last = connection.execute(text("SELECT hash FROM audit_log WHERE seq = :s"), {"s": facts.entries}).scalar_one()
    row = {
        "seq": facts.entries + 1,
        "at": dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
        "actor": "demo-registrar",
        "action": "certificate reinstated",
        "target": facts.serial,
        "details": {},
    }
    row["hash"] = audit.entry_hash(last, **row)
    connection.execute(insert(AuditEntry.__table__).values(prev_hash=last, **row))


def _delete_and_rechain(connection: Connection, facts: Facts) -> None:
    delete_entry_and_renumber(connection, facts.revoked_seq)
    rechain_public(connection, facts.revoked_seq)


def _copy_rows(connection: Connection, source: int, target: int, decision_columns: str) -> None:
    """Copy an attempt's decisions (these columns) and score rows to another attempt."""
    select_decisions = f"SELECT {target}, {decision_columns} FROM decisions WHERE attempt_id = {source}"
    connection.execute(text(f"INSERT INTO decisions (attempt_id, {decision_columns}) {select_decisions}"))
    scores = "competency, points, max, percent"
    connection.execute(text(f"INSERT INTO attempt_scores SELECT {target}, {scores} FROM attempt_scores WHERE attempt_id = {source}"))


def _copy_attempt(connection: Connection, facts: Facts) -> None:
    """A whole finished attempt for other-trainee, copied from demo-trainee's passed one (seals and all)."""
    columns = "scenario_version_id, course_id, language, started_at, finished_at, result, total_percent, passed"
    connection.execute(
        text(f"INSERT INTO attempts (user_id, {columns}) SELECT {facts.other_user}, {columns} FROM attempts WHERE id = {facts.passed}")
    )
    new = connection.execute(text("SELECT MAX(id) FROM attempts")).scalar_one()
    _copy_rows(connection, facts.passed, new, "sequence, stage, offered, choice_number, choice_index, time_taken_ms, clock, made_at, mac")


def _rewrite_failed_as_passed(connection: Connection, facts: Facts) -> None:
    """The failed attempt made consistent with the best route: decisions, result, score rows, flags."""
    connection.execute(text(f"DELETE FROM decisions WHERE attempt_id = {facts.failed}"))
    connection.execute(text(f"DELETE FROM attempt_scores WHERE attempt_id = {facts.failed}"))
    _copy_rows(
        connection, facts.passed, facts.failed, "sequence, stage, offered, choice_number, choice_index, time_taken_ms, clock, made_at"
    )
    connection.execute(
        text(
            f"UPDATE attempts SET result = (SELECT result FROM attempts WHERE id = {facts.passed}), total_percent = 100, passed = TRUE "
            f"WHERE id = {facts.failed}"
        )
    )


def _rescore_case(connection: Connection, facts: Facts) -> None:
    source = connection.execute(text("SELECT source FROM scenario_versions")).scalar_one()
    forged = source.replace("pass_mark: 70", "pass_mark: 0")
    connection.execute(text("UPDATE scenario_versions SET source = :s, sha256 = :h"), {"s": forged, "h": text_sha256(forged)})


def _delete_attempt(connection: Connection, facts: Facts) -> None:
    for table in ("attempt_scores", "decisions"):
        connection.execute(text(f"DELETE FROM {table} WHERE attempt_id = {facts.passed}"))
    connection.execute(text(f"DELETE FROM attempts WHERE id = {facts.passed}"))


ATTACKS = [
    # audit_log
    Attack(
        "audit: edit an entry",
        sql("UPDATE audit_log SET target = 'TC-forged' WHERE seq = {revoked_seq}"),
        (r"^audit entry {revoked_seq}: .*changed",),
    ),
    Attack(
        "audit: delete an entry",
        sql("DELETE FROM audit_log WHERE seq = {revoked_seq}"),
        (r"^audit entry {revoked_seq}: entry {revoked_seq} is missing",),
    ),
    Attack(
        "audit: delete an entry, renumber and re-chain with the public hash",
        _delete_and_rechain,
        (r"^audit entry {revoked_seq}: .*public hash",),
    ),
    Attack("audit: re-chain the whole log with the public hash", lambda c, f: rechain_public(c, 1), (r"^audit entry 1: ",)),
    Attack(
        "audit: re-chain from an entry under the attacker's own key", _forge_key_change, (r"^audit entry {revoked_seq}: .*does not hold",)
    ),
    Attack(
        "audit: append an entry with the public hash",
        _insert_public_entry,
        (r"^audit entry {entries_plus_1}: .*public hash",),
        refused=False,
    ),
    Attack(
        "audit: append an entry with a made-up key id",
        sql(
            "INSERT INTO audit_log (seq, at, actor, action, target, details, prev_hash, hash, key_id) "
            "SELECT seq + 1, at, actor, 'certificate reinstated', target, details, hash, hash, key_id FROM audit_log WHERE seq = {entries}"
        ),
        (r"^audit entry {entries_plus_1}: .*changed after it was written, or written without the key",),
        refused=False,
    ),
    Attack(
        "audit: delete the newest entries",
        sql("DELETE FROM audit_log WHERE seq >= {entries_minus_1}"),
        (r"^audit entry {entries_minus_1}: .*newest entries were deleted",),
    ),
    Attack("audit: delete every entry", sql("DELETE FROM audit_log"), (r"^audit entry 1: .*newest entries were deleted",)),
    # decisions
    Attack(
        "decision: edit a field only the seal covers",
        sql("UPDATE decisions SET time_taken_ms = 1 WHERE attempt_id = {passed} AND sequence = 5"),
        (r"^attempt {passed}, decision 5: does not match its seal", r"^attempt {passed}: its decisions differ"),
    ),
    Attack(
        "decision: change the choice of a finished attempt",
        # to care first (the best route's first choice), which ends nothing: the failed attempt no longer reaches its end
        sql(f"UPDATE decisions SET choice_number = {BEST[0]}, choice_index = {BEST[0] - 1} WHERE attempt_id = {{failed}}"),
        (
            r"^attempt {failed}, decision 1: does not match its seal",
            r"^attempt {failed}: is marked finished but its decisions do not reach an end",
        ),
    ),
    Attack(
        "decision: change the choice of an unfinished attempt",
        sql("UPDATE decisions SET choice_number = 3 WHERE attempt_id = {open} AND sequence = 2"),
        (r"^attempt {open}, decision 2: does not match its seal",),
    ),
    Attack(
        "decision: delete one in the middle",
        sql("DELETE FROM decisions WHERE attempt_id = {passed} AND sequence = 5"),
        (r"^attempt {passed}: its decisions are numbered", r"^attempt {passed}: its decisions differ"),
    ),
    Attack(
        "decision: insert one after the end",
        sql(
            "INSERT INTO decisions (attempt_id, sequence, stage, offered, choice_number, choice_index, time_taken_ms, clock, made_at) "
            "SELECT attempt_id, 2, stage, offered, 1, 0, 0, clock, made_at FROM decisions WHERE attempt_id = {failed}"
        ),
        (r"^attempt {failed}, decision 2: has no seal", r"^attempt {failed}: cannot be replayed"),
        refused=False,
    ),
    Attack(
        "decision: insert one with a seal copied from another attempt",
        sql(
            "INSERT INTO decisions (attempt_id, sequence, stage, offered, choice_number, choice_index, time_taken_ms, clock, made_at, mac) "
            "SELECT {open}, 3, stage, offered, choice_number, choice_index, time_taken_ms, clock, made_at, mac "
            "FROM decisions WHERE attempt_id = {passed} AND sequence = 3"
        ),
        (r"^attempt {open}, decision 3: does not match its seal",),
        refused=False,
    ),
    # attempts
    Attack(
        "attempt: set the pass flag and total",
        sql("UPDATE attempts SET passed = TRUE, total_percent = 100 WHERE id = {failed}"),
        (r"^attempt {failed}: its own fields", r"^attempt {failed}: the replay disagrees: pass flag True stored, False replayed"),
    ),
    Attack(
        "attempt: rewrite a failed attempt consistently as the best route",
        _rewrite_failed_as_passed,
        (
            r"^attempt {failed}, decision 1: has no seal",
            r"^attempt {failed}: its decisions, its stored result, its score rows, its own fields",
        ),
    ),
    Attack(
        "attempt: give it to another trainee",
        sql("UPDATE attempts SET user_id = {other_user} WHERE id = {passed}"),
        (r"^attempt {passed}, decision 1: does not match its seal", r"^attempt {passed}: its own fields"),
    ),
    Attack(
        "attempt: swap two trainees' usernames (accounts may be updated)",
        steps(
            sql("UPDATE users SET username = 'swap' WHERE username = 'demo-trainee'"),
            sql("UPDATE users SET username = 'demo-trainee' WHERE username = 'other-trainee'"),
            sql("UPDATE users SET username = 'other-trainee' WHERE username = 'swap'"),
        ),
        (r"^attempt {passed}: audit entry \d+ recorded it finished by demo-trainee; it now shows other-trainee",),
        refused=False,
    ),
    Attack(
        "attempt: reopen a finished attempt",
        sql("UPDATE attempts SET finished_at = NULL WHERE id = {failed}"),
        (r"^attempt {failed}: finished .* no longer marked finished",),
    ),
    Attack("attempt: delete a finished attempt", _delete_attempt, (r"^attempt {passed}: finished .* no longer in the database",)),
    Attack(
        "attempt: insert a finished copy for another trainee",
        _copy_attempt,
        (r"^attempt \d+: finished, but no audit entry anchors its finish",),
        refused=False,
    ),
    # attempt_scores
    Attack(
        "score rows: edit one",
        sql("UPDATE attempt_scores SET percent = 100, points = max WHERE attempt_id = {failed}"),
        (r"^attempt {failed}: its score rows differ", r"^attempt {failed}: the replay disagrees: score rows"),
    ),
    Attack(
        "score rows: delete one",
        sql("DELETE FROM attempt_scores WHERE attempt_id = {passed} AND competency = 'victim_care'"),
        (r"^attempt {passed}: its score rows differ",),
    ),
    Attack(
        "score rows: insert one",
        sql("INSERT INTO attempt_scores (attempt_id, competency, points, max, percent) VALUES ({failed}, 'bonus', 10, 10, 100)"),
        (r"^attempt {failed}: its score rows differ", r"^attempt {failed}: the replay disagrees: score rows bonus"),
        refused=False,
    ),
    # scenario_versions
    Attack(
        "scenario version: rescore the case and recompute its hash",
        _rescore_case,
        (
            r"^scenario scam-compound-return v\d+: its hash differs",
            r"^scenario scam-compound-return v\d+: its case text differs",
            r"^attempt {passed}: the replay disagrees",
        ),
    ),
    Attack(
        "scenario version: change its pathway",
        sql("UPDATE scenario_versions SET pathway_source = pathway_source || :more", more="\n# changed\n"),
        (r"^scenario scam-compound-return v\d+: its pathway text differs from what attempt {passed}",),
    ),
    # certificates
    Attack(
        "certificate: un-revoke",
        sql("UPDATE certificates SET revoked_at = NULL, revoked_reason = NULL WHERE serial = '{serial}'"),
        (r"^certificate {serial}: revoked .* shows it not revoked",),
    ),
    Attack(
        "certificate: delete",
        sql("DELETE FROM certificates WHERE serial = '{serial}'"),
        (r"^certificate {serial}: issued .* no longer in the register",),
    ),
    Attack(
        "certificate: another verification code",
        sql("UPDATE certificates SET code = 'ZZZZZZZZZZZZ' WHERE serial = '{current}'"),
        (r"^certificate {current}: its verification code ZZZZZZZZZZZZ is not the one its signed data states",),
        refused=False,  # a certificate in force may be updated (to revoke it)
    ),
    Attack(
        "certificate: a later expiry in the register",
        sql("UPDATE certificates SET expires_at = '2099-01-01 00:00:00' WHERE serial = '{current}'"),
        (r"^certificate {current}: its expiry 2099-01-01 is not the one its signed data states \(none\)",),
        refused=False,
    ),
    Attack(
        "certificate: given to another trainee",
        sql("UPDATE certificates SET user_id = {other_user} WHERE serial = '{current}'"),
        (r"^certificate {current}: audit entry \d+ recorded it issued to demo-trainee; it now shows other-trainee",),
        refused=False,
    ),
    Attack(
        "certificate: its signed data dropped",
        sql("UPDATE certificates SET payload = NULL WHERE serial = '{current}'"),
        (r"^certificate {current}: its signed data is gone",),
        refused=False,
    ),
    Attack(
        "certificate: the signed data of the revoked one",
        sql("UPDATE certificates SET payload = (SELECT payload FROM certificates WHERE serial = '{serial}') WHERE serial = '{current}'"),
        (r"^certificate {current}: its signed data is certificate {serial}'s",),
        refused=False,
    ),
    Attack(
        "certificate: revoked without an audit entry",
        sql("UPDATE certificates SET revoked_at = '2026-01-01 00:00:00', revoked_reason = 'none given' WHERE serial = '{current}'"),
        (r"^certificate {current}: revoked in the register, but no audit entry records its revocation",),
        refused=False,
    ),
    Attack(
        "certificate: another reason for the revocation",
        sql("UPDATE certificates SET revoked_reason = 'at the holder''s request' WHERE serial = '{serial}'"),
        (r"^certificate {serial}: revoked for .*at the holder's request.*; audit entry {revoked_seq} recorded .*issued in error",),
    ),
    Attack(
        "certificate: un-revoke and drop the revocation from the log, re-chained",
        steps(
            sql("UPDATE certificates SET revoked_at = NULL, revoked_reason = NULL WHERE serial = '{serial}'"),
            _delete_and_rechain,
        ),
        (r"^audit entry {revoked_seq}: ",),
    ),
    # users (not evidence: the workstations' role may update them, but every role TIPCase gives is audited)
    Attack(
        "account: a trainee made an admin",
        sql("UPDATE users SET role = 'admin' WHERE username = 'demo-trainee'"),
        (r"^account demo-trainee: is admin, but audit entry \d+ gave it the role trainee and none changed it since",),
        refused=False,
    ),
    Attack(
        "account: a trainee and the registrar swap usernames",
        steps(
            sql("UPDATE users SET username = 'swap' WHERE username = 'demo-trainee'"),
            sql("UPDATE users SET username = 'demo-trainee' WHERE username = 'demo-registrar'"),
            sql("UPDATE users SET username = 'demo-registrar' WHERE username = 'swap'"),
        ),
        (
            r"^account demo-registrar: is trainee, but audit entry \d+ gave it the role registrar",
            r"^account demo-trainee: is registrar, but audit entry \d+ gave it the role trainee",
        ),
        refused=False,
    ),
    # memberships: who may take a course and be issued its certificate
    Attack(
        "cohort: a member inserted, to take its course",
        sql(
            "INSERT INTO cohort_members (cohort_id, user_id) SELECT c.id, u.id FROM cohorts c, users u "
            "WHERE c.name = 'demo' AND u.username = 'demo-trainer'"
        ),
        (r"^cohort demo: demo-trainer is a member, but no audit entry added them: inserted outside TIPCase",),
        refused=False,
    ),
    Attack(
        "cohort: a cohort of one's own given the course",
        steps(
            sql("INSERT INTO cohorts (name, title, created_at) VALUES ('shadow', 'Shadow', '2026-01-01 00:00:00')"),
            sql(
                "INSERT INTO cohort_courses (cohort_id, course_id) SELECT c.id, k.id FROM cohorts c, courses k "
                "WHERE c.name = 'shadow' AND k.code = 'demo'"
            ),
        ),
        (r"^cohort shadow: has course demo, but no audit entry assigned it: inserted outside TIPCase",),
        refused=False,
    ),
]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def template(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Template]:
    server = request.getfixturevalue("pg_server") if request.param == "postgresql" else None
    made = make_template(request.param, tmp_path_factory.mktemp(f"tamper-{request.param}"), server)
    yield made
    made.db.dispose()


@pytest.fixture
def world(template: Template, tmp_path: Path) -> World:
    return world_of(template, tmp_path / "home")


def _values(facts: Facts) -> dict[str, Any]:
    return {**dataclasses.asdict(facts), "entries_plus_1": facts.entries + 1, "entries_minus_1": facts.entries - 1}


def _patterns(attack: Attack, facts: Facts) -> list[str]:
    return [pattern.format(**_values(facts)) for pattern in attack.expect]


@pytest.mark.parametrize("attack", ATTACKS, ids=str)
def test_each_edit_is_refused_then_detected(world: World, attack: Attack) -> None:
    if attack.refused:
        with pytest.raises(IntegrityError, match="TIPCase: "), plain(world.db) as connection:
            attack.run(connection, world.facts)
        assert world.lines() == [], "a refused edit left a trace"
    with attacker(world.db) as attack_in:
        attack.run(attack_in.connection, world.facts)
        found = world.lines(attack_in.done())
    for pattern in _patterns(attack, world.facts):
        assert any(re.search(pattern, line) for line in found), f"{pattern!r} not among {found}"


def test_triggers_replaced_by_harmless_ones_are_reported(world: World) -> None:
    """Same names, no protection: a trigger that never fires, a disabled one, a function that lets everything through."""
    with attacker(world.db) as attack:
        c = attack.done()
        c.exec_driver_sql("DROP TRIGGER tipcase_decisions_no_update" + ("" if world.db.is_sqlite else " ON decisions"))
        if world.db.is_sqlite:
            c.exec_driver_sql("CREATE TRIGGER tipcase_decisions_no_update BEFORE UPDATE ON decisions WHEN 0 BEGIN SELECT 1; END")
            expected = ["tipcase_decisions_no_update (altered)"]
        else:
            c.exec_driver_sql(
                "CREATE TRIGGER tipcase_decisions_no_update BEFORE UPDATE ON decisions FOR EACH ROW WHEN (false) "
                "EXECUTE FUNCTION tipcase_refuse_change('decisions rows are evidence: they are never changed')"
            )
            c.exec_driver_sql("ALTER TABLE audit_log DISABLE TRIGGER tipcase_audit_log_no_delete")
            c.execute(
                text("CREATE OR REPLACE FUNCTION tipcase_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$")
            )
            expected = [
                "tipcase_audit_log_no_delete (disabled)",
                "tipcase_decisions_no_update (altered)",
                "tipcase_refuse_change() (altered)",
            ]
        assert world.lines(c) == [f"database: protective triggers missing, disabled or altered: {', '.join(sorted(expected))}"]


def _plant(connection: Connection, sqlite: bool) -> None:
    """A trigger of the attacker's own that quietly drops every "certificate revoked" entry TIPCase writes."""
    if sqlite:
        connection.exec_driver_sql(
            "CREATE TRIGGER audit_log_housekeeping BEFORE INSERT ON audit_log WHEN NEW.action = 'certificate revoked' "
            "BEGIN SELECT RAISE(IGNORE); END"
        )
        return
    connection.exec_driver_sql(
        "CREATE FUNCTION audit_log_housekeeping() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN IF NEW.action = 'certificate revoked' THEN RETURN NULL; END IF; RETURN NEW; END $$"
    )
    connection.exec_driver_sql(
        "CREATE TRIGGER audit_log_housekeeping BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_housekeeping()"
    )
    connection.exec_driver_sql("CREATE RULE audit_log_quiet AS ON UPDATE TO certificates WHERE OLD.serial = 'none' DO INSTEAD NOTHING")
    connection.exec_driver_sql("ALTER TABLE certificates ENABLE ROW LEVEL SECURITY")
    connection.exec_driver_sql("CREATE POLICY hide_nothing ON certificates USING (true)")


def test_triggers_rules_and_row_security_of_someone_elses_are_reported(world: World) -> None:
    """What the attacker adds (a trigger that drops revocations before they are logged, a rule, row security) is named.

    Left in place, such a trigger lets a revocation go unlogged, so that un-revoking it later leaves no trace
    that verify could compare: the additions themselves must be a finding.
    """
    with attacker(world.db) as attack:
        connection = attack.done()
        _plant(connection, world.db.is_sqlite)
        found = world.lines(connection)
    expected = (
        "audit_log_housekeeping (a trigger on audit_log)"
        if world.db.is_sqlite
        else "audit_log_housekeeping (a trigger on audit_log), audit_log_quiet (a rule on certificates), "
        "certificates (row security on), hide_nothing (a row security policy on certificates)"
    )
    assert f"database: triggers, rules or row security that TIPCase did not make: {expected}" in found, found
