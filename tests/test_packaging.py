"""The wheel carries every package of the source tree (setuptools is told them explicitly)."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_source_package_is_listed_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed = set(config["packages"])
    # the core and the app are folders of their own name; the data packages are mapped onto folders
    mapping = {"tipcase": "tipcase", "ui": "ui", **config["package-dir"]}
    found = set()
    for package, folder in mapping.items():
        for init in (ROOT / folder).rglob("__init__.py"):
            relative = init.parent.relative_to(ROOT / folder)
            found.add(".".join([package, *relative.parts]))
    assert found - listed == set()
    assert listed - found == set()


def test_every_bundled_scenario_file_is_package_data() -> None:
    """A case, pathway or exhibit picture left out of the wheel would be missing on an installed workstation."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    patterns = config["package-data"]["tipcase.scenarios"]
    folder = ROOT / config["package-dir"]["tipcase.scenarios"]
    files = [p.relative_to(folder) for p in folder.rglob("*") if p.is_file() and p.suffix != ".py" and "__pycache__" not in p.parts]
    assert files, "no bundled files found"
    assert [f.as_posix() for f in files if not any(_glob_matches(f, pattern) for pattern in patterns)] == []


def _glob_matches(path: Path, pattern: str) -> bool:
    """Setuptools' reading of a package-data glob: ``*`` stays within one folder level."""
    parts = pattern.split("/")
    return len(parts) == len(path.parts) and all(fnmatch.fnmatchcase(part, glob) for part, glob in zip(path.parts, parts, strict=True))
