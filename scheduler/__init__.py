"""Campaign planning, the daily push, supervisor alerts, and the APScheduler wiring."""
