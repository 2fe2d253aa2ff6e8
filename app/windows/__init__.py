"""Top-level windows: start screen, main window, dialogs, and the shell that switches between them."""
