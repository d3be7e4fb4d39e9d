"""The baseline for ``make bench ONLY=scenario``: read a scenario file the fastest plain way, nothing else.

``python benchmarks/plain_load.py FILE``: ``yaml.load`` with libyaml's C loader, the cyclic collector
paused while it builds (as TIPCase's reader pauses it, so the two are compared on equal terms).
"""

from __future__ import annotations

import gc
import sys

import yaml

gc.disable()
with open(sys.argv[1], encoding="utf-8") as stream:
    yaml.load(stream.read(), Loader=yaml.CSafeLoader)
