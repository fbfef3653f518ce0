"""Campaigns: the spec, enrolment, the daily push, leaders' digest, escalation and alerts."""
