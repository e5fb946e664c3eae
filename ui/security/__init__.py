"""Setting up, signing in, locking and the administrator's tools."""
