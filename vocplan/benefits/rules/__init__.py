"""The rules packs: one JSON file of figures per tax year, and its LHA table.

The engine finds packs by their file names (``2026-27.json``), so next April's
rates are a new data file, not a code change. ``build_packs.py`` makes the
packs from the shared, sourced figures; the packs themselves are the data the
engine reads.
"""
