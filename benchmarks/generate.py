"""Generates large scenarios for benchmarks: N stages, three choices a stage, scores, one variable."""

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
