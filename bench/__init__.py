"""Benchmarks: each prints its figures and asserts nothing; what they share is in harness.py."""
