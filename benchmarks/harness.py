"""How every ``make bench`` figure is measured: whole processes, side by side, from a small spawner.

Each measured command is one fresh process, started by a *spawner*: a bare Python (``-I -S``, about
8 MiB) started before the benchmark loads anything, which ``posix_spawn``s the command and reads its
CPU time (user + system, its own and its waited-for children's) and peak resident memory with ``wait4``.
The run starts by compiling TIPCase to bytecode (``precompile``), as installing it does, so no
measured process compiles source a user's copy would not.

Why a spawner: Linux gives a child the peak of the process it was forked (or ``vfork``ed, as
``posix_spawn`` does) from until it execs, so a command started by a benchmark that has grown to
800 MiB reports 800 MiB whatever it does. From the spawner, a command's peak is its own, floored at
the spawner's size; ``calibrate`` checks that with ``/bin/true`` and a child that writes a known
200 MiB (``python benchmarks/harness.py`` prints it).

Variants run in interleaved rounds (the order alternating each round), and each figure is a median
over rounds. Targets are judged on **CPU seconds**, which a machine shared with other work inflates
far less than wall time; wall time is printed beside them. (Instruction counts would be steadier
still, but ``perf stat`` has no hardware counters on virtual machines like the development one.)
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import statistics
import subprocess
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

REPO = Path(__file__).resolve().parent.parent
TIPCASE = str(Path(sys.executable).parent / "tipcase")
PYTHON = sys.executable

SPAWNER = r"""
import json, os, signal, sys, time
def timeout(signum, frame):
    global timed_out
    timed_out = True
    os.kill(child, signal.SIGKILL)
signal.signal(signal.SIGALRM, timeout)
for line in sys.stdin:
    request = json.loads(line)
    actions = [(os.POSIX_SPAWN_OPEN, 0, request["stdin"] or os.devnull, os.O_RDONLY, 0)]
    for fd, name in ((1, "stdout"), (2, "stderr")):
        actions.append((os.POSIX_SPAWN_OPEN, fd, request[name] or os.devnull, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
    timed_out = False
    start = time.perf_counter()
    child = os.posix_spawn(request["argv"][0], request["argv"], request["env"], file_actions=actions)
    signal.setitimer(signal.ITIMER_REAL, request["timeout"])
    _, status, usage = os.wait4(child, 0)
    wall = time.perf_counter() - start
    signal.setitimer(signal.ITIMER_REAL, 0)
    code = os.waitstatus_to_exitcode(status)
    sys.stdout.write(json.dumps({"code": code, "wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
                                 "peak": usage.ru_maxrss / 1024, "timed_out": timed_out}) + "\n")
    sys.stdout.flush()
"""


@dataclasses.dataclass(frozen=True)
class Sample:
    """One run of one command: exit code, wall and CPU seconds, peak resident MiB."""

    code: int
    wall: float
    cpu: float
    peak: float


@dataclasses.dataclass(frozen=True)
class Figures:
    """Medians over the rounds of one command: wall and CPU seconds, peak MiB, and the rounds taken."""

    wall: float
    cpu: float
    peak: float
    runs: int

    def shown(self) -> str:
        """``CPU s (wall s), MiB`` as the tables print it."""
        return f"{self.cpu:.3f} s ({self.wall:.3f}), {self.peak:.0f} MiB"


class CommandFailed(RuntimeError):
    """A measured command exited with an unexpected code (its stderr is in the message)."""


class Spawner:
    """The small process that starts every measured command (see the module's docstring).

    Start it before the benchmark allocates much (its own peak is the floor of every figure); use it as
    a context manager. ``run`` is one fresh process; ``pairs`` several commands in interleaved rounds.
    """

    def __init__(self) -> None:
        self._process = subprocess.Popen(
            [PYTHON, "-I", "-S", "-c", SPAWNER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1
        )
        self.env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)  # measured programs run from bytecode, as installed ones do (``precompile``)

    def __enter__(self) -> Spawner:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        stdin: IO[str] | None = self._process.stdin
        if stdin is not None:
            stdin.close()
        self._process.wait(timeout=30)

    def cpu_of_children(self) -> float:
        """CPU seconds of every command the spawner has run so far (and its own): its waited-for children's, from /proc.

        0.0 where there is no /proc (the section times in ``run.py`` then leave the spawner's commands out).
        """
        try:
            fields = Path(f"/proc/{self._process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        utime, stime, cutime, cstime = (int(value) for value in fields[11:15])  # stat(5) fields 14-17, after pid and name
        return (utime + stime + cutime + cstime) / os.sysconf("SC_CLK_TCK")

    def run(
        self,
        argv: Sequence[str],
        *,
        env: Mapping[str, str] | None = None,
        stdin: Path | None = None,
        stdout: Path | None = None,
        expect: int | None = 0,
        timeout: float = 600,
    ) -> Sample:
        """Run ``argv`` once as a fresh process; raise CommandFailed unless it exits ``expect`` (None: any code)."""
        errors = Path(os.environ.get("TMPDIR", "/tmp")) / f"tipcase-bench-{os.getpid()}.err"
        request = {
            "argv": [str(a) for a in argv],
            "env": dict(env if env is not None else self.env),
            "stdin": str(stdin) if stdin else None,
            "stdout": str(stdout) if stdout else None,
            "stderr": str(errors),
            "timeout": timeout,
        }
        assert self._process.stdin is not None
        assert self._process.stdout is not None
        self._process.stdin.write(json.dumps(request) + "\n")
        answer: dict[str, Any] = json.loads(self._process.stdout.readline())
        text = errors.read_text(encoding="utf-8", errors="replace") if errors.exists() else ""
        errors.unlink(missing_ok=True)
        if answer["timed_out"]:
            raise CommandFailed(f"{' '.join(request['argv'])}: no answer in {timeout:.0f} s")
        if expect is not None and answer["code"] != expect:
            raise CommandFailed(f"{' '.join(request['argv'])} exited {answer['code']}:\n{text[-2000:]}")
        return Sample(answer["code"], answer["wall"], answer["cpu"], answer["peak"])

    def pairs(self, commands: Mapping[str, Sequence[str]], rounds: int, *, warm_up: bool = True, **options: Any) -> dict[str, Figures]:
        """Medians of each command over ``rounds`` interleaved rounds (order reversed every other round).

        One unmeasured run of each first (``warm_up``), so the file cache holds what each reads.
        """
        names = list(commands)
        if warm_up:
            for name in names:
                self.run(commands[name], **options)
        samples: dict[str, list[Sample]] = {name: [] for name in names}
        for number in range(rounds):
            for name in names if number % 2 == 0 else reversed(names):
                samples[name].append(self.run(commands[name], **options))
        return {name: median(got) for name, got in samples.items()}


@contextlib.contextmanager
def tipcase_home(home: str | Path) -> Iterator[str]:
    """``TIPCASE_HOME`` set to ``home`` in this process for the block, as it was again after it; yields ``str(home)``.

    For a set-up done in the benchmark's own process whose records the measured commands then read: the
    audit key that seals them is made in that home, and a command started with another home holds no
    key for them and refuses.
    """
    previous = os.environ.get("TIPCASE_HOME")
    os.environ["TIPCASE_HOME"] = str(home)
    try:
        yield str(home)
    finally:
        if previous is None:
            os.environ.pop("TIPCASE_HOME", None)
        else:
            os.environ["TIPCASE_HOME"] = previous


def precompile() -> None:
    """Compile TIPCase's modules and the benchmarks' to bytecode, as installing a package does.

    Without it, a shell with ``PYTHONDONTWRITEBYTECODE`` set (as the development machine's is) makes every
    measured process compile TIPCase's own modules from source, some 50 ms at each start, which no installed
    copy pays, while a baseline made of installed libraries runs from their bytecode.
    """
    import compileall  # noqa: PLC0415 - only here

    for folder in ("tipcase", "ui", "benchmarks"):
        compileall.compile_dir(REPO / folder, quiet=1)


def median(samples: Sequence[Sample]) -> Figures:
    return Figures(
        statistics.median(s.wall for s in samples),
        statistics.median(s.cpu for s in samples),
        statistics.median(s.peak for s in samples),
        len(samples),
    )


def calibrate(spawner: Spawner) -> tuple[float, float, float]:
    """Peak MiB the spawner reports for ``/bin/true``, ``python -c pass`` and a Python that writes 200 MiB.

    The first is the floor (the spawner's own size); the third less the second must be 200.
    """
    true = spawner.run(["/bin/true"] if Path("/bin/true").exists() else [PYTHON, "-I", "-S", "-c", "pass"]).peak
    bare = spawner.run([PYTHON, "-c", "pass"]).peak
    written = spawner.run([PYTHON, "-c", "b = b'x' * (200 * 2**20)"]).peak
    return true, bare, written


def print_calibration(spawner: Spawner) -> bool:
    true, bare, written = calibrate(spawner)
    ok = abs((written - bare) - 200) < 5
    print(
        f"peak memory check: /bin/true {true:.1f} MiB (the floor), python -c pass {bare:.1f} MiB, "
        f"python writing 200 MiB {written:.1f} MiB (+{written - bare:.1f})  {'PASS' if ok else 'MISS'}"
    )
    return ok


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def ratio_line(label: str, ours: float, base: float, target: float, unit: str = "CPU") -> tuple[str, bool]:
    """``label: 1.23x the baseline's CPU (target at most 1.5x)  PASS``, and whether the target holds."""
    ratio = ours / base if base else float("inf")
    ok = ratio <= target
    return f"{label}: {ratio:.2f}x the baseline's {unit} (target at most {target:g}x)  {verdict(ok)}", ok


if __name__ == "__main__":
    with Spawner() as spawner:
        sys.exit(0 if print_calibration(spawner) else 1)
