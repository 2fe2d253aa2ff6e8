"""The player's guide (F1)."""

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from ..i18n import translate


def guide_html() -> str:
    """The guide as HTML in the current language."""
    sections = [
        (translate("Help", "The goal"), translate(
            "Help", "You run a carmaker through the quarters of the scenario. Meet the scenario's objectives (shown "
            "on the right) and finish with the best balanced score: share, margin, cash, autonomy, ecosystem, "
            "brand and valuation.")),
        (translate("Help", "Each quarter"), translate(
            "Help", "1. Read last quarter's report, the rivals table and the news. 2. Change your decisions on the "
            "left; each field explains itself in its tooltip and shows its consequences under it. 3. Press Preview "
            "(Ctrl+P) to see where the plan may lead over many simulated futures. 4. Press End quarter "
            "(Ctrl+Enter). Rivals then decide on public information only, and the quarter is resolved.")),
        (translate("Help", "Decisions"), translate(
            "Help", "Pricing: list price and this quarter's incentive per model. Production: how many cars to build "
            "(capped by capacity), shifts, and new capacity, which takes quarters to build. Autonomy: the R&D "
            "budget and an in-house chip. Ecosystem: integration with phones and homes, services, charging and "
            "phone–car bundles. Marketing: brand. Finance: parent support, equity and debt. Launches: new models.")),
        (translate("Help", "Money"), translate(
            "Help", "Amounts are in yuan: in Chinese as 万 and 亿, in English with k, M and B. Budgets are entered "
            "per quarter. If cash would run out you receive emergency funding at a cost; after several such "
            "quarters in a row your firm leaves the market.")),
        (translate("Help", "Why did that happen?"), translate(
            "Help", "Every chart and many figures have a ? button: it shows the model's equation in plain words, "
            "the parameters it uses and where each parameter comes from. The quarterly report's waterfalls split "
            "the change in your orders and operating profit by cause.")),
        (translate("Help", "Keys"), translate(
            "Help", "Ctrl+N new campaign · Ctrl+O open · Ctrl+S save · Ctrl+Z undo · Ctrl+Y redo · Ctrl+P preview · "
            "Ctrl+Enter end quarter · Ctrl+R report · F1 this guide.")),
    ]
    return "".join(f"<h3>{title}</h3><p>{body}</p>" for title, body in sections)


class HelpDialog(QDialog):
    """Shows :func:`guide_html`."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("help-dialog")
        self.setWindowTitle(translate("Help", "How to play Closed Loop"))
        browser = QTextBrowser(self)
        browser.setHtml(guide_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(browser)
        layout.addWidget(buttons)
        self.resize(720, 620)
