"""The only code that reads or writes annotation files.

``problems`` says what is wrong with one; ``loading`` reads and validates it;
``writer`` gives its canonical text; ``atomic`` writes it so that a crash
leaves the old bytes or the new, and tells whether it changed on disk.
"""
