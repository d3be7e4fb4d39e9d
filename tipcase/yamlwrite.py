"""Writing scenario files: the format's key order kept, texts with line breaks as ``|`` blocks, stable output.

Used by the importers and by the editor's document, so a saved file reads like a hand-written one
and a small edit makes a small diff.
"""

from __future__ import annotations

from typing import Any

import yaml


class _Dumper(yaml.SafeDumper):
    """Stage texts with line breaks are written as ``|`` blocks, so the file reads like the story."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _represent_str)


def to_yaml(data: dict[str, Any], header: list[str] | None = None) -> str:
    """YAML in the data's own key order, with ``header`` lines as comments on top."""
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=120, default_flow_style=False)
    comments = "".join(f"# {line}\n" for line in header or [])
    return comments + body
