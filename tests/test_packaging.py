"""The wheel carries every package and data file of the source tree, and building it warns of nothing.

Setuptools is told the packages explicitly. A folder inside a listed package that is not itself listed is what
setuptools warns about on every ``pip install`` ("Python recognizes 'tipcase.scenarios.teams' as an importable
package, but it is absent from the packages configuration", some 250 lines on ``make run``), so the data folders
(cases, pathways, exhibits, fonts, translations) are listed too, each with its package data.
"""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_PACKAGES = ("tipcase.scenarios", "tipcase.resources")


def _config() -> dict:  # type: ignore[type-arg]
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def _folders() -> dict[str, Path]:
    """Every package name Python would import from the source tree (code packages and data folders) and its folder."""
    config = _config()
    mapping = {"tipcase": "tipcase", "ui": "ui", **config["package-dir"]}
    found: dict[str, Path] = {}
    for package, folder in mapping.items():
        base = ROOT / folder
        for path in [base, *base.rglob("*")]:
            if path.is_dir() and "__pycache__" not in path.parts and not path.name.startswith("."):
                found[".".join([package, *path.relative_to(base).parts])] = path
    return found


def test_every_folder_of_the_source_tree_is_a_listed_package() -> None:
    """No folder a setuptools build would flag as an importable package left out (the warnings of ``pip install``)."""
    listed = set(_config()["packages"])
    found = _folders()
    assert sorted(set(found) - listed) == []
    assert sorted(listed - set(found)) == []


def test_every_code_package_has_its_init() -> None:
    for package, folder in _folders().items():
        if not package.startswith(DATA_PACKAGES):
            assert (folder / "__init__.py").is_file(), package


def test_every_bundled_data_file_is_package_data() -> None:
    """A case, pathway, exhibit picture, font or translation left out of the wheel would be missing on an installed workstation."""
    patterns = _config()["package-data"]
    missing, count = [], 0
    for package, folder in _folders().items():
        if not package.startswith(DATA_PACKAGES):
            continue
        for path in folder.iterdir():
            if path.is_file() and path.suffix != ".py":
                count += 1
                if not any(fnmatch.fnmatchcase(path.name, glob) for glob in patterns.get(package, [])):
                    missing.append(path.relative_to(ROOT).as_posix())
    assert count > 20, "no bundled files found"
    assert missing == []
