"""``make bench``: every speed and memory target, measured side by side against its baseline in one run.

Prints one table per benchmark with the figures and whether the target holds, and exits 1 when a
target is missed. Timings are medians of several runs in this process.
"""

from __future__ import annotations

import gc
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import analytics as analytics_bench
from benchmarks import certificates as certificate_bench
from benchmarks.audit import bench_audit
from benchmarks.editor import bench_editor
from benchmarks.generate import big_scenario
from benchmarks.importers import bench_importers
from benchmarks.records import build, raw_report
from tipcase.format.validator import check_text
from tipcase.services import accounts, analytics, courses, reports


def median_seconds(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bare_load(text: str) -> object:
    return yaml.load(text, Loader=yaml.CSafeLoader)


def bare_load_gc_paused(text: str) -> object:
    gc.disable()
    try:
        return yaml.load(text, Loader=yaml.CSafeLoader)
    finally:
        gc.enable()


def validate_and_analyze(text: str) -> object:
    checked = check_text(text, "bench.yaml")
    assert checked.ok, checked.findings[:3]
    assert checked.analysis is not None
    return checked


def bench_scenario() -> bool:
    print("== validate + analyze a generated scenario vs a bare yaml.load(CSafeLoader) of the same text ==")
    results: dict[int, dict[str, float]] = {}
    for stages, runs in ((1_000, 7), (10_000, 3)):
        text = big_scenario(stages)
        results[stages] = {
            "bare": median_seconds(lambda text=text: bare_load(text), runs),
            "bare_gc_paused": median_seconds(lambda text=text: bare_load_gc_paused(text), runs),
            "ours": median_seconds(lambda text=text: validate_and_analyze(text), runs),
            "kib": len(text.encode()) / 1024,
        }
    header = f"{'stages':>8} {'file KiB':>9} {'bare load s':>12} {'bare, GC paused s':>18} {'validate+analyze s':>19}"
    print(f"{header} {'ratio':>6} {'ratio (GC paused)':>18}")
    for stages, r in results.items():
        print(
            f"{stages:>8,} {r['kib']:>9,.0f} {r['bare']:>12.3f} {r['bare_gc_paused']:>18.3f} {r['ours']:>19.3f} "
            f"{r['ours'] / r['bare']:>6.2f} {r['ours'] / r['bare_gc_paused']:>18.2f}"
        )
    ratio = results[10_000]["ours"] / results[10_000]["bare"]
    growth = results[10_000]["ours"] / results[1_000]["ours"]
    bare_growth = results[10_000]["bare"] / results[1_000]["bare"]
    ok_ratio = ratio <= 2.0
    ok_linear = growth <= 10 * 1.5
    print(f"target: validate+analyze <= 2x the bare load at 10,000 stages: {ratio:.2f}x  {'PASS' if ok_ratio else 'MISS'}")
    verdict = "PASS" if ok_linear else "MISS"
    print(f"target: linear growth, 1,000 -> 10,000 stages: x{growth:.1f} (bare load x{bare_growth:.1f}; linear is x10)  {verdict}")
    return ok_ratio and ok_linear


def bench_cohort_report() -> bool:
    print("\n== cohort report over one million stored decisions (SQLite) vs the same aggregate as one raw SQL query ==")
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        db = build(Path(folder) / "bench.sqlite3")
        print(f"built: 50,000 finished attempts, 1,000,000 decisions, 450,000 competency scores in {time.perf_counter() - start:.1f} s")
        cohort_id = db.cohort_id  # type: ignore[attr-defined]

        def ours() -> object:
            with db.reading() as session:
                return reports.cohort_report(session, accounts.get_user(session, "demo-admin"), courses.get_cohort(session, "demo"))

        assert ours() == raw_report(db, cohort_id), "the two reports disagree"
        raw_s = median_seconds(lambda: raw_report(db, cohort_id), 5)
        ours_s = median_seconds(ours, 5)
        db.dispose()
    ratio = ours_s / raw_s
    print(f"raw SQL: {raw_s:.3f} s   tipcase report (SQLAlchemy): {ours_s:.3f} s   ratio {ratio:.2f}")
    ok = ratio <= 1.5
    print(f"target: at most 1.5x the raw query: {ratio:.2f}x  {'PASS' if ok else 'MISS'}")
    return ok


def bench_analytics() -> bool:
    print("\n== cohort analytics, 500 trainees x 10 attempts (85,000 decisions) vs loading them as objects and counting ==")
    with tempfile.TemporaryDirectory() as folder:
        db = analytics_bench.build(Path(folder) / "analytics.sqlite3")

        def ours() -> analytics.ScenarioAnalytics:
            with db.reading() as session:
                course = courses.get_course(session, "demo")
                return analytics.scenario_analytics(
                    session,
                    accounts.get_user(session, "demo-trainer"),
                    courses.get_cohort(session, "bench"),
                    course,
                    course.items[0].scenario_version,
                )

        report = ours()
        naive_choices, naive_rules = analytics_bench.naive_counts(db)
        assert {(c.stage, c.choice - 1): c.count for c in report.choices} == dict(naive_choices), "the two counts disagree"
        assert dict(report.broken_rules) == dict(naive_rules), "the two rule counts disagree"
        naive_s = median_seconds(lambda: analytics_bench.naive_counts(db), 5)
        ours_s = median_seconds(ours, 5)
        db.dispose()
    speedup = naive_s / ours_s
    print(f"load and count: {naive_s:.3f} s   tipcase analytics (grouped in SQL): {ours_s:.3f} s   {speedup:.1f}x faster")
    ok = speedup >= 2 and ours_s <= 1.0
    print(f"target: at least 2x faster than loading every decision, and under 1 s (on a worker thread): {'PASS' if ok else 'MISS'}")
    return ok


def _start_once(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak resident MiB of one run of a command (os.wait4 gives the child's own peak)."""
    start = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    assert os.waitstatus_to_exitcode(status) == 0, f"{command} failed"
    return elapsed, usage.ru_maxrss / 1024


def bench_startup() -> bool:
    print("\n== start-up: tipcase --quit-after-start vs a bare PySide6 window that does the same (offscreen) ==")
    binary = Path(sys.executable).parent
    commands = {
        "bare PySide6 window": [sys.executable, str(Path(__file__).with_name("bare_window.py"))],
        "tipcase --quit-after-start": [str(binary / "tipcase"), "--quit-after-start"],
    }
    results = {}
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TIPCASE_HOME": home}
        for command in commands.values():  # warm the file cache for both
            _start_once(command, env)
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for _ in range(15):  # interleaved, so both see the same machine
            for name, command in commands.items():
                runs[name].append(_start_once(command, env))
        for name in commands:
            results[name] = (statistics.median(r[0] for r in runs[name]), statistics.median(r[1] for r in runs[name]))
            print(f"{name:<28} wall {results[name][0] * 1000:6.0f} ms   peak memory {results[name][1]:6.1f} MiB")
    (bare_s, bare_mib), (ours_s, ours_mib) = results.values()
    time_ratio, memory_ratio = ours_s / bare_s, ours_mib / bare_mib
    ok = time_ratio <= 1.5 and memory_ratio <= 2.0
    print(
        f"target: at most 1.5x the wall time ({time_ratio:.2f}x) and 2x the peak memory ({memory_ratio:.2f}x)  {'PASS' if ok else 'MISS'}"
    )
    return ok


def bench_certificates() -> bool:
    print("\n== 1,000 certificates into one PDF vs a naive reportlab loop drawing the same with QrCodeWidget ==")
    items = certificate_bench.certificates(1_000)
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        certificate_bench.naive(items, Path(folder) / "naive.pdf")
        naive_s = time.perf_counter() - start
        start = time.perf_counter()
        certificate_bench.ours(items, Path(folder) / "ours.pdf")
        ours_s = time.perf_counter() - start
        sizes = ((Path(folder) / "naive.pdf").stat().st_size / 2**20, (Path(folder) / "ours.pdf").stat().st_size / 2**20)
    speedup = naive_s / ours_s
    print(f"naive loop: {naive_s:.1f} s ({sizes[0]:.1f} MiB)   tipcase: {ours_s:.1f} s ({sizes[1]:.1f} MiB)   {speedup:.1f}x faster")
    ok = speedup >= 4
    print(f"target: at least 4x faster than the naive loop: {speedup:.1f}x  {'PASS' if ok else 'MISS'}")
    return ok


def bench_verification() -> bool:
    print("\n== Verifying certificate PDFs: false alarms on 1,000 genuine pages, and the time per verification ==")
    start = time.perf_counter()
    tallies = certificate_bench.false_alarms(1_000)
    pages = sum(t.pages for t in tallies.values())
    alarms = sum(t.not_valid for t in tallies.values())
    for kind, tally in tallies.items():
        print(f"{kind:<24} {tally.pages:>5} pages  {tally.not_valid} not valid  {1000 * tally.seconds / tally.pages:.0f} ms a page")
        for example in tally.examples:
            print(f"    {example[:300]}")
    print(f"false alarms: {alarms} in {pages} genuine pages ({time.perf_counter() - start:.0f} s in all)")
    timings = verify_from_a_fresh_process()
    for name, (wall, cpu) in timings.items():
        print(f"{name:<46} {wall:.2f} s wall, {cpu:.2f} s CPU (median of 5, from a fresh process)")
    cpu = timings["tipcase verify --offline one.pdf"][1]
    ok = alarms == 0 and pages == 1_000 and cpu <= 2.0
    print(f"target: no false alarm in 1,000 genuine pages, and one verification within 2 s of CPU at a desk  {'PASS' if ok else 'MISS'}")
    return ok


def _timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child) of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def verify_from_a_fresh_process() -> dict[str, tuple[float, float]]:
    """Median (wall, CPU) seconds, interleaved, of: ``tipcase verify --offline`` on one genuine PDF; the
    check it replaced (pypdf's page text); and ``tipcase --version`` (the command line's start-up)."""
    from cryptography.hazmat.primitives import serialization  # noqa: PLC0415

    items, trusted = certificate_bench.genuine(1)
    public = next(iter(trusted.values()))
    with tempfile.TemporaryDirectory() as folder:
        pdf, key = Path(folder) / "one.pdf", Path(folder) / "institution.pub"
        pdf.write_bytes(certificate_bench.certpdf.render_bytes(items, certificate_bench.INSTITUTION))
        key.write_bytes(public.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))  # type: ignore[attr-defined]
        env = {**os.environ, "TIPCASE_HOME": folder}
        tipcase = str(Path(sys.executable).with_name("tipcase"))
        subprocess.run([tipcase, "keys", "import-public", str(key)], env=env, check=True, capture_output=True)
        commands = {
            "tipcase verify --offline one.pdf": [tipcase, "verify", "--offline", str(pdf)],
            "baseline: pypdf's page text (the old check)": [
                sys.executable,
                "-c",
                f"from pypdf import PdfReader; assert 'TC1:' in PdfReader({str(pdf)!r}).pages[0].extract_text()",
            ],
            "tipcase --version (start-up alone)": [tipcase, "--version"],
        }
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for _ in range(5):
            for name, command in commands.items():
                runs[name].append(_timed(command, env))
    return {name: (statistics.median(w for w, _ in got), statistics.median(c for _, c in got)) for name, got in runs.items()}


def bench_roster() -> bool:
    print("\n== roster import (SQLite): the longest write lock, and a trainee's decision waiting meanwhile, vs raw SQL inserts ==")
    from benchmarks import roster_import  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as folder:
        return roster_import.run(Path(folder))


def bench_decisions() -> bool:
    print("\n== a decision along a 1,000-stage attempt (SQLite, committed each): the kept play vs replaying the route first ==")
    from benchmarks import decisions  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as folder:
        return decisions.run(Path(folder))


def main() -> int:
    benches = [
        bench_scenario, bench_cohort_report, bench_analytics, bench_editor, bench_startup, bench_certificates, bench_verification,
        bench_importers, bench_audit, bench_roster, bench_decisions,
    ]  # fmt: skip
    if len(sys.argv) > 1:
        benches = [b for b in benches if b.__name__.removeprefix("bench_") in sys.argv[1:]]
    outcomes = [bench() for bench in benches]
    return 0 if all(outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
