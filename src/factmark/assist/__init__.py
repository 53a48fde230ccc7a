"""Help in finding what to check: check-worthy sentences and contradiction candidates.

Nothing here imports Textual; the command line and the TUI call it.
"""
