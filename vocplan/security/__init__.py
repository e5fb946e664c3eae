"""Keeping the data unreadable without a passphrase: keys, key slots, sign-in limits."""
