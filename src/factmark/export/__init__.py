"""Annotations in standard formats for other tools: one module per format."""
