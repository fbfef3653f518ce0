"""Content: cards, question banks, sample data and user-facing copy, with their loaders.

Imports nothing from bot/ or handlers/.
"""
