"""Generates large scenarios for benchmarks and tests: many stages, few variables, or one large loop."""

from __future__ import annotations

import yaml


def big_scenario(stages: int) -> str:
    """A valid scenario of ``stages`` stages (the last three are ends) with three choices each."""
    ends = 3
    document: dict[str, object] = {
        "tipcase": 1,
        "id": f"bench-{stages}",
        "version": 1,
        "title": {"en": f"Benchmark with {stages} stages", "id": f"Tolok ukur {stages} tahap"},
        "languages": ["en", "id"],
        "variables": {"flag": False},
        "start": "s0",
    }
    body: dict[str, object] = {}
    for index in range(stages):
        stage_id = f"s{index}"
        if index >= stages - ends:
            body[stage_id] = {"text": {"en": f"End {index}", "id": f"Akhir {index}"}, "end": "success"}
            continue
        choices = []
        for offset in (1, 2, 3):
            target = min(index + offset, stages - 1)
            choice: dict[str, object] = {
                "label": {"en": f"Option {offset} at {index}", "id": f"Pilihan {offset} di {index}"},
                "to": f"s{target}",
                "score": {"identification": offset % 3, "victim_care": (index + offset) % 2},
                "feedback": {"en": "Because.", "id": "Karena."},
            }
            if offset == 3 and index % 500 == 0:
                choice["set"] = {"flag": index % 1000 == 0}
            if offset == 2 and index % 7 == 0:
                choice["when"] = "not flag"
            choices.append(choice)
        body[stage_id] = {"text": {"en": f"Stage {index}", "id": f"Tahap {index}"}, "choices": choices}
    document["stages"] = body
    return yaml.dump(document, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True)


def long_case(stages: int, *, booleans: int = 2, loop: bool = False, header: str = "") -> str:
    """A case of ``stages`` stages in a line; the first ``booleans`` stages each set a boolean either way.

    With ``loop`` the last stage before the end also leads back to the first (scored so that no loop
    raises points), making one strongly connected set of all the states.
    """
    names = [f"b{n}" for n in range(booleans)]
    lines = ["tipcase: 1", "id: long", "version: 1", "title: Long", "start: s0"]
    if names:
        lines.append("variables: {" + ", ".join(f"{name}: false" for name in names) + "}")
    lines += [line for line in header.splitlines() if line]
    lines.append("stages:")
    last = stages - 1
    for index in range(last):
        step = f"{{label: Go, to: s{index + 1}, feedback: Ok, score: {{identification: 1}}"
        if index < booleans:
            choices = [f"{step}, set: {{{names[index]}: {value}}}}}" for value in ("true", "false")]
        else:
            choices = [step + "}"]
        if loop and index == last - 1:
            choices.append(f"{{label: Again, to: s0, feedback: Again, score: {{identification: {-stages}}}}}")
        lines.append(f"  s{index}: {{text: Stage {index}, choices: [{', '.join(choices)}]}}")
    lines.append(f"  s{last}: {{text: The end, end: success}}")
    return "\n".join(lines) + "\n"
