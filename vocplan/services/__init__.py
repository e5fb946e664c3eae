"""The one way in to the data, for the UI and the command line alike.

Each public function is one user action: it opens a session, does its work
in one transaction, and returns plain values, never live database rows.
"""
