"""The baseline of the cohort-report benchmark: the same figures by raw SQL, Python's ``sqlite3`` and nothing else.

``python benchmarks/raw_cohort_report.py DB COHORT_ID COURSE_ID VERSION_ID`` prints, as JSON, what
``tipcase cohorts report`` computes from the records (``benchmarks/records.py`` compares the two): the
members, those who started, completed and passed, the mean percent, the decisions grouped by stage and
choice, the competency means, critical errors and broken rules counted from the attempts' JSON, and
completions and passes by day. What the figures mean in the case (labels, poor choices) is left out:
it comes from the case, not the records.
"""

from __future__ import annotations

import json
import sqlite3
import sys

MINE = """
FROM attempts a
WHERE a.user_id IN (SELECT user_id FROM cohort_members WHERE cohort_id = :cohort)
  AND a.course_id = :course AND a.scenario_version_id = :version
"""


def main(path: str, cohort: int, course: int, version: int) -> dict[str, object]:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    names = {"cohort": cohort, "course": course, "version": version}
    members = db.execute("SELECT COUNT(*) FROM cohort_members WHERE cohort_id = :cohort", names).fetchone()[0]
    started, completed, passed, mean = db.execute(
        "SELECT COUNT(DISTINCT a.user_id), COUNT(DISTINCT CASE WHEN a.finished_at IS NOT NULL THEN a.user_id END),"
        " COUNT(DISTINCT CASE WHEN a.passed THEN a.user_id END), AVG(CASE WHEN a.finished_at IS NOT NULL THEN a.total_percent END)" + MINE,
        names,
    ).fetchone()
    choices = db.execute(
        "SELECT d.stage, d.choice_index + 1, COUNT(*) FROM decisions d JOIN (SELECT a.id" + MINE + ") m ON m.id = d.attempt_id"
        " GROUP BY d.stage, d.choice_index",
        names,
    ).fetchall()
    competencies = db.execute(
        "SELECT s.competency, AVG(s.percent) FROM attempt_scores s JOIN (SELECT a.id" + MINE + " AND a.finished_at IS NOT NULL) m"
        " ON m.id = s.attempt_id GROUP BY s.competency ORDER BY s.competency",
        names,
    ).fetchall()

    def counted(field: str, key: str) -> list[list[object]]:
        query = (
            f"SELECT json_extract(e.value, '$.{key}'), COUNT(*) FROM (SELECT a.result" + MINE + " AND a.finished_at IS NOT NULL) m,"
            f" json_each(m.result, '$.{field}') e GROUP BY 1"
        )
        return sorted([str(value), count] for value, count in db.execute(query, names))

    def by_day(condition: str) -> dict[str, int]:
        first = f"SELECT MIN(a.finished_at) AS first{MINE} AND {condition} GROUP BY a.user_id"
        query = f"SELECT date(first), COUNT(*) FROM ({first}) GROUP BY 1"
        return dict(db.execute(query, names).fetchall())

    finished, passing = by_day("a.finished_at IS NOT NULL"), by_day("a.passed")
    progress, done, good = [], 0, 0
    for day in sorted(set(finished) | set(passing)):
        done += finished.get(day, 0)
        good += passing.get(day, 0)
        progress.append([day, done, good])
    return {
        "members": members,
        "started": started,
        "completed": completed,
        "passed": passed,
        "mean_percent": round(float(mean or 0.0), 1),
        "competencies": {competency: round(float(value), 1) for competency, value in competencies},
        "choices": sorted([stage, choice, count] for stage, choice, count in choices),
        "critical_errors": counted("critical_errors", "text"),
        "broken_rules": counted("rule_violations", "rule"),
        "progress": progress,
    }


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))))
