"""Ownership and memory: children outlive their parents, nothing leaks, and every allocation
failure inside the library surfaces as MemoryError without leaking."""

import gc
import os
import weakref

import pytest

import ogi
from ogi import _ogi
from conftest import SEEDS


def rss_bytes():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def live_blocks():
    return _ogi.ogi_py_test_alloc_stats()[0]


@pytest.fixture
def counting_allocator():
    gc.collect()
    _ogi.ogi_py_test_allocator(-1)
    try:
        yield
    finally:
        gc.collect()
        _ogi.ogi_py_test_allocator_reset()


def some_document():
    if SEEDS:
        return SEEDS[0].read_bytes()
    return "2021年某某局政府信息公开工作年度报告\n一、总体情况\n".encode()


def test_children_outlive_the_report():
    r = ogi.parse(some_document())
    ref = weakref.ref(r)
    cells = list(r)
    cell = r.cell("applications.new_received.total")
    diags = r.validate() + r.diagnostics
    meta, sections, d = r.meta, r.sections, r.to_dict()
    keep = [(c.path, c.value, c.state, c.raw, c.position) for c in cells]
    dkeep = [x.to_dict() for x in diags]
    del r
    gc.collect()
    assert ref() is None  # the report is gone ...
    _ = [ogi.parse(some_document()) for _ in range(20)]  # ... and its memory reused
    assert [(c.path, c.value, c.state, c.raw, c.position) for c in cells] == keep
    assert [x.to_dict() for x in diags] == dkeep
    assert cell.path == "applications.new_received.total"
    assert set(meta) == {"title", "agency", "year", "published", "format", "encoding"}
    assert isinstance(sections, dict) and d["schema"] == "ogi-report/1"


def test_closing_frees_the_c_report(counting_allocator):
    before = live_blocks()
    r = ogi.parse(some_document())
    cells = list(r)
    assert live_blocks() > before
    r.close()
    assert live_blocks() == before
    assert all(isinstance(c, ogi.Cell) for c in cells)


def test_no_c_allocation_is_left_behind(counting_allocator):
    doc = some_document()
    ogi.parse(doc).validate()  # warm up one-time caches, if any
    before = live_blocks()
    for _ in range(100):
        r = ogi.parse(doc)
        list(r)
        r.validate(suppress=["PARSE-*"], min_severity="warning")
        ogi.validate_pair(r, r.copy())
        back = ogi.Report.from_json(r.to_json(detail=True))
        assert back == r
        ogi.schema(), ogi.rules()
        del r, back
    assert live_blocks() == before


def test_every_allocation_failure_is_a_memory_error(counting_allocator):
    doc = some_document()
    stats = _ogi.ogi_py_test_alloc_stats()
    ogi.parse(doc).validate()
    gc.collect()
    after = _ogi.ogi_py_test_alloc_stats()
    needed = (after[1] + after[2]) - (stats[1] + stats[2])  # allocations of one parse+validate
    assert needed > 0
    baseline = live_blocks()
    step = max(1, needed // 150)  # about 150 failure points, spread over the whole run
    failures = successes = 0
    for k in list(range(0, needed, step)) + [needed - 1]:
        _ogi.ogi_py_test_allocator(k)
        try:
            r = ogi.parse(doc)
            r.validate()
            successes += 1
        except MemoryError as e:
            assert isinstance(e, ogi.OutOfMemoryError) and e.code == _ogi.OGI_ENOMEM
            failures += 1
        finally:
            _ogi.ogi_py_test_allocator(-1)
        r = None
        gc.collect()
        assert live_blocks() == baseline, f"leak after failing allocation {k}"
    assert failures > 0


@pytest.mark.skipif(os.environ.get("OGI_SANITIZED") == "1",
                    reason="RSS means nothing under AddressSanitizer (quarantine)")
def test_rss_is_bounded_over_10000_parse_free_cycles():
    doc = some_document()
    for _ in range(500):
        ogi.parse(doc).validate()
    gc.collect()
    start = rss_bytes()
    for _ in range(10000):
        r = ogi.parse(doc)
        r.cell("applications.new_received.total")
        r.validate()
        del r
    gc.collect()
    growth = rss_bytes() - start
    # a leak of 400 bytes a cycle would show as 4 MB
    assert growth < 4 * 1024 * 1024, f"RSS grew by {growth} bytes over 10000 cycles"
