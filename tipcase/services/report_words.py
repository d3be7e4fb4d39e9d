"""What a cohort report names, in the report's language: critical errors and the pathway rules broken.

An attempt stores its critical errors' texts in the language it was played in, and its broken rules by id
(``PlayResult.as_json``). A trainer reads the report in the interface language, as the trainee's debrief
shows them: each critical error by the case's own text in that language (whatever language the attempt
was played in), each rule by its title on the pathway (the id only when the rule has no title).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from tipcase.format.model import Pathway, Scenario


def critical_texts(scenario: Scenario, pathway: Pathway | None, language: str) -> dict[str, str]:
    """Every critical error's text, in each language the case has, mapped to its text in ``language``.

    Critical choices (``choice.critical``) and critical pathway rules (their ``feedback``, as the engine
    words them, else their id). Language fallbacks are the scenario's.
    """
    fallbacks = scenario.languages
    found: dict[str, str] = {}
    for stage in scenario.stages.values():
        for choice in stage.choices:
            if choice.critical is not None:
                wanted = choice.critical.get(language, fallbacks)
                found.update(dict.fromkeys(choice.critical.values.values(), wanted))
    for rule in pathway.rules if pathway is not None else ():
        if rule.critical:
            if rule.feedback is None:
                found[rule.id] = rule.id
            else:
                wanted = rule.feedback.get(language, fallbacks)
                found.update(dict.fromkeys(rule.feedback.values.values(), wanted))
    return found


def rule_titles(scenario: Scenario, pathway: Pathway | None, language: str) -> dict[str, str]:
    """Each pathway rule's id mapped to its title in ``language`` (the id when it has none)."""
    fallbacks = scenario.languages
    return {rule.id: rule.title.get(language, fallbacks) if rule.title else rule.id for rule in pathway.rules} if pathway else {}


def said_in(counted: Iterable[tuple[str, int]], words: dict[str, str]) -> list[tuple[str, int]]:
    """Counts by text, each text said as ``words`` has it (attempts in two languages become one line), most first.

    Ties keep the order of ``counted``.
    """
    merged: Counter[str] = Counter()
    for text, count in counted:
        merged[words.get(text, text)] += count
    return merged.most_common()
