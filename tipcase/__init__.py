"""TIPCase core: scenario model, validator, engine and scoring for TIP and GBV case-handling training.

This package is the domain layer. It never imports Qt; the desktop application lives in
``ui`` (the ``ui/`` folder of the source tree) and depends on this package, never the
other way round.
"""

__version__ = "0.1.0"
