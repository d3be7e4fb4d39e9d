"""Exporting attempts: CSV for spreadsheets, and xAPI 1.0.3 statements for an LMS's learning record store.

xAPI: one ``answered`` statement per decision (with its rating, ``tipcase.play.ratings``) and one
``completed`` statement per finished attempt.
Actors are identified by account (the TIPCase username on this installation's home page), never by
name or e-mail. Statement ids are derived from the records, so exporting twice gives the same ids and
an LRS can drop duplicates.
"""

from __future__ import annotations

import io
import os
import uuid
from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from tipcase.play.ratings import rate_decision
from tipcase.services.attempts import stored_result
from tipcase.services.permissions import Permission, require
from tipcase.services.scenarios import playable
from tipcase.spreadsheets import SafeCsvWriter
from tipcase.store.models import Attempt, User

XAPI_VERSION = "1.0.3"
HOME_PAGE = os.environ.get("TIPCASE_XAPI_HOME_PAGE", "http://tipcase.localhost")  # account.homePage must be a URL
ACTIVITY_PREFIX = "urn:tipcase"
_NAMESPACE = uuid.UUID("6b1d3a52-2f07-4cf4-9d63-7d3b4c0d9a11")
VERB_ANSWERED = {"id": "http://adlnet.gov/expapi/verbs/answered", "display": {"en-US": "answered", "id": "menjawab"}}
VERB_COMPLETED = {"id": "http://adlnet.gov/expapi/verbs/completed", "display": {"en-US": "completed", "id": "menyelesaikan"}}
ACTIVITY_TYPE_SIMULATION = "http://adlnet.gov/expapi/activities/simulation"
ACTIVITY_TYPE_INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction"

CSV_COLUMNS = [
    "attempt_id", "username", "full_name", "staff_id", "scenario", "version", "course", "started_at", "finished_at",
    "decisions", "outcome", "total_percent", "passed",
]  # fmt: skip


def _attempts(session: Session, actor: User) -> Iterator[Attempt]:
    require(actor, Permission.EXPORT_RECORDS)
    query = select(Attempt).options(selectinload(Attempt.decisions), selectinload(Attempt.user), selectinload(Attempt.scenario_version))
    yield from session.scalars(query.order_by(Attempt.id)).yield_per(500)


def attempts_csv(session: Session, actor: User) -> str:
    """Every attempt, one row each (``CSV_COLUMNS``); text cells quoted and never a formula (``tipcase.spreadsheets``)."""
    out = io.StringIO()
    writer = SafeCsvWriter(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for attempt in _attempts(session, actor):
        result = stored_result(attempt)
        writer.writerow(
            [
                attempt.id,
                attempt.user.username,
                attempt.user.full_name,
                attempt.user.staff_id or "",
                attempt.scenario_version.scenario_id,
                attempt.scenario_version.version,
                attempt.course_id or "",
                attempt.started_at.isoformat(),
                attempt.finished_at.isoformat() if attempt.finished_at else "",
                len(attempt.decisions),
                (result.outcome if result is not None else None) or "",
                attempt.total_percent,
                attempt.passed,
            ]
        )
    return out.getvalue()


def _actor(user: User) -> dict[str, Any]:
    return {"objectType": "Agent", "account": {"homePage": HOME_PAGE, "name": user.username}}


def _statement_id(*parts: object) -> str:
    return str(uuid.uuid5(_NAMESPACE, "/".join(str(p) for p in parts)))


def xapi_statements(session: Session, actor: User) -> list[dict[str, Any]]:
    """xAPI 1.0.3 statements for every decision and every finished attempt."""
    statements: list[dict[str, Any]] = []
    for attempt in _attempts(session, actor):
        version = attempt.scenario_version
        scenario = playable(version).scenario
        activity_id = f"{ACTIVITY_PREFIX}:scenario:{version.scenario_id}:v{version.version}"
        parent = {"id": activity_id, "objectType": "Activity"}
        registration = _statement_id("attempt", attempt.id, attempt.started_at.isoformat())
        for decision in attempt.decisions:
            stage = scenario.stages.get(decision.stage)
            choice = stage.choices[decision.choice_index] if stage and decision.choice_index < len(stage.choices) else None
            extensions: dict[str, Any] = {f"{HOME_PAGE}/xapi/critical": bool(choice and choice.critical is not None)}
            if stage is not None and choice is not None and all(0 <= i < len(stage.choices) for i in decision.offered):
                # good | acceptable | poor | critical: as the player said it and the debrief lists it
                rating = rate_decision(scenario, decision.stage, decision.choice_index, decision.offered)
                extensions[f"{HOME_PAGE}/xapi/rating"] = str(rating)
            statements.append(
                {
                    "id": _statement_id("decision", attempt.id, decision.sequence),
                    "version": XAPI_VERSION,
                    "actor": _actor(attempt.user),
                    "verb": VERB_ANSWERED,
                    "object": {
                        "objectType": "Activity",
                        "id": f"{activity_id}:stage:{decision.stage}",
                        "definition": {
                            "type": ACTIVITY_TYPE_INTERACTION,
                            "name": dict(stage.title.values) if stage and stage.title else {"en-US": decision.stage},
                            "interactionType": "choice",
                        },
                    },
                    "result": {
                        "response": str(decision.choice_index),
                        "duration": f"PT{decision.time_taken_ms / 1000:.3f}S",
                        "extensions": extensions,
                    },
                    "context": {"registration": registration, "contextActivities": {"parent": [parent]}},
                    "timestamp": decision.made_at.isoformat(),
                }
            )
        if attempt.finished_at is not None and attempt.result is not None:
            percent = attempt.total_percent or 0.0
            statements.append(
                {
                    "id": _statement_id("completed", attempt.id),
                    "version": XAPI_VERSION,
                    "actor": _actor(attempt.user),
                    "verb": VERB_COMPLETED,
                    "object": {
                        "objectType": "Activity",
                        "id": activity_id,
                        "definition": {"type": ACTIVITY_TYPE_SIMULATION, "name": dict(version.title)},
                    },
                    "result": {
                        "completion": True,
                        "success": bool(attempt.passed),
                        "score": {"scaled": round(percent / 100, 4), "raw": percent, "min": 0, "max": 100},
                        "duration": f"PT{(attempt.finished_at - attempt.started_at).total_seconds():.3f}S",
                    },
                    "context": {"registration": registration},
                    "timestamp": attempt.finished_at.isoformat(),
                }
            )
    return statements
