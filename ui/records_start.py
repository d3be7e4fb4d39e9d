"""Opening the records at start-up, and loading what the pages after the sign-in read with, both on a worker.

``MainWindow.start`` runs them on the task runner once the first window is up: ``open_records`` while the
person types their name (the sign-in button waits for it), then ``load_the_records_pages_read_with``, which
nobody waits for.

What they load (SQLAlchemy, the sign-in service, then the ORM and the models) stays for the life of the app:
tens of thousands of lasting objects and next to no garbage. They load with Python's cyclic collector paused,
and once loaded they are frozen (``gc.freeze``: moved to the permanent generation, which no collection scans).
Resuming the collector without the freeze left them all in the youngest generation, whose next collection
scanned them at once, holding the interpreter whichever thread it ran in: 54,000 objects and about 30 ms after
the records opened (counted with ``gc.callbacks``), a tenth of the sign-in ready's CPU (``make bench ONLY=startup``).
"""

from __future__ import annotations

import contextlib
import gc
import logging
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tipcase.store.database import Database

_freezing = [False]


def freeze_what_loads(freeze: bool = True) -> None:
    """Freeze what ``lasting_objects`` loads from now on: the app's own process does (``ui.app.main``).

    Off by default: a test that opens the records in its own process would have its garbage of the moment kept for good.
    """
    _freezing[0] = freeze


@contextlib.contextmanager
def lasting_objects() -> Iterator[None]:
    """Load modules with the cyclic collector paused, then freeze what is loaded (see the module's docstring).

    Nested or overlapping uses resume (and freeze) once, at the outermost; with the collector already paused
    by the caller, nothing is resumed.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            if _freezing[0]:
                gc.freeze()
            gc.enable()


def open_records(url: str | None) -> Database:
    """Load the sign-in service (``tipcase.services.signing_in``: SQLAlchemy's core, no ORM) and open the records at ``url``.

    ``url`` None: the workstation's own database (``tipcase.store.database.open_database``: created, or upgraded
    with Alembic, when its schema is not the newest). Raises what ``open_database`` raises.
    """
    with lasting_objects():
        from tipcase.services import signing_in  # noqa: PLC0415, F401 - after the first paint: what a sign-in needs
        from tipcase.store.database import open_database  # noqa: PLC0415

        return open_database(url)


def load_the_records_pages_read_with() -> None:
    """Load the ORM, the models (their mappers configured) and the pages' services, so the page after the sign-in opens at once.

    Run on a worker once a sign-in could complete, while the person types (``preload_failed`` logs a failure;
    the page that needs the module then meets it again and says it).
    """
    with lasting_objects():
        from sqlalchemy.orm import configure_mappers  # noqa: PLC0415 - after the sign-in is ready

        import tipcase.services.desktop  # noqa: PLC0415, F401

        configure_mappers()


def preload_failed(error: BaseException) -> None:
    """Log that loading ahead failed (nobody waits for it: the page that needs the module says it when opened)."""
    logging.getLogger(__name__).warning("loading the records layer ahead of the pages failed", exc_info=error)
