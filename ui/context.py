"""The application context: what every window needs, created once at start-up and passed explicitly.

No singletons: tests build a context of their own (with a temporary library folder, say) and hand
it to the window under test.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from tipcase import library


@dataclasses.dataclass
class ApplicationContext:
    """Shared state of the running app."""

    library_dir: Path = dataclasses.field(default_factory=library.bundled_dir)
    language: str = "en"
