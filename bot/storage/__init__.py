"""Storage: the models, database setup, the Redis helpers and the dedup claim."""
