"""Assistance for the editor: what to check, and what contradicts what."""
