"""People: identity and the binding ladder, privacy, mini-program sessions, ID-number rules."""
