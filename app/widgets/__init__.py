"""Widgets of the main window; each connects to the session's signals and only reads."""
