"""``tipcase audit verify``: the keyed audit chain, then every record it anchors, checked and replayed.

Beyond the chain (``audit.verify``) this finds:

- the protective triggers missing, disabled or altered (someone changed the schema), and triggers,
  rules or row security TIPCase did not make (which could drop or rewrite what it writes);
- a decision whose MAC does not match (edited, moved to another attempt, forged without the key), a
  decision with no MAC made after the log was keyed, a gap in an attempt's decisions;
- a finished attempt whose decisions, result, score rows or own fields differ from the digests its
  ``attempt finished`` entry pinned, a finished attempt no entry anchors (inserted), an anchored one
  that is gone or no longer finished (deleted, reopened);
- every finished attempt replayed on its stored scenario version: a stored result, score row or pass
  flag that the replay does not give (a changed case or pathway, or a changed result);
- a scenario version whose text does not match its hash or its ``scenario published`` entry;
- a certificate revoked in the log but not in the register, or issued in the log and gone from it;
  each register row against its own signed data and its issue and revocation entries (``register_check``);
- an account whose role is not the one its audit entries gave it, a cohort's member or course that no
  entry added (``accounts_check``).
"""

from __future__ import annotations

import dataclasses
import json
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from tipcase.certificates.signing import SigningKeyError, TrustedKeys, trusted_keys
from tipcase.messages import one_or_many
from tipcase.play.engine import Play, PlayError
from tipcase.services import audit, audit_keys
from tipcase.services.accounts_check import membership_problems, role_problems
from tipcase.services.attempt_seals import attempt_digests, decision_mac, text_sha256
from tipcase.services.audit_keys import AuditKey
from tipcase.services.errors import ServiceError
from tipcase.services.register_check import row_problems
from tipcase.services.scenarios import playable
from tipcase.store import protection
from tipcase.store.models import Attempt, AuditEntry, Certificate, Decision, ScenarioVersion

BATCH = 500
_WATCHED = (audit.ATTEMPT_FINISHED, "scenario published", "certificate issued", "certificate revoked")
_DIGEST_NAMES = {
    "decisions_sha256": "its decisions",
    "result_sha256": "its stored result",
    "scores_sha256": "its score rows",
    "attempt_sha256": "its own fields (trainee, scenario, times, total or pass flag)",
}


@dataclasses.dataclass(frozen=True)
class Problem:
    """One record at fault: ``subject`` names it (``attempt 12``), ``message`` says what differs."""

    subject: str
    message: str

    def __str__(self) -> str:
        return f"{self.subject}: {self.message}"


@dataclasses.dataclass
class RecordsReport:
    """What ``check_records`` found.

    The audit chain's check, every problem (a record at fault, named), counts of what was checked, and notes on
    what could not be checked here.
    """

    chain: audit.ChainCheck
    problems: list[Problem] = dataclasses.field(default_factory=list)
    attempts_finished: int = 0
    attempts_replayed: int = 0
    decisions: int = 0
    versions: int = 0
    certificates: int = 0
    notes: list[str] = dataclasses.field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the chain is intact and no record is at fault (``tipcase audit verify`` exits 0)."""
        return self.chain.ok and not self.problems

    def as_json(self) -> dict[str, Any]:
        """The report as ``tipcase audit verify --json`` prints it: the chain, the counts, every problem and note."""
        chain = self.chain
        return {
            "ok": self.ok,
            "audit_log": {
                "ok": chain.ok,
                "entries": chain.entries,
                "broken_at": chain.broken_seq,
                "reason": chain.reason or None,
                "legacy_entries": chain.legacy_entries,
                "keyed_from": chain.keyed_from,
                "keys": list(chain.key_ids),
                "checkpoint": chain.checkpoint.as_json() if chain.checkpoint else None,
            },
            "problems": [{"subject": p.subject, "message": p.message} for p in self.problems],
            "checked": {
                "finished_attempts": self.attempts_finished,
                "replayed": self.attempts_replayed,
                "decisions": self.decisions,
                "scenario_versions": self.versions,
                "certificates": self.certificates,
            },
            "notes": self.notes,
        }


def check_records(session: Session, *, keys: dict[str, AuditKey] | None = None, use_checkpoint: bool = True) -> RecordsReport:
    """Verify the chain and every record it anchors; never raises for what it finds (it reports it)."""
    held = keys if keys is not None else audit_keys.held_keys()
    report = RecordsReport(audit.verify(session, keys=held, use_checkpoint=use_checkpoint))
    faults = protection.protection_faults(session.connection())
    if faults:
        report.problems.append(Problem("database", f"protective triggers missing, disabled or altered: {', '.join(faults)}"))
    foreign = protection.foreign_objects(session.connection())
    if foreign:
        report.problems.append(Problem("database", f"triggers, rules or row security that TIPCase did not make: {', '.join(foreign)}"))
    watched: dict[str, list[AuditEntry]] = defaultdict(list)
    for entry in session.scalars(select(AuditEntry).where(AuditEntry.action.in_(_WATCHED)).order_by(AuditEntry.seq)):
        watched[entry.action].append(entry)
    finishes: dict[int, list[AuditEntry]] = defaultdict(list)
    for entry in watched[audit.ATTEMPT_FINISHED]:
        attempt_id = audit.details_of(entry).get("attempt")
        if isinstance(attempt_id, int):
            finishes[attempt_id].append(entry)
    seal = report.chain.first_seal or {}
    legacy_decisions_to = int(seal.get("legacy_decisions_to_id", 0) or 0) if report.chain.keyed_from else None
    unheld = 0
    for attempt in _attempts(session):
        unheld += _check_attempt(report, attempt, finishes.pop(attempt.id, []), held, legacy_decisions_to)
    for attempt_id, entries in sorted(finishes.items()):
        report.problems.append(
            Problem(f"attempt {attempt_id}", f"finished (audit entry {entries[0].seq}) but no longer in the database: deleted")
        )
    _check_versions(report, session, watched["scenario published"])
    _check_certificates(report, session, watched["certificate issued"], watched["certificate revoked"])
    roles, unnamed = role_problems(session)
    report.problems += [Problem(subject, message) for subject, message in [*roles, *membership_problems(session)]]
    _notes(report, unheld)
    if unnamed:
        accounts = one_or_many(
            unnamed,
            "account made before its roles were audited: its roles are",
            "accounts made before their roles were audited: their roles are",
        )
        report.notes.append(f"{unnamed:,} {accounts} not compared")
    return report


def _attempts(session: Session) -> Iterator[Attempt]:
    ids = list(session.scalars(select(Attempt.id).order_by(Attempt.id)))
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        query = (
            select(Attempt)
            .where(Attempt.id.in_(chunk))
            .options(
                selectinload(Attempt.decisions),
                selectinload(Attempt.scores),
                selectinload(Attempt.user),
                selectinload(Attempt.scenario_version),
            )
            .order_by(Attempt.id)
        )
        yield from session.scalars(query)
        session.expunge_all()  # bounded memory over many attempts


def _check_attempt(
    report: RecordsReport, attempt: Attempt, finishes: list[AuditEntry], keys: dict[str, AuditKey], legacy_to: int | None
) -> int:
    """Check one attempt; returns how many of its decisions are sealed with a key not held here."""
    subject = f"attempt {attempt.id}"
    decisions = list(attempt.decisions)
    report.decisions += len(decisions)
    numbers = [d.sequence for d in decisions]
    if numbers != list(range(1, len(numbers) + 1)):
        report.problems.append(Problem(subject, f"its decisions are numbered {numbers[:20]}: a decision was deleted or inserted"))
    unheld = 0
    for decision in decisions:
        unheld += _check_decision(report, attempt, decision, keys, legacy_to)
    if attempt.finished_at is None:
        if finishes:
            report.problems.append(Problem(subject, f"finished (audit entry {finishes[0].seq}) but no longer marked finished: reopened"))
        play = _replay(report, attempt)
        if play is not None and play.finished:
            report.problems.append(Problem(subject, "its decisions reach an end but it is not marked finished"))
        return unheld
    report.attempts_finished += 1
    if not finishes:
        report.problems.append(Problem(subject, "finished, but no audit entry anchors its finish: inserted or finished outside TIPCase"))
    elif len(finishes) > 1:
        report.problems.append(
            Problem(subject, f"its finish is recorded {len(finishes)} times (audit entries {', '.join(str(e.seq) for e in finishes)})")
        )
    if finishes:
        _compare_with_finish(report, attempt, decisions, finishes[0])
    if attempt.result is None and attempt.passed is None and attempt.total_percent is None:
        return unheld  # closed unscored (migration 0003 closed duplicate open attempts): nothing to replay against
    play = _replay(report, attempt)
    if play is not None:
        report.attempts_replayed += 1
        _compare_with_replay(report, attempt, play)
    return unheld


def _check_decision(report: RecordsReport, attempt: Attempt, decision: Decision, keys: dict[str, AuditKey], legacy_to: int | None) -> int:
    subject = f"attempt {attempt.id}, decision {decision.sequence}"
    if decision.mac is None:
        if legacy_to is not None and decision.id > legacy_to:
            report.problems.append(
                Problem(subject, "has no seal although it was made after the log was keyed: inserted or rewritten without the key")
            )
        return 0
    ident, _, _ = decision.mac.partition(":")
    key = keys.get(ident)
    if key is None:
        return 1
    if decision_mac(key, decision, attempt.user_id, attempt.scenario_version_id) != decision.mac:
        report.problems.append(
            Problem(subject, "does not match its seal: changed after it was made, moved from another attempt, or forged")
        )
    return 0


def _compare_with_finish(report: RecordsReport, attempt: Attempt, decisions: list[Decision], entry: AuditEntry) -> None:
    details = audit.details_of(entry)
    current = attempt_digests(attempt, decisions, list(attempt.scores))
    changed = [name for key, name in _DIGEST_NAMES.items() if details.get(key) != current[key]]
    if changed:
        report.problems.append(
            Problem(f"attempt {attempt.id}", f"{', '.join(changed)} differ from what audit entry {entry.seq} recorded when it finished")
        )
    if details.get("user") != attempt.user.username:
        shown = f"audit entry {entry.seq} recorded it finished by {details.get('user')}; it now shows {attempt.user.username}"
        report.problems.append(Problem(f"attempt {attempt.id}", shown))
    version = attempt.scenario_version
    for key, text, what in (("source_sha256", version.source, "case text"), ("pathway_sha256", version.pathway_source, "pathway text")):
        if details.get(key) != text_sha256(text):
            report.problems.append(
                Problem(
                    f"scenario {version.scenario_id} v{version.version}",
                    f"its {what} differs from what attempt {attempt.id} was played on (audit entry {entry.seq})",
                )
            )


def _replay(report: RecordsReport, attempt: Attempt) -> Play | None:
    try:
        ready = playable(attempt.scenario_version)
        play = Play(ready.scenario, ready.pathway, compiled=ready.compiled, language=attempt.language)
        for decision in attempt.decisions:
            play.choose(decision.choice_number)
    except (PlayError, ServiceError) as exc:
        report.problems.append(Problem(f"attempt {attempt.id}", f"cannot be replayed on its scenario version: {exc}"))
        return None
    except Exception as exc:  # noqa: BLE001 - a stored version edited into anything at all must be a finding, not a crash
        report.problems.append(
            Problem(f"attempt {attempt.id}", f"cannot be replayed: its scenario version is damaged ({type(exc).__name__})")
        )
        return None
    return play


def _compare_with_replay(report: RecordsReport, attempt: Attempt, play: Play) -> None:
    subject = f"attempt {attempt.id}"
    if not play.finished:
        report.problems.append(Problem(subject, "is marked finished but its decisions do not reach an end"))
        return
    replayed = play.result().storage()  # what finishing the attempt stored, had it been played now
    document = json.loads(json.dumps(replayed.document))  # as the database gives a stored result back
    differences = []
    if attempt.passed != replayed.passed:
        differences.append(f"pass flag {attempt.passed} stored, {replayed.passed} replayed")
    if attempt.total_percent != replayed.total_percent:
        differences.append(f"total {attempt.total_percent}% stored, {replayed.total_percent}% replayed")
    stored = attempt.result if isinstance(attempt.result, dict) else {}
    fields = sorted(k for k in set(stored) | set(document) if stored.get(k) != document.get(k))  # 1 == 1.0 in Python
    if fields:
        differences.append(f"result fields {', '.join(fields)} differ")
    scores = {s.competency: (s.points, s.max, s.percent) for s in attempt.scores}
    expected = {row.competency: (row.points, row.max, row.percent) for row in replayed.scores}
    wrong = sorted(c for c in set(scores) | set(expected) if scores.get(c) != expected.get(c))
    if wrong:
        differences.append(f"score rows {', '.join(wrong)} differ")
    if differences:
        report.problems.append(Problem(subject, "the replay disagrees: " + "; ".join(differences)))


def _check_versions(report: RecordsReport, session: Session, published: list[AuditEntry]) -> None:
    by_target: dict[str, list[AuditEntry]] = defaultdict(list)
    for entry in published:
        by_target[entry.target or ""].append(entry)
    for version in session.scalars(select(ScenarioVersion).order_by(ScenarioVersion.id)):
        report.versions += 1
        subject = f"scenario {version.scenario_id} v{version.version}"
        if text_sha256(version.source) != version.sha256:
            report.problems.append(Problem(subject, "its text no longer matches its hash: edited after publication"))
        entries = by_target.get(f"{version.scenario_id} v{version.version}", [])
        if not entries:
            report.problems.append(Problem(subject, "no audit entry records its publication: inserted outside TIPCase"))
        elif not any(audit.details_of(e).get("sha256") == version.sha256 for e in entries):
            report.problems.append(Problem(subject, f"its hash differs from the one audit entry {entries[0].seq} recorded at publication"))


def _check_certificates(report: RecordsReport, session: Session, issued: list[AuditEntry], revoked: list[AuditEntry]) -> None:
    register = {c.serial: c for c in session.scalars(select(Certificate))}
    report.certificates = len(register)
    issued_serials = {e.target for e in issued}
    for entry in issued:
        if entry.target not in register:
            report.problems.append(
                Problem(f"certificate {entry.target}", f"issued (audit entry {entry.seq}) but no longer in the register: deleted")
            )
    for serial in sorted(set(register) - issued_serials):
        report.problems.append(
            Problem(f"certificate {serial}", "in the register but no audit entry records its issue: inserted outside TIPCase")
        )
    for entry in revoked:
        certificate = register.get(entry.target or "")
        if certificate is not None and certificate.revoked_at is None:
            report.problems.append(
                Problem(f"certificate {entry.target}", f"revoked (audit entry {entry.seq}) but the register shows it not revoked")
            )
    try:
        trusted = trusted_keys()
    except SigningKeyError as exc:
        trusted = TrustedKeys()
        report.notes.append(f"certificates' signatures not checked: {exc}")
    first_issue = {e.target: e for e in reversed(issued)}
    revocation = {e.target: e for e in reversed(revoked)}
    texts = {serial: str((c.payload or {}).get("text") or "") for serial, c in register.items()}
    for serial, certificate in sorted(register.items()):
        for message in row_problems(certificate, first_issue.get(serial), revocation.get(serial), trusted, texts):
            report.problems.append(Problem(f"certificate {serial}", message))


def _notes(report: RecordsReport, unheld_decisions: int) -> None:
    chain = report.chain
    if chain.legacy_entries:
        report.notes.append(
            f"entries 1–{chain.legacy_entries} were written before TIPCase keyed its log (public hash): "
            f"an edit made to them before entry {chain.legacy_entries + 1} was written cannot be detected"
        )
    for first, last, ident in chain.unverified:
        report.notes.append(
            f"entries {first}–{last} are keyed with audit key {ident}, not held here: their links are checked, their content is not"
        )
    if unheld_decisions:
        sealed = one_or_many(unheld_decisions, "decision is", "decisions are")
        report.notes.append(f"{unheld_decisions:,} {sealed} sealed with a key not held here: not checked")
    if chain.checkpoint is None:
        report.notes.append("this workstation had no checkpoint of this database: deleting the newest entries cannot be ruled out here")
