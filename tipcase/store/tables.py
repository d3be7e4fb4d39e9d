"""The tables a report and the sign-in use, named in SQLAlchemy's Core alone: for the records without the ORM.

``tipcase.store.models`` declares every table (the ORM; the migrations create them). A command that only
reads, as ``tipcase cohorts report`` does, or signs a person in (``tipcase.services.signing_in``, with the
audit chain's append, ``tipcase.services.audit_chain``) needs neither the ORM (``sqlalchemy.orm``, 6 MiB and about
0.1 s of CPU to load) nor objects for its rows: it aggregates in SQL over these lightweight tables
(``sqlalchemy.table``/``column``: no MetaData, no constraints), which name only the columns read, with
the models' own column types (``tipcase.store.columns``: UTC times, JSON). ``tests/test_store_tables.py``
checks that each column here is the model's, name and type.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Float, Integer, String, Text, column, table

from tipcase.store.columns import JSONType, UTCDateTime

cohorts = table("cohorts", column("id", Integer), column("name", String), column("title", String))
cohort_members = table("cohort_members", column("cohort_id", Integer), column("user_id", Integer))
courses = table("courses", column("id", Integer), column("code", String))
course_scenarios = table(
    "course_scenarios", column("course_id", Integer), column("position", Integer), column("scenario_version_id", Integer)
)
scenario_versions = table(
    "scenario_versions",
    column("id", Integer),
    column("scenario_id", String),
    column("version", Integer),
    column("sha256", String),
    column("source", Text),
    column("pathway_source", Text),
)
attempts = table(
    "attempts",
    column("id", Integer),
    column("user_id", Integer),
    column("scenario_version_id", Integer),
    column("course_id", Integer),
    column("finished_at", UTCDateTime()),
    column("result", JSONType),
    column("total_percent", Float),
    column("passed", Boolean),
)
decisions = table(
    "decisions", column("id", Integer), column("attempt_id", Integer), column("stage", String), column("choice_index", Integer)
)
attempt_scores = table(
    "attempt_scores",
    column("attempt_id", Integer),
    column("competency", String),
    column("points", Float),
    column("max", Float),
    column("percent", Float),
)

users = table(
    "users",
    column("id", Integer),
    column("username", String),
    column("full_name", String),
    column("rank", String),
    column("unit", String),
    column("role", String),
    column("password_hash", String),
    column("failed_sign_ins", Integer),
    column("locked_until", UTCDateTime()),
    column("active", Boolean),
)
audit_log = table(
    "audit_log",
    column("id", Integer),
    column("seq", Integer),
    column("at", UTCDateTime()),
    column("actor", String),
    column("action", String),
    column("target", String),
    column("details", JSONType),
    column("prev_hash", String),
    column("hash", String),
    column("key_id", String),
)

TABLES = (cohorts, cohort_members, courses, course_scenarios, scenario_versions, attempts, decisions, attempt_scores, users, audit_log)
