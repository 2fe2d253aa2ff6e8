"""The debrief pack: HTML with PNG charts, the same as PDF, CSV of everything and a copy of the save.

:func:`write_pack` writes into a folder::

    debrief.html   debrief.pdf   charts/*.png   csv/*.csv   workshop.closedloop

(a plain game's copy keeps the game's own file name).

The HTML references the charts by relative path; the PDF is the same document printed by
QTextDocument onto a QPdfWriter (Qt only, no other dependency). :class:`DebriefRunner` does it
for the console: the figures are computed from the saved file in a worker (with progress and
Cancel), the charts and documents are drawn in the GUI thread.
"""

import html
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QMarginsF, QObject, QSizeF, QUrl, Signal
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QProgressDialog

from engine.saves import export_copy, export_csv, load_game, load_workshop, read_metadata

from .. import i18n, workers
from ..i18n import translate
from ..widgets.waterfall import driver_names
from . import debrief_charts, debrief_data
from .debrief_charts import display_name
from .team_panel import numeric

CHART_WIDTH = 660


def collect_from_file(path, worlds: int = debrief_data.DEFAULT_WORLDS, progress=None):
    """The debrief data of the save at ``path`` (a workshop, or any game)."""
    if read_metadata(path).workshop:
        return debrief_data.from_session(load_workshop(path), worlds, progress)
    return debrief_data.from_game(load_game(path), worlds, progress)


def _e(text) -> str:
    return html.escape(str(text))


def _table(headers: list, rows: list) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td{' class=n' if numeric(c) else ''}>{_e(c)}</td>" for c in r) + "</tr>"
                   for r in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def _h2(text: str) -> str:
    return f"<h2>{_e(text)}</h2>"


def _img(charts: dict, key: str) -> str:
    if key not in charts:
        return ""
    return f'<p><img src="charts/{charts[key].name}" width="{CHART_WIDTH}"></p>'


def build_html(data, charts: dict, copy_name: str = "workshop.closedloop") -> str:
    """The debrief as an HTML document in the current language (``copy_name``: the pack's copy of
    the save)."""
    sc = data.scenario
    zh = i18n.is_chinese()
    title = translate("Debrief", "Workshop debrief")
    parts = [f"<h1>{_e(title)}: {_e(i18n.text_of(sc.info.name))}</h1>",
             "<p>" + _e(translate("Debrief", "%1 quarters (%2 to %3), %4 teams; written %5.").replace(
                 "%1", str(len(data.quarters))).replace("%2", i18n.quarter(data.quarters[0])).replace(
                 "%3", i18n.quarter(data.quarters[-1])).replace("%4", str(len(data.teams))).replace(
                 "%5", datetime.now().strftime("%Y-%m-%d %H:%M"))) + "</p>"]
    parts.append(_h2(translate("Debrief", "Final standings")))
    parts.append(_table(["#", translate("Debrief", "Firm"), translate("Debrief", "Team"), translate("Debrief", "Score")],
                        [[r, display_name(data, f), "★" if f in data.teams else "", i18n.number(s, 1)]
                         for f, s, r in data.leaderboard]))
    parts.append(_h2(translate("Debrief", "Trajectories")))
    parts.append("<p>" + _e(translate("Debrief", "Teams are drawn bold (★), AI rivals thin and dashed.")) + "</p>")
    for metric in ("deliveries", "operating_profit_cny", "cash_cny", "market_share", "score"):
        parts.append(_img(charts, metric))
    parts.append(_h2(translate("Debrief", "Turning points")))
    parts.append("<p>" + _e(translate("Debrief", "For each team, the quarters with the largest change of operating "
                                      "profit and the three causes that moved it most (a driver decomposition of "
                                      "the model).")) + "</p>")
    names = driver_names()
    rows = []
    for team in data.teams:
        for point in data.turning_points[team]:
            causes = "; ".join(f"{names.get(k, k)} {i18n.signed(i18n.money(v), v)}" for k, v in point["drivers"])
            change = point["after"] - point["before"]
            rows.append([display_name(data, team), i18n.quarter(point["quarter"]), i18n.money(point["before"]),
                         i18n.money(point["after"]), i18n.signed(i18n.money(change), change), causes])
    parts.append(_table([translate("Debrief", "Team"), translate("Debrief", "Quarter"), translate("Debrief", "Before"),
                         translate("Debrief", "After"), translate("Debrief", "Change"),
                         translate("Debrief", "Largest causes")], rows))
    parts.append(_h2(translate("Debrief", "How the teams decided")))
    parts.append(_table([translate("Debrief", "Team"), translate("Debrief", "Marketing / quarter"),
                         translate("Debrief", "Autonomy and chip / quarter"), translate("Debrief", "Ecosystem / quarter"),
                         translate("Debrief", "Incentive per car"), translate("Debrief", "Capacity ordered"),
                         translate("Debrief", "Shifts (mean)"), translate("Debrief", "Financing raised"),
                         translate("Debrief", "Launches")],
                        [[display_name(data, t), i18n.money(d["marketing"]), i18n.money(d["autonomy"]),
                          i18n.money(d["ecosystem"]), i18n.money(d["incentives"]), i18n.compact(d["capacity"]),
                          i18n.number(d["shifts"], 1), i18n.money(d["financing"]),
                          ", ".join(d["launches"]) or "–"] for t, d in data.decisions.items()]))
    parts.append(_img(charts, "price"))
    if "accuracy" in charts:
        parts.append(_h2(translate("Debrief", "Forecast accuracy")))
        parts.append(_img(charts, "accuracy"))
        rows = []
        for team in data.teams:
            for q in data.forecasts[team]["quarters"]:
                if q["prediction"] is not None:
                    rows.append([display_name(data, team), i18n.quarter(q["quarter"]),
                                 i18n.compact(q["deliveries"]["predicted"]), i18n.compact(q["deliveries"]["actual"]),
                                 i18n.money(q["operating_profit_cny"]["predicted"]),
                                 i18n.money(q["operating_profit_cny"]["actual"]), i18n.number(q["score"], 0),
                                 q["prediction"]["rationale"]])
        parts.append(_table([translate("Debrief", "Team"), translate("Debrief", "Quarter"),
                             translate("Debrief", "Deliveries forecast"), translate("Debrief", "actual"),
                             translate("Debrief", "Profit forecast"), translate("Debrief", "actual"),
                             translate("Debrief", "Score"), translate("Debrief", "Rationale")], rows))
        parts.append(_table([translate("Debrief", "Team"), translate("Debrief", "Mean accuracy")],
                            [[display_name(data, t), "–" if data.forecasts[t]["mean_score"] is None
                              else i18n.number(data.forecasts[t]["mean_score"], 0)] for t in data.teams]))
    if data.luck:
        parts.append(_h2(translate("Debrief", "Luck versus skill")))
        parts.append("<p>" + _e(translate("Debrief", "Each team's recorded decisions were replayed in %1 other random "
                                          "worlds (rivals react again, events fall differently). The median score "
                                          "there is what the decisions were worth; the difference to the game as "
                                          "played is luck.").replace("%1", str(data.worlds))) + "</p>")
        parts.append(_img(charts, "luck"))
        parts.append(_table([translate("Debrief", "Team"), translate("Debrief", "Score as played"),
                             translate("Debrief", "Median in other worlds (skill)"), translate("Debrief", "10–90% range"),
                             translate("Debrief", "Luck"), translate("Debrief", "Beats % of worlds")],
                            [[display_name(data, t), i18n.number(r["actual"], 1), i18n.number(r["median"], 1),
                              f"{i18n.number(r['p10'], 1)}–{i18n.number(r['p90'], 1)}",
                              i18n.signed(i18n.number(r["luck"], 1), r["luck"]), i18n.percent(r["percentile"], 0)]
                             for t, r in data.luck.items()]))
    parts.append(_h2(translate("Debrief", "Events")))
    parts.append(_table([translate("Debrief", "Quarter"), translate("Debrief", "Event"), translate("Debrief", "Target"),
                         translate("Debrief", "Released by the facilitator")],
                        [[i18n.quarter(e["quarter"]), e["headline"]["zh" if zh else "en"],
                          display_name(data, e["target"]) if e["target"] else "–",
                          translate("Debrief", "yes") if e["injected"] else ""] for e in data.events]))
    parts.append("<p>" + _e(translate("Debrief", "Every figure and decision is in the csv folder; the save itself "
                                      "is %1 (open it to replay or fork it).").replace("%1", copy_name)) + "</p>")
    style = ("body { font-family: sans-serif; } table { border-collapse: collapse; margin: 6px 0 14px 0; } "
             "th, td { border: 1px solid #bbb; padding: 3px 6px; font-size: 9pt; } th { background: #eef0f3; } "
             "td.n { text-align: right; } h2 { color: #ff6900; margin-top: 18px; }")
    lang = "zh-CN" if zh else "en"
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>{_e(title)}</title><style>{style}</style></head><body>{''.join(parts)}</body></html>")


def write_pdf(document_html: str, charts: dict, path: Path) -> Path:
    """Print the HTML (with its charts) to an A4 PDF."""
    doc = QTextDocument()
    for chart in charts.values():
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"charts/{chart.name}"), QImage(str(chart)))
    doc.setHtml(document_html)
    writer = QPdfWriter(str(path))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter))
    writer.setResolution(96)
    writer.setTitle(translate("Debrief", "Workshop debrief"))
    writer.setCreator("Closed Loop")
    rect = writer.pageLayout().paintRectPixels(writer.resolution())
    doc.setPageSize(QSizeF(rect.width(), rect.height()))
    doc.print_(writer)
    del writer                                 # finishes the file
    return path


def copy_name(save_path) -> str:
    """Name of the pack's copy of the save: ``workshop.closedloop`` for a workshop, else the
    saved game's own file name."""
    return "workshop.closedloop" if read_metadata(save_path).workshop else Path(save_path).name


def write_pack(data, folder, save_path, step=None) -> list:
    """Write the whole pack into ``folder`` (created); return the files written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    name = copy_name(save_path)
    charts = debrief_charts.render_all(data, folder / "charts", step)
    page = build_html(data, charts, name)
    html_path = folder / "debrief.html"
    html_path.write_text(page, encoding="utf-8")
    pdf = write_pdf(page, charts, folder / "debrief.pdf")
    csv = export_csv(save_path, folder / "csv")
    copy = folder / name
    if Path(save_path).resolve() != copy.resolve():
        export_copy(save_path, copy)
    return [html_path, pdf, *charts.values(), *csv, copy]


class DebriefRunner(QObject):
    """Write the pack for a console: save, compute in a worker, draw in the GUI thread."""

    done = Signal(object)                  # list of files
    failed = Signal(str)                   # "" when cancelled

    def __init__(self, parent, controller, folder, worlds: int = debrief_data.DEFAULT_WORLDS):
        super().__init__(parent)
        self.controller, self.folder, self.worlds = controller, Path(folder), worlds
        self.files = None
        self.dialog = QProgressDialog(translate("Debrief", "Writing the debrief pack…"),
                                      translate("Debrief", "Cancel"), 0, 0, parent)
        self.dialog.setObjectName("debrief-progress")
        self.dialog.setMinimumDuration(300)

    @staticmethod
    def start(parent, controller, folder, worlds: int = debrief_data.DEFAULT_WORLDS) -> "DebriefRunner":
        """Start writing into ``folder``; the runner reports through :attr:`done` / :attr:`failed`."""
        runner = DebriefRunner(parent, controller, folder, worlds)
        runner.run()
        return runner

    def run(self) -> None:
        """Save the workshop, then compute the figures in a worker."""
        path = self.controller.path
        if not path or not self.controller.save_now():
            self.failed.emit(translate("Debrief", "The workshop must be saved first."))
            return
        self.task = workers.Task(lambda progress: collect_from_file(path, self.worlds, progress), "debrief", self)
        self.task.progress.connect(lambda done, total: (self.dialog.setMaximum(total), self.dialog.setValue(done)))
        self.task.finished.connect(self._draw)
        self.task.failed.connect(lambda task, message: self._fail(message))
        self.task.cancelled.connect(lambda task: self._fail(""))
        self.dialog.canceled.connect(self.task.cancel)
        self.task.start()

    def _draw(self, task, data) -> None:
        task.deleteLater()
        self.dialog.setLabelText(translate("Debrief", "Drawing the charts and the PDF…"))
        try:
            self.files = write_pack(data, self.folder, self.controller.path)
        except Exception as exc:  # noqa: BLE001 - one line for the facilitator
            self._fail(f"{type(exc).__name__}: {exc}")
            return
        self.dialog.close()
        self.controller.message.emit(translate("Debrief", "Debrief pack written to %1").replace("%1", str(self.folder)))
        self.done.emit(self.files)

    def _fail(self, message: str) -> None:
        self.dialog.close()
        if message:
            self.controller.message.emit(translate("Debrief", "The debrief pack could not be written: %1").replace(
                "%1", message))
        self.failed.emit(message)
