"""Writing scenario files: the format's key order kept, texts with line breaks as ``|`` blocks, stable output.

Used by the importers and by the editor's document, so a saved file reads like a hand-written one
and a small edit makes a small diff.
"""

from __future__ import annotations

from typing import Any

import yaml


class _Dumper(yaml.SafeDumper):
    """Stage texts with line breaks are written as ``|`` blocks, so the file reads like the story."""


class _FastDumper(yaml.CSafeDumper):
    """libyaml's emitter: several times faster, but it quotes and escapes texts with emoji, so only for checking."""


def _represent_str(dumper: yaml.SafeDumper | yaml.CSafeDumper, value: str) -> yaml.Node:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _represent_str)
_FastDumper.add_representer(str, _represent_str)


def to_yaml(data: dict[str, Any], header: list[str] | None = None, *, for_reading: bool = True) -> str:
    """YAML in the data's own key order, with ``header`` lines as comments on top.

    ``for_reading=False`` gives the same data from libyaml's emitter, for text that only a program reads
    (the editor validates the document after every change).
    """
    dumper = _Dumper if for_reading else _FastDumper
    body = yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=120, default_flow_style=False)
    comments = "".join(f"# {line}\n" for line in header or [])
    return comments + body
