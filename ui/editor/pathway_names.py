"""The names of the referral pathways a case can stand on, for the editor's Case details.

A case names its pathway by id (``pathway: id-tip-referral``); a trainer reads it by its title
("Trafficking in persons: Indonesian referral pathway"). The titles are read from the pathway files the case
could name (``tipcase.bundled.pathway_ids``), once per file and modification time, so showing the form after
each edit reads nothing again.
"""

from __future__ import annotations

import functools
from pathlib import Path

from tipcase import bundled


def pathway_titles(scenario_path: str | Path | None) -> dict[str, dict[str, str]]:
    """{pathway id: its title by language} for every pathway the case at ``scenario_path`` could name, by id.

    Each folder is listed once (``bundled.pathway_folders``); a pathway whose file cannot be read or has no
    title has {} (the form then shows its id alone).
    """
    titles: dict[str, dict[str, str]] = {}
    for pathway_id in bundled.pathway_ids(scenario_path):
        found = bundled.find_pathway(scenario_path or bundled.bundled_dir() / "case.yaml", pathway_id)
        try:
            stamp = found.stat().st_mtime_ns if found is not None else None
        except OSError:
            stamp = None
        titles[pathway_id] = _title_of(str(found), stamp) if found is not None and stamp is not None else {}
    return titles


@functools.lru_cache(maxsize=64)
def _title_of(path: str, stamp: int) -> dict[str, str]:
    """The title of the pathway file at ``path`` as of modification time ``stamp`` (the cache key); {} when unreadable."""
    del stamp
    from tipcase.format.loader import load_file  # noqa: PLC0415 - the loader is loaded already when a case is open

    try:
        loaded = load_file(path)
    except OSError:
        return {}
    return dict(loaded.pathway.title.values) if loaded.pathway is not None else {}
