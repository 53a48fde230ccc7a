"""The desk: many articles, a second reader's sign-off, and the archive of claims already
checked. No Textual here."""
