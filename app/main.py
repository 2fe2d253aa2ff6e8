"""Desktop app entry: create the QApplication and show the start window."""

import sys


def run_app(argv) -> int:
    """Run the desktop app event loop; return its exit code."""
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    label = QLabel("Closed Loop")
    label.resize(480, 240)
    label.show()
    return app.exec()
