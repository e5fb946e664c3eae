"""The guided session: one person's plan, step by step, saved as it is written.

``SessionWindow`` is the window; ``SessionServices`` what it asks of the
core; ``ui.session.extensions`` where steps get extra panels.
"""
