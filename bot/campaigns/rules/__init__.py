"""Pure campaign rules (audience, rollup, digest, escalation reach, triggers): no I/O."""
