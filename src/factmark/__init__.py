"""factmark: fact-check annotation for editors."""

__version__ = "0.1.0"
