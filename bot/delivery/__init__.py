"""Delivery: the outbox, the sender, channel choice and send limits."""
