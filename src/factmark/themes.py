"""The editor's colour themes, by name: what ``--theme`` and the palette offer.

No imports, so the command line can list them without loading the settings
machinery. No Textual here: the names are spelled out (a test checks them
against Textual's built-in themes).
"""

DEFAULT_THEME = "textual-dark"
THEMES = ("textual-dark", "textual-light", "nord", "gruvbox", "catppuccin-mocha", "dracula",
          "tokyo-night", "monokai", "flexoki", "catppuccin-latte", "catppuccin-frappe",
          "catppuccin-macchiato", "solarized-light", "solarized-dark", "rose-pine",
          "rose-pine-moon", "rose-pine-dawn", "atom-one-dark", "atom-one-light", "ansi-dark",
          "ansi-light")  # fmt: skip
"""Textual's built-in themes, the default first: what ``--theme`` and the palette offer."""
