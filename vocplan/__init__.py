"""VocPlan core: the plan's data, its storage, the rules and the command line.

Nothing in this package imports Qt; the desktop front end lives in ``ui/``.
"""

__version__ = "0.1.0"
