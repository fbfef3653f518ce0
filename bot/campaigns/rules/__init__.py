"""Pure campaign rules: no database, no network."""
