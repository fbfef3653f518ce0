"""Learning: the content library and its versions, card / quiz / completion, signed links."""
