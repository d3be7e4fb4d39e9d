"""The baseline for the importer benchmarks: the plainest way to turn a Twine story or H5P content into YAML.

``python benchmarks/plain_import.py twee IN OUT`` splits the Twee file on its headers, takes each
``[[...]]`` link's target after the last ``->`` or ``|``, and dumps the stages with libyaml's emitter;
``... h5p IN OUT`` does the same for a bare ``content.json``. No escapes, notes, checks, positions or
validation: what any script would do first, so the ratio says what TIPCase's care costs.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import yaml

LINK = re.compile(r"\[\[(.*?)\]\]")


def twee(source: Path, target: Path) -> None:
    stages = {}
    for chunk in ("\n" + source.read_text(encoding="utf-8")).split("\n::")[1:]:
        header, _, text = chunk.partition("\n")
        name = header.split("{")[0].strip()
        targets = [re.split(r"->|\|", inner)[-1].strip() for inner in LINK.findall(text)]
        stage: dict[str, object] = {"title": name, "text": LINK.sub("", text).strip()}
        if targets:
            stage["choices"] = [{"label": t, "to": t} for t in targets]
        else:
            stage["end"] = "success"
        stages[name] = stage
    document = {"tipcase": 1, "id": "plain", "version": 1, "title": "Plain", "start": next(iter(stages)), "stages": stages}
    target.write_text(yaml.dump(document, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True), encoding="utf-8")


def h5p(source: Path, target: Path) -> None:
    content = json.loads(source.read_text(encoding="utf-8"))["branchingScenario"]["content"]
    stages = {}
    for index, item in enumerate(content):
        params = item["type"]["params"]
        alternatives = params.get("branchingQuestion", {}).get("alternatives")
        nexts = [a["nextContentId"] for a in alternatives] if alternatives else [item.get("nextContentId", -1)]
        stage: dict[str, object] = {"text": params.get("text") or params.get("branchingQuestion", {}).get("question", "")}
        stage["choices"] = [{"label": "Continue", "to": f"step-{n}" if n >= 0 else "end"} for n in nexts]
        stages[f"step-{index}"] = stage
    stages["end"] = {"text": "The end.", "end": "success"}
    document = {"tipcase": 1, "id": "plain", "version": 1, "title": "Plain", "start": "step-0", "stages": stages}
    target.write_text(yaml.dump(document, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True), encoding="utf-8")


if __name__ == "__main__":
    {"twee": twee, "h5p": h5p}[sys.argv[1]](Path(sys.argv[2]), Path(sys.argv[3]))
