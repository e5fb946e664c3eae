"""How long VocPlan takes to write one whole plan as PDF: the record and the easy-read copy.

    .venv/bin/python benchmarks/pdf_export.py [--runs 20]

Loads the demo into an in-memory database, picks the largest demo persona
(the longest plan document, agreed versions included) and times
``record_pdf`` and ``easy_read_pdf`` from the call to the finished bytes:
reading the plan through the services, laying it out and building the PDF.
It reports the first (cold) call, which also registers the font and loads
Babel's locale data, and the median and range of ``--runs`` further calls.
Nothing is written to disk.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from vocplan.demo import load_demo
from vocplan.export.pdf import easy_read_pdf, record_pdf
from vocplan.services.plans import plan_overview
from vocplan.storage.database import Database, open_database

TODAY = date(2026, 11, 23)


def largest_persona(database: Database) -> tuple[int, str]:
    people = load_demo(database, today=TODAY)
    sizes = {
        person.id: len(json.dumps(plan_overview(database, person.id).document)) for person in people
    }
    largest = max(people, key=lambda person: sizes[person.id])
    return largest.id, f"{largest.full_name} ({sizes[largest.id]:,} characters of plan)"


def time_calls(write: Callable[[], bytes], runs: int) -> tuple[float, list[float], bytes]:
    start = time.perf_counter()
    data = write()
    cold = time.perf_counter() - start
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        write()
        times.append(time.perf_counter() - start)
    return cold, times, data


def page_count(data: bytes) -> int:
    return data.count(b"/Type /Page") - data.count(b"/Type /Pages")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    arguments = parser.parse_args()
    database = open_database("sqlite://")
    person_id, description = largest_persona(database)
    print(f"Largest demo persona: {description}; {arguments.runs} runs after a cold one")
    documents: dict[str, Callable[[], bytes]] = {
        "record": lambda: record_pdf(database, person_id, today=TODAY),
        "easy-read": lambda: easy_read_pdf(database, person_id, today=TODAY),
    }
    for name, write in documents.items():
        cold, times, data = time_calls(write, arguments.runs)
        print(
            f"  {name:10} {page_count(data):3} pages {len(data) / 1024:4.0f} KiB  "
            f"cold {cold * 1000:6.0f} ms   "
            f"median {statistics.median(times) * 1000:6.0f} ms "
            f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f})"
        )
    database.close()


if __name__ == "__main__":
    main()
