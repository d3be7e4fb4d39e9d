"""The core never imports Qt, even indirectly, and never imports the UI (which sits above it)."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import tipcase

CORE = Path(tipcase.__file__).parent


def core_modules() -> list[str]:
    """Every core module, less Alembic's scripts (run by Alembic, not imported; the AST check covers them)."""
    return sorted(
        m.name for m in pkgutil.walk_packages([str(CORE)], prefix="tipcase.") if not m.name.startswith("tipcase.store.migrations.")
    )


def test_core_modules_load_without_qt() -> None:
    modules = core_modules()
    assert "tipcase.play.engine" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6'))\n"
        "print(','.join(qt))\n"
    )
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert completed.stdout.strip() == ""


def test_core_sources_never_import_the_ui() -> None:
    offenders = []
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in ("ui", "PySide6", "shiboken6")]
    assert offenders == []
