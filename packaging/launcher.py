"""Entry script of the PyInstaller bundle: VocPlan's command line, exiting with its code."""

from __future__ import annotations

import sys

from vocplan.cli import main

if __name__ == "__main__":
    sys.exit(main())
