"""Shardwise's pytest plugin (loaded with ``-p shardwise_pytest``).

Writes to the JSON file named by SHARDWISE_PYTEST_REPORT what pytest's JUnit report leaves
out: how long each test module took to import and collect (a file's cost before its first
test), how long the run loop spent on each file's tests in all (``runSeconds``: setup, call
and teardown, and also pytest's own work per test — hooks, reports, output — which the JUnit
times leave out and which, at about a millisecond a test, adds up on suites of many small
tests), and which tests passed although marked xfail (pytest reports them as "xpassed", its
JUnit writer as plain passes). What pytest does after the last test (its JUnit and terminal
reports, other plugins' session hooks: hypothesis's summary alone imports for half a second)
is nearly all a fixed cost per session, measured at 0.6 s + 0.09 ms a test on networkx: it
stays the shard's start-up, charged to no file. Only the standard library; pytest 7 to 9.

What a module's collection spends importing *other* modules (helpers, libraries) is kept apart
as ``importSeconds``: Python imports a module once per process, so that time is paid by
whichever module of a shard happens to import it first, and in one serial run only once. It is
the shard's start-up, not the module's cost.
"""

import builtins
import json
import os
import time

_collect_started = {}
_collect_seconds = {}
_import_seconds = {}
_run_seconds = {}
_xpassed = []
_xfailed = []
_loop = {"last": None, "timed": True}


class _ImportClock:
    """Times the outermost imports made while a test module is collected."""

    def __init__(self):
        self.original = None
        self.collecting = False
        self.depth = 0
        self.seconds = 0.0

    def install(self):
        self.original = builtins.__import__
        self.hook = self.timed
        builtins.__import__ = self.hook

    def uninstall(self):
        # Only when nothing replaced it since; `original` stays for whoever still holds `hook`.
        if builtins.__import__ is getattr(self, "hook", None):
            builtins.__import__ = self.original
        self.collecting = False

    def timed(self, name, globals=None, locals=None, fromlist=(), level=0):
        if not self.collecting or self.depth > 0:
            return self.original(name, globals, locals, fromlist, level)
        self.depth += 1
        started = time.perf_counter()
        try:
            return self.original(name, globals, locals, fromlist, level)
        finally:
            self.seconds += time.perf_counter() - started
            self.depth -= 1


_imports = _ImportClock()


def _is_module(nodeid):
    # Modules only: their node id is the file's path ("tests/test_x.py").
    return "::" not in nodeid and nodeid.endswith(".py")


def pytest_configure(config):
    _imports.install()
    # Under pytest-xdist the items run in parallel workers: the controller's clock between
    # reports is not any file's cost, so the run loop is not timed there.
    distributed = hasattr(config, "workerinput") or bool(
        getattr(config.option, "numprocesses", None)
    )
    _loop["timed"] = not distributed


def pytest_unconfigure(config):
    _imports.uninstall()


def pytest_collectstart(collector):
    _collect_started[collector.nodeid] = time.perf_counter()
    if _is_module(collector.nodeid):
        _imports.collecting = True
        _imports.seconds = 0.0


def pytest_collectreport(report):
    started = _collect_started.pop(report.nodeid, None)
    if started is None or not _is_module(report.nodeid):
        return
    imported = _imports.seconds
    _imports.collecting = False
    _imports.seconds = 0.0
    elapsed = time.perf_counter() - started
    _collect_seconds[report.nodeid] = max(0.0, elapsed - imported)
    _import_seconds[report.nodeid] = imported


def pytest_runtest_logstart(nodeid, location):
    if _loop["last"] is None:
        _loop["last"] = time.perf_counter()


def pytest_runtest_logfinish(nodeid, location):
    # From the end of one test's protocol to the end of the next: everything the run loop
    # did for that test, charged to its file.
    now = time.perf_counter()
    last = _loop["last"]
    _loop["last"] = now
    if last is None or not _loop["timed"]:
        return
    path = nodeid.split("::", 1)[0]
    _run_seconds[path] = _run_seconds.get(path, 0.0) + (now - last)


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
                "importSeconds": _import_seconds,
                "runSeconds": _run_seconds,
                "xpassed": _xpassed,
                "xfailed": _xfailed,
            },
            out,
        )
