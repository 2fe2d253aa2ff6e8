"""Packaging probe, bundled into the frozen app and active only with CLOSEDLOOP_PACKAGING_PROBE=DIR.

``install(DIR)`` wraps ``QApplication.exec`` and ``QDialog.exec``; once the event loop runs it polls
for the first visible, exposed top-level window, then:

* records the time from process start (``CLOSEDLOOP_PROBE_T0``, else /proc) to that window;
* saves a screenshot of it (``DIR/window.png``);
* checks, from inside the frozen process, that the bundle is self-contained and complete:
  scenarios, the app's and Qt's translations, bundled fonts (CJK coverage), the SVG icon, image
  formats, the trimmed ICU data, SQLite, TLS and websockets (LAN games), OpenGL (pyqtgraph),
  the version metadata, the data directory where saves go;
* writes ``DIR/probe.json`` and quits the app with status 0 (1 if no window appeared in 30 s).

It works with whatever window ``closedloop`` opens (today's placeholder or the real main window),
because it hooks Qt rather than the app. Nothing here runs unless the variable is set.
"""

import json
import os
import sys
import threading
import time
from pathlib import Path

WINDOW_TIMEOUT_S = 30.0


def process_start_time() -> tuple[float, str]:
    """Wall-clock time the process started: the launcher's stamp, else Linux /proc, else now."""
    stamp = os.environ.get("CLOSEDLOOP_PROBE_T0")
    if stamp:
        return float(stamp), "CLOSEDLOOP_PROBE_T0"
    try:
        fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return time.time() - (uptime - started), "/proc"
    except (OSError, ValueError, IndexError):
        return time.time(), "probe import"


def _check(name, checks, func):
    try:
        ok, detail = func()
    except Exception as exc:  # noqa: BLE001 - a failed check is a result, not a crash
        ok, detail = False, f"{type(exc).__name__}: {exc}"
    checks[name] = {"ok": bool(ok), "detail": detail}


def run_checks(meipass: Path) -> dict:
    """Check the bundle from inside the frozen process; {name: {"ok", "detail"}}."""
    from PySide6.QtCore import QCollator, QLibraryInfo, QLocale, QStandardPaths, QStringDecoder, QTimeZone, QTranslator
    from PySide6.QtGui import QFontDatabase, QIcon, QImageReader

    checks = {}

    def inside(path) -> bool:
        return Path(path).resolve().is_relative_to(meipass.resolve())

    def frozen():
        outside = [p for p in sys.path if p and not inside(p)]
        return getattr(sys, "frozen", False) and not outside, {"sys.path outside the bundle": outside}

    def scenarios():
        from engine.scenario import list_scenarios, scenario_dirs

        found = list_scenarios()
        files = [s.filename for s in found]
        return ("xiaomi-2024" in [s.id for s in found] and all(inside(f) for f in files),
                {"ids": [s.id for s in found], "files": files, "dirs": [str(d) for d in scenario_dirs()]})

    def translations():
        app_qm = sorted((meipass / "app" / "translations").glob("*.qm"))
        bad = [p.name for p in app_qm if not QTranslator().load(str(p))]
        qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        qt_qm = sorted(p.name for p in qt_dir.glob("*.qm"))
        qt_qm = qt_qm if len(qt_qm) <= 10 else [f"{len(qt_qm)} files"]
        qt_ok = QTranslator().load(QLocale("zh_CN"), "qtbase", "_", str(qt_dir))
        return not bad and qt_ok and inside(qt_dir), {"app": [p.name for p in app_qm], "unloadable": bad,
                                                      "qt_dir": str(qt_dir), "qt": qt_qm}

    def fonts():
        files = sorted(p for p in (meipass / "assets").rglob("*") if p.suffix.lower() in (".ttf", ".otf", ".ttc"))
        loaded, cjk, bad = {}, [], []
        for path in files:
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id < 0:
                bad.append(path.name)
                continue
            families = QFontDatabase.applicationFontFamilies(font_id)
            loaded[path.name] = families
            cjk += [f for f in families
                    if QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(f)]
        system = len(QFontDatabase.families())
        return not bad and system > 0 and (cjk or not files), {"bundled": loaded, "cjk_families": sorted(set(cjk)),
                                                               "unloadable": bad, "families_total": system}

    def icon():
        svg = meipass / "assets" / "icons" / "closedloop.svg"
        formats = sorted(bytes(f).decode() for f in QImageReader.supportedImageFormats())
        return (not QIcon(str(svg)).pixmap(64, 64).isNull() and {"png", "svg", "ico"} <= set(formats),
                {"image_formats": formats})

    def icu():
        zh = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
        pinyin = QCollator(zh).compare("阿", "中") < 0  # pinyin order; code-point order says the opposite
        tz = QTimeZone(b"Asia/Shanghai").displayName(QTimeZone.TimeType.StandardTime,
                                                       QTimeZone.NameType.LongName, zh)
        turkish = QLocale(QLocale.Language.Turkish).toUpper("i") == "\u0130"
        gb = QStringDecoder("GB18030").isValid()  # not one of Qt's built-in codecs: ICU's converter data
        return pinyin and bool(tz) and turkish and gb, {"zh_collation": pinyin, "tz_name_zh": tz,
                                                         "tr_upper": turkish, "gb18030": gb}

    def sqlite():
        import sqlite3

        import sqlite_utils

        db = sqlite_utils.Database(sqlite3.connect(":memory:"))
        db["t"].insert({"a": 1})
        return db["t"].count == 1, {"sqlite": sqlite3.sqlite_version}

    def tls():
        import ssl

        import websockets

        context = ssl.create_default_context()  # the system's OpenSSL and CA certificates
        cas = context.cert_store_stats()["x509_ca"]
        return cas > 0, {"openssl": ssl.OPENSSL_VERSION, "ca_certificates": cas, "websockets": websockets.__version__}

    def opengl():
        import pyqtgraph
        from PySide6 import QtOpenGL, QtOpenGLWidgets  # noqa: F401 - pyqtgraph needs them importable

        return True, {"pyqtgraph": pyqtgraph.__version__}

    def version():
        from importlib.metadata import version as dist_version

        v = dist_version("closedloop")
        expected = os.environ.get("CLOSEDLOOP_PROBE_EXPECT_VERSION")
        return bool(v) and (not expected or v == expected), {"version": v}

    def data_dir():
        home = Path(os.environ.get("HOME", "~")).expanduser()
        data_home = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
        locations = {"AppDataLocation": QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.AppDataLocation)}
        try:
            from engine.saves import default_save_dir
        except ImportError:  # before the saves work is merged
            pass
        else:
            locations["default_save_dir"] = str(default_save_dir())
        ok = all(not inside(p) and (sys.platform != "linux" or Path(p).is_relative_to(data_home))
                 for p in locations.values())
        return ok, locations

    for name, func in (("frozen", frozen), ("scenarios", scenarios), ("translations", translations),
                       ("fonts", fonts), ("icon", icon), ("icu", icu), ("sqlite", sqlite), ("tls", tls),
                       ("opengl", opengl), ("version", version), ("data_dir", data_dir)):
        _check(name, checks, func)
    return checks


def install(out_dir: str) -> None:
    """Hook Qt so the first window is timed, screenshotted and followed by the checks."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    t0, t0_source = process_start_time()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    state = {"polling": False, "done": False}
    app_exec, dialog_exec = QApplication.exec, QDialog.exec

    def write(result, code):
        (out / "probe.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
        backstop = threading.Timer(10.0, os._exit, args=(code,))  # if some nested loop ignores exit()
        backstop.daemon = True
        backstop.start()
        QApplication.exit(code)

    def poll():
        if state["done"]:
            return
        for widget in QApplication.topLevelWidgets():
            handle = widget.windowHandle()
            if widget.isVisible() and handle is not None and handle.isExposed():
                state["done"] = True
                state["timer"].stop()
                finish(widget, time.time())
                return
        if time.monotonic() > state["deadline"]:
            state["done"] = True
            write({"ok": False, "error": f"no window within {WINDOW_TIMEOUT_S:.0f} s"}, 1)

    def finish(widget, t_window):
        result = {"start_to_window_s": round(t_window - t0, 3), "t0_source": t0_source,
                  "window": {"class": type(widget).__name__, "title": widget.windowTitle(),
                             "size": [widget.width(), widget.height()]}}
        result["screenshot"] = widget.grab().save(str(out / "window.png"))
        meipass = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent))
        result["checks"] = run_checks(meipass)
        result["ok"] = result["screenshot"] and all(c["ok"] for c in result["checks"].values())
        write(result, 0)

    def start_polling():
        if state["polling"]:
            return
        state["polling"] = True
        state["deadline"] = time.monotonic() + WINDOW_TIMEOUT_S
        timer = state["timer"] = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(poll)
        timer.start()

    def app_exec_probed(*_args):
        QTimer.singleShot(0, start_polling)
        return app_exec()

    def dialog_exec_probed(self, *_args):
        QTimer.singleShot(0, start_polling)
        return dialog_exec(self)

    QApplication.exec = app_exec_probed
    QDialog.exec = dialog_exec_probed
