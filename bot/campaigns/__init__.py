"""Campaigns: the spec and its creation, enrolment, the daily push as outbox rows, alerts."""
