"""``python -I -S benchmarks/peak_of.py OUT.json COMMAND ARG...``: run COMMAND and write its CPU time and peak memory to OUT.json.

For measured processes a benchmark must start itself, with pipes (``benchmarks/handovers.py``'s
workstations), rather than through the spawner (``benchmarks/harness.py``): this small process (about
8 MiB) is what starts the command, so its peak is its own and not the large benchmark process's, which
Linux would give a child forked from it until it execs. COMMAND inherits stdin, stdout, stderr and the
environment; this process exits with its exit code. OUT.json holds ``{"cpu": seconds, "peak": MiB}``.
"""

import json
import os
import sys

child = os.posix_spawn(sys.argv[2], sys.argv[2:], os.environ)
_, status, usage = os.wait4(child, 0)
with open(sys.argv[1], "w", encoding="utf-8") as out:
    json.dump({"cpu": usage.ru_utime + usage.ru_stime, "peak": usage.ru_maxrss / 1024}, out)
sys.exit(os.waitstatus_to_exitcode(status))
