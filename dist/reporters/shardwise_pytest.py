"""Shardwise's pytest plugin (loaded with ``-p shardwise_pytest``).

Writes to the JSON file named by SHARDWISE_PYTEST_REPORT what pytest's JUnit report leaves
out: how long each test module took to import and collect (a file's cost before its first
test), and which tests passed although marked xfail (pytest reports them as "xpassed", its
JUnit writer as plain passes). Only the standard library; pytest 7 to 9.
"""

import json
import os
import time

_collect_started = {}
_collect_seconds = {}
_xpassed = []
_xfailed = []


def pytest_collectstart(collector):
    _collect_started[collector.nodeid] = time.perf_counter()


def pytest_collectreport(report):
    started = _collect_started.pop(report.nodeid, None)
    # Modules only: their node id is the file's path ("tests/test_x.py").
    if started is None or "::" in report.nodeid or not report.nodeid.endswith(".py"):
        return
    _collect_seconds[report.nodeid] = time.perf_counter() - started


def pytest_runtest_logreport(report):
    if not hasattr(report, "wasxfail"):
        return
    if report.when == "call" and report.passed:
        _xpassed.append(report.nodeid)
    elif report.skipped:
        _xfailed.append(report.nodeid)


def pytest_sessionfinish(session):
    destination = os.environ.get("SHARDWISE_PYTEST_REPORT")
    if not destination:
        return
    with open(destination, "w", encoding="utf-8") as out:
        json.dump(
            {
                "version": 1,
                "collectSeconds": _collect_seconds,
                "xpassed": _xpassed,
                "xfailed": _xfailed,
            },
            out,
        )
