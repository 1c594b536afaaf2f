"""Threads: parsing and validation run without the GIL and give the same results in parallel.

The speed-up on this machine is measured and printed, never asserted (timing is not a test).
"""

import os
import time
from concurrent.futures import ThreadPoolExecutor

import ogi
from ogi import _ogi
from conftest import SEEDS


def documents():
    if SEEDS:
        return [p.read_bytes() for p in SEEDS]
    return ["2021年某某局政府信息公开工作年度报告\n一、总体情况\n".encode()]


def work(doc):
    r = ogi.parse(doc)
    return r.to_json(detail=True), [d.to_dict() for d in r.validate()]


def test_parallel_results_equal_serial_results():
    docs = documents() * 20
    serial = [work(d) for d in docs]
    with ThreadPoolExecutor(max_workers=4) as pool:
        parallel = list(pool.map(work, docs))
    assert parallel == serial


def test_parse_and_validate_release_the_gil():
    """The library's own allocations (through the test hooks) tell whether the thread held
    the GIL: those of ogi_parse/ogi_validate must not, those of ogi_report_new must."""
    doc = documents()[0]
    _ogi.ogi_py_test_allocator(-1)
    try:
        _, gil0, nogil0 = _ogi.ogi_py_test_alloc_stats()
        r = ogi.parse(doc)
        _, gil1, nogil1 = _ogi.ogi_py_test_alloc_stats()
        r.validate()
        _, gil2, nogil2 = _ogi.ogi_py_test_alloc_stats()
        ogi.Report()
        _, gil3, nogil3 = _ogi.ogi_py_test_alloc_stats()
        ogi.Report.from_json(r.to_json())
        _, gil4, nogil4 = _ogi.ogi_py_test_alloc_stats()
    finally:
        _ogi.ogi_py_test_allocator_reset()
    assert nogil1 > nogil0 and gil1 == gil0        # parse: all without the GIL
    assert nogil2 > nogil1 and gil2 == gil1        # validate
    assert gil3 > gil2 and nogil3 == nogil2        # a plain call keeps the GIL
    assert nogil4 > nogil3 and gil4 == gil3        # JSON in and out


def test_measure_speedup(capsys):
    docs = documents() * 100

    def run(threads):
        t = time.perf_counter()
        if threads == 1:
            for d in docs:
                ogi.parse(d)
        else:
            with ThreadPoolExecutor(max_workers=threads) as pool:
                list(pool.map(ogi.parse, docs))
        return time.perf_counter() - t

    run(2)  # warm up
    one = min(run(1) for _ in range(2))
    two = min(run(2) for _ in range(2))
    with capsys.disabled():
        print(f"\n[threads] {len(docs)} parses: 1 thread {len(docs) / one:.0f}/s, "
              f"2 threads {len(docs) / two:.0f}/s, speed-up {one / two:.2f}x "
              f"on {os.cpu_count()} CPUs")
    assert one > 0 and two > 0
