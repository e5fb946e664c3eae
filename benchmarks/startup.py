"""How long VocPlan takes to show its window, and to fill the people list.

    .venv/bin/python benchmarks/startup.py [--runs 5] [--people 4 200]

Every measurement is a fresh Python process on Qt's offscreen platform, timed
from just before the process is started until the event happens (the first
paint of the window; the people list filled from the database). It reports
the median of ``--runs`` runs after one uncounted warm-up run:

(a)  a bare PySide6 QMainWindow, the floor for any Qt app;
(b)  VocPlan's main window, started as the ``vocplan`` command does (``vocplan.cli.main``);
(b') the same through ``ui.app.run`` alone, without the command's own work (arguments, log set-up);
(c)  the people list filled, for a data folder of each ``--people`` size.

The data folders are encrypted as the app sets them up (Argon2id at its full
strength), and the sign-in dialog is answered by the script the moment it
shows, so (c) includes unlocking and opening the encrypted database but no
typing. The difference (b − a) is VocPlan's own start-up cost. The data
folders are temporary, hold made-up people only, and are deleted afterwards.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PASSPHRASE = "benchmark passphrase, made up"

BARE_WINDOW = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("Bare window")
window.resize(1000, 640)

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print("shown", time.time(), flush=True)
            window.removeEventFilter(self)
            QTimer.singleShot(0, window.close)
        return False

watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
sys.exit(app.exec())
"""

VOCPLAN_WINDOW = """
import os, sys, time
PASSPHRASE = os.environ["VOCPLAN_PASSPHRASE"]
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])

class Watch(QObject):
    shown = False

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Show and type(watched).__name__ == "SignInDialog":
            def sign_in(dialog=watched):
                print("sign_in_shown", time.time(), flush=True)
                dialog.passphrase_edit.setText(PASSPHRASE)
                dialog.accept_button.click()
            QTimer.singleShot(0, sign_in)
        if (
            not self.shown
            and event.type() == QEvent.Type.Paint
            and type(watched).__name__ == "MainWindow"
        ):
            self.shown = True
            print("shown", time.time(), flush=True)
            watched.people_shown.connect(self.populated)
        return False

    def populated(self):
        print("populated", time.time(), flush=True)
        QTimer.singleShot(0, QApplication.closeAllWindows)

watch = Watch()
app.installEventFilter(watch)
folder = sys.argv[2]
if sys.argv[1] == "command":
    from vocplan.cli import main

    sys.exit(main(["--data-dir", folder]))
else:
    import ui.app
    from vocplan.startup import StartOptions

    sys.exit(ui.app.run(StartOptions.resolve(folder)))
"""


@dataclass
class Timings:
    shown: list[float]
    populated: list[float]
    signed_in: list[float]


def child_environment() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["VOCPLAN_LANG"] = "en"
    env.pop("VOCPLAN_DATA_DIR", None)
    env.pop("VOCPLAN_DATABASE_URL", None)
    env["VOCPLAN_PASSPHRASE"] = PASSPHRASE
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def time_child(script: str, *arguments: str) -> dict[str, float]:
    """Seconds from just before starting the process to each event it reports."""
    started = time.time()
    result = subprocess.run(
        [sys.executable, "-c", script, *arguments],
        cwd=ROOT,
        env=child_environment(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"a benchmark run failed ({result.returncode}):\n{result.stderr}")
    events = {}
    for line in result.stdout.splitlines():
        name, _, value = line.partition(" ")
        if name in ("shown", "populated", "sign_in_shown"):
            events[name] = float(value) - started
    return events


def measure(runs: int, script: str, *arguments: str) -> Timings:
    time_child(script, *arguments)  # warm-up: file caches, Python bytecode
    timings = Timings([], [], [])
    for _ in range(runs):
        events = time_child(script, *arguments)
        timings.shown.append(events["shown"])
        if "populated" in events:
            timings.populated.append(events["populated"])
        if "sign_in_shown" in events and "populated" in events:
            timings.signed_in.append(events["populated"] - events["sign_in_shown"])
    return timings


def make_data_folder(parent: Path, count: int) -> Path:
    """A data folder holding ``count`` made-up people."""
    from vocplan.security.folder import set_up
    from vocplan.security.keyfile import Mode
    from vocplan.services.people import PersonInput, add_person
    from vocplan.startup import StartOptions, open_app_database

    folder = parent / f"people-{count}"
    options = StartOptions.resolve(str(folder))
    unlocked = set_up(options.files(), Mode.CLINIC, "Benchmark Admin", PASSPHRASE)
    database = open_app_database(options, unlocked=unlocked, rolling_backup=False)
    try:
        for number in range(1, count + 1):
            add_person(
                database,
                PersonInput(
                    full_name=f"Test Person {number:03d}",
                    date_of_birth=f"{1 + number % 28}/{1 + number % 12}/{1960 + number % 40}",
                    care_coordinator=f"Coordinator {1 + number % 7}",
                    team="Test team",
                ),
                is_demo=True,
            )
    finally:
        database.close()
    return folder


def row(label: str, values: list[float]) -> str:
    return f"{label:<52} {statistics.median(values):7.3f} {min(values):7.3f} {max(values):7.3f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (default 5)")
    parser.add_argument(
        "--people",
        type=int,
        nargs="+",
        default=[4, 200],
        help="sizes of the data folders to fill the list from (default 4 200)",
    )
    arguments = parser.parse_args()
    sizes = sorted(set(arguments.people))

    with tempfile.TemporaryDirectory(prefix="vocplan-bench-") as temporary:
        folders = {size: make_data_folder(Path(temporary), size) for size in sizes}
        bare = measure(arguments.runs, BARE_WINDOW)
        command = {
            size: measure(arguments.runs, VOCPLAN_WINDOW, "command", str(folders[size]))
            for size in sizes
        }
        direct = {
            size: measure(arguments.runs, VOCPLAN_WINDOW, "run", str(folders[size]))
            for size in sizes
        }

    smallest = sizes[0]
    a = statistics.median(bare.shown)
    b = statistics.median(command[smallest].shown)
    b_direct = statistics.median(direct[smallest].shown)
    print(
        f"VocPlan start-up: seconds from process start, offscreen, "
        f"{arguments.runs} runs after a warm-up (Python {sys.version.split()[0]})"
    )
    print()
    print(f"{'':<52} {'median':>7} {'min':>7} {'max':>7}")
    print(row("(a)  bare PySide6 QMainWindow shown", bare.shown))
    print(row("(b)  VocPlan window shown, `vocplan` command", command[smallest].shown))
    print(row("(b') VocPlan window shown, ui.app.run alone", direct[smallest].shown))
    for size in sizes:
        print(row(f"(c)  people list filled, {size} people, `vocplan`", command[size].populated))
        print(row(f"(c') people list filled, {size} people, ui.app.run", direct[size].populated))
        print(row(f"(d)  sign-in answered to list filled, {size} people", command[size].signed_in))
    print()
    own_cost = "VocPlan's own start-up cost (b − a)"
    own_cost_direct = "VocPlan's own start-up cost, ui.app.run (b' − a)"
    print(f"{own_cost:<52} {b - a:7.3f}")
    print(f"{own_cost_direct:<52} {b_direct - a:7.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
