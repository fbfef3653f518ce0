"""Only the APScheduler wiring: jobs rebuilt from the database, the leader lease, thin jobs."""
