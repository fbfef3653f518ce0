"""Pure campaign rules (audience, digest facts and limits, escalation reach): no I/O."""
