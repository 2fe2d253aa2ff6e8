"""Build-time rules for packaging/closedloop.spec: metadata, data files, what to leave out.

Everything here runs in the build process (never in the frozen app) and imports nothing from
PyInstaller, so the rules can be unit-tested without building (tests/packaging). The spec does
the PyInstaller-specific wiring; native-library surgery (selective strip, ICU trim) lives in
``native.py``; licence collection in ``licenses.py``.

Metadata has one source: ``pyproject.toml`` ([project] name, version, description), read with
tomllib at build time. The names below are the only packaging facts not in pyproject.
"""

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"

EXE_NAME = "closedloop"
APP_NAME = "Closed Loop"
APP_NAME_ZH = "闭环"
BUNDLE_ID = "org.closedloop.ClosedLoop"          # macOS CFBundleIdentifier
PUBLISHER = "The Closed Loop project"
WINDOWS_APP_ID = "{8C7D1E0B-3F51-4C2A-9A57-2B4E6D1C0F3A}"  # Inno Setup AppId: never change it
ICON_SVG = ROOT / "assets" / "icons" / "closedloop.svg"

# Qt Python modules the app needs even though app/ and engine/ do not name them: pyqtgraph
# imports QtOpenGLWidgets (and through it QtOpenGL) at import time.
QT_MODULES_ALWAYS = frozenset({"QtCore", "QtGui", "QtWidgets", "QtOpenGL", "QtOpenGLWidgets"})

# Qt plugins kept, by plugin folder; None keeps the whole folder. Everything else is dropped:
# eglfs/linuxfb/vnc/vkkhrdisplay/minimal platforms (embedded or headless servers, not desktops),
# egldeviceintegrations, generic (evdev/tuio input for kiosks), networkinformation and tls (need
# QtNetwork, which the app does not use), the GTK3 platform theme (it alone drags in GTK, cairo,
# pango, gdk-pixbuf and atk: ~10 MB; without it Qt uses its Fusion style and Qt file dialogs).
QT_PLUGINS_KEPT = {
    "platforms": {"qxcb", "qwayland", "qoffscreen", "qwindows", "qcocoa"},
    "xcbglintegrations": None,          # xcb needs one to create GL contexts (pyqtgraph's QtOpenGL)
    "wayland-shell-integration": {"xdg-shell"},
    "wayland-decoration-client": None,  # title bars on compositors without server-side decorations
    "wayland-graphics-integration-client": {"qt-plugin-wayland-egl"},  # GL on Wayland (no server buffers)
    "platforminputcontexts": None,      # ibus/compose: typing Chinese into the app
    "platformthemes": {"qxdgdesktopportal"},
    "iconengines": {"qsvgicon"},        # the SVG app icon
    "imageformats": {"qsvg", "qico"},   # plus the formats found under assets/ (image_plugins_for)
    "styles": None,                     # Windows 11 / macOS native styles
}
IMAGE_PLUGIN_BY_SUFFIX = {".jpg": "qjpeg", ".jpeg": "qjpeg", ".gif": "qgif", ".webp": "qwebp",
                          ".tif": "qtiff", ".tiff": "qtiff", ".tga": "qtga", ".wbmp": "qwbmp",
                          ".icns": "qicns", ".svg": "qsvg", ".svgz": "qsvg", ".ico": "qico"}
# Qt's own translations (standard dialog buttons etc.) for the languages the app ships: qtbase and
# the qt_<locale> catalogue that loads it; not the ones of Qt modules the app does not use.
QT_TRANSLATION_LOCALES = ("zh_CN",)
QT_TRANSLATION_CATALOGUES = ("qt", "qtbase")

# Python modules never needed by the frozen app. Standard-library parts: GUI toolkits, test
# frameworks and developer tools. Third-party: optional imports of pyqtgraph/numpy that would be
# collected if present in the build environment, and the test tools of the dev environment.
EXCLUDED_MODULES = [
    "tkinter", "_tkinter", "turtle", "turtledemo", "idlelib", "lib2to3", "ensurepip", "venv",
    "distutils", "unittest", "pydoc_data", "test", "curses", "_curses", "readline",
    "setuptools", "pkg_resources", "pip", "wheel",
    "scipy", "matplotlib", "pandas", "h5py", "cupy", "numba", "OpenGL", "IPython", "jupyter_client",
    "ipykernel", "PyQt5", "PyQt6", "PySide2", "pyqtgraph.examples", "pyqtgraph.opengl",
    "pytest", "_pytest", "pytestqt", "hypothesis", "pyblp", "sympy",
]


def project() -> dict:
    """The [project] table of pyproject.toml."""
    with open(ROOT / "pyproject.toml", "rb") as handle:
        return tomllib.load(handle)["project"]


def version() -> str:
    """The project version, e.g. ``"0.1.0"``."""
    return project()["version"]


def version_tuple(text: str | None = None) -> tuple[int, int, int, int]:
    """Four integers for Windows resources and Info.plist: ``"1.2.3rc1"`` -> (1, 2, 3, 0)."""
    match = re.match(r"(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.(\d+))?", text or version())
    if not match:
        raise ValueError(f"version {text!r} does not start with a number")
    return tuple(int(n or 0) for n in match.groups())


def data_files(root: Path = ROOT) -> list[tuple[str, str]]:
    """(source file, destination folder) of every data file the frozen app needs.

    The bundle mirrors the source tree, so code that finds files relative to ``__file__`` or in
    ``sys._MEIPASS`` works unchanged: the whole ``scenarios/`` and ``assets/`` folders and
    ``app/translations/*.qm``. Hidden files and editor backups are left out.
    """
    pairs = []
    for folder in ("scenarios", "assets"):
        for path in sorted((root / folder).rglob("*")):
            rel = path.relative_to(root)
            if path.is_file() and not any(p.startswith(".") for p in rel.parts) and not path.name.endswith("~"):
                pairs.append((str(path), str(rel.parent)))
    for path in sorted((root / "app" / "translations").glob("*.qm")):
        pairs.append((str(path), "app/translations"))
    return pairs


def font_files(root: Path = ROOT) -> list[Path]:
    """Font files under assets/ (bundled with their licences)."""
    return sorted(p for p in (root / "assets").rglob("*") if p.suffix.lower() in (".ttf", ".otf", ".ttc"))


def image_plugins_for(root: Path = ROOT) -> set[str]:
    """Qt image-format plugins needed by the image files under assets/."""
    return {IMAGE_PLUGIN_BY_SUFFIX[p.suffix.lower()] for p in (root / "assets").rglob("*")
            if p.suffix.lower() in IMAGE_PLUGIN_BY_SUFFIX}


def plugin_stem(filename: str) -> str:
    """``libqxcb.so`` / ``qwindows.dll`` / ``libqcocoa.dylib`` -> ``qxcb`` / ``qwindows`` / ``qcocoa``."""
    stem = Path(filename).name.split(".")[0]
    return stem.removeprefix("lib")


def keep_plugin(plugin_type: str, filename: str, extra_image_plugins=frozenset()) -> bool:
    """Whether the Qt plugin ``plugin_type/filename`` goes into the bundle."""
    if plugin_type not in QT_PLUGINS_KEPT:
        return False
    kept = QT_PLUGINS_KEPT[plugin_type]
    if kept is None:
        return True
    if plugin_type == "imageformats":
        kept = kept | set(extra_image_plugins)
    return plugin_stem(filename) in kept


def keep_qt_translation(filename: str) -> bool:
    """Whether one of Qt's own ``.qm`` files goes into the bundle (only the app's languages)."""
    stem = Path(filename).stem
    return any(stem == f"{cat}_{loc}" for cat in QT_TRANSLATION_CATALOGUES for loc in QT_TRANSLATION_LOCALES)


def qt_modules_used(root: Path = ROOT, available=()) -> set[str]:
    """Qt modules the app needs: the fixed set plus any PySide6 module named in app/ or engine/."""
    names = set(QT_MODULES_ALWAYS)
    pattern = re.compile(r"\b(Qt[A-Z][A-Za-z0-9]+)\b")
    for folder in ("app", "engine"):
        for path in (root / folder).rglob("*.py"):
            names.update(m for m in pattern.findall(path.read_text(encoding="utf-8")) if m in available)
    return names


def qt_modules_available() -> set[str]:
    """Names of the PySide6 extension modules installed in the build environment."""
    import PySide6

    folder = Path(PySide6.__file__).parent
    return {p.name.split(".")[0] for p in folder.iterdir()
            if p.name.startswith("Qt") and p.suffix in (".so", ".pyd") and p.is_file()}


def qt_modules_excluded(root: Path = ROOT) -> list[str]:
    """``PySide6.QtX`` names to exclude from the analysis (every module the app does not use)."""
    available = qt_modules_available()
    return sorted(f"PySide6.{m}" for m in available - qt_modules_used(root, available))


def metadata_text() -> str:
    """A minimal dist-info METADATA so ``importlib.metadata.version("closedloop")`` works frozen."""
    p = project()
    return f"Metadata-Version: 2.1\nName: {p['name']}\nVersion: {p['version']}\nSummary: {p['description']}\n"


def windows_version_info() -> str:
    """The PyInstaller version resource (``EXE(version=...)``) of the Windows executables."""
    p = project()
    v = version_tuple()
    strings = {
        "CompanyName": PUBLISHER, "FileDescription": f"{APP_NAME} ({APP_NAME_ZH})",
        "FileVersion": p["version"], "InternalName": EXE_NAME, "LegalCopyright": f"{PUBLISHER}; MIT licence",
        "OriginalFilename": f"{EXE_NAME}.exe", "ProductName": APP_NAME, "ProductVersion": p["version"],
    }
    rows = ",\n          ".join(f"StringStruct({k!r}, {v_!r})" for k, v_ in strings.items())
    return f"""# Generated from pyproject.toml by packaging/bundle.py (python packaging/bundle.py --write); do not edit.
# UTF-8
VSVersionInfo(
  ffi=FixedFileInfo(filevers={v}, prodvers={v}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable('040904B0', [
          {rows}])
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


VERSION_INFO_PATH = PACKAGING / "windows" / "version_info.txt"


def write_if_changed(path: Path, text: str) -> bool:
    """Write ``text`` to ``path`` unless it already holds exactly that; return whether it wrote."""
    path = Path(path)
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True


def info_plist() -> dict:
    """Info.plist entries of the macOS .app (merged over PyInstaller's defaults)."""
    p = project()
    return {
        "CFBundleName": APP_NAME, "CFBundleDisplayName": APP_NAME, "CFBundleIdentifier": BUNDLE_ID,
        "CFBundleShortVersionString": ".".join(map(str, version_tuple()[:3])), "CFBundleVersion": p["version"],
        "CFBundleDevelopmentRegion": "en", "CFBundleLocalizations": ["en", "zh_CN"],
        "NSHighResolutionCapable": True, "NSRequiresAquaSystemAppearance": False,
        "LSApplicationCategoryType": "public.app-category.simulation-games",
        "LSMinimumSystemVersion": "11.0", "NSHumanReadableCopyright": f"{PUBLISHER}. MIT licence.",
    }


if __name__ == "__main__":
    if sys.argv[1:] == ["--write"]:
        changed = write_if_changed(VERSION_INFO_PATH, windows_version_info())
        print(f"{VERSION_INFO_PATH.relative_to(ROOT)}: {'updated' if changed else 'up to date'}")
    elif sys.argv[1:] == ["--version"]:
        print(version())
    else:
        raise SystemExit("usage: python packaging/bundle.py --write | --version")
