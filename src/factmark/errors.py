"""The one error type every command reports the same way.

A FactmarkError is input factmark cannot use: a missing file, an article that
is not UTF-8, an annotation file that does not validate. Commands print it as
one line, ``factmark: <file>: <what is wrong>``, and exit 2.
"""


class FactmarkError(Exception):
    """Input that cannot be used; ``str(error)`` is the one-line report."""
