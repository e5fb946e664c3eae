"""Domain rules that need no storage: enumerations, identifiers, validation."""
