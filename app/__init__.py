"""Closed Loop desktop app (Qt). Everything that imports PySide6 or pyqtgraph lives here."""
