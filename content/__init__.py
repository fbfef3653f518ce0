"""Content: cards, banks, sample data, user-facing copy and their loaders; no bot/ imports."""
