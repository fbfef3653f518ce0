"""Mini-program JSON API (issue 3)."""
