"""Packaging rules and metadata, without building: version sources, generated files, what is kept."""

import struct
import subprocess
import sys
from pathlib import Path

import bundle
import native
import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_one_version_everywhere():
    import engine

    assert bundle.version() == engine.__version__, "pyproject.toml and engine.__version__ disagree"
    out = subprocess.run([sys.executable, "-m", "app.launcher", "--version"], capture_output=True, text=True,
                         cwd=ROOT, timeout=60, check=False)
    assert out.returncode == 0 and out.stdout == f"closedloop {bundle.version()}\n", out


def test_windows_version_resource_is_current_and_well_formed():
    committed = bundle.VERSION_INFO_PATH.read_text(encoding="utf-8")
    assert committed == bundle.windows_version_info(), \
        "packaging/windows/version_info.txt is stale: run python packaging/bundle.py --write and commit it"

    def record(kind):
        return lambda *args, **kwargs: (kind, args, kwargs)

    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct", "VarFileInfo",
             "VarStruct")
    info = eval(committed, {n: record(n) for n in names})  # the way PyInstaller reads it
    assert info[0] == "VSVersionInfo"
    strings = dict(s[1] for s in info[2]["kids"][0][1][0][0][1][1])
    assert strings["ProductVersion"] == bundle.version() and strings["OriginalFilename"] == "closedloop.exe"


def test_version_tuple():
    assert bundle.version_tuple("1.2.3rc1") == (1, 2, 3, 0)
    assert bundle.version_tuple("2") == (2, 0, 0, 0)
    assert bundle.version_tuple("0.1.0.dev4+g1234") == (0, 1, 0, 0)


def test_info_plist():
    plist = bundle.info_plist()
    assert plist["CFBundleIdentifier"] == bundle.BUNDLE_ID and plist["NSHighResolutionCapable"] is True
    assert plist["CFBundleVersion"] == bundle.version()


def test_data_files_mirror_scenarios_assets_and_translations(tmp_path):
    for rel in ("scenarios/a.toml", "scenarios/calibration/b.toml", "assets/fonts/x.ttc", "assets/icons/i.svg",
                "app/translations/closedloop_zh_CN.qm", "app/translations/closedloop_zh_CN.ts", "assets/.hidden"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(b"x")
    pairs = {(Path(src).relative_to(tmp_path).as_posix(), dest) for src, dest in bundle.data_files(tmp_path)}
    assert pairs == {("scenarios/a.toml", "scenarios"), ("scenarios/calibration/b.toml", "scenarios/calibration"),
                     ("assets/fonts/x.ttc", "assets/fonts"), ("assets/icons/i.svg", "assets/icons"),
                     ("app/translations/closedloop_zh_CN.qm", "app/translations")}
    real = {dest for _, dest in bundle.data_files()}
    assert {"scenarios", "scenarios/calibration", "assets/icons"} <= real


@pytest.mark.parametrize("plugin_type, filename, kept", [
    ("platforms", "libqxcb.so", True), ("platforms", "libqwayland.so", True), ("platforms", "qwindows.dll", True),
    ("platforms", "libqcocoa.dylib", True), ("platforms", "libqoffscreen.so", True),
    ("platforms", "libqvnc.so", False), ("platforms", "libqeglfs.so", False), ("platforms", "libqlinuxfb.so", False),
    ("platformthemes", "libqgtk3.so", False), ("platformthemes", "libqxdgdesktopportal.so", True),
    ("imageformats", "libqsvg.so", True), ("imageformats", "libqico.so", True), ("imageformats", "libqtiff.so", False),
    ("tls", "libqopensslbackend.so", False), ("networkinformation", "libqglib.so", False),
    ("generic", "libqevdevmouseplugin.so", False), ("egldeviceintegrations", "libqeglfs-x11-integration.so", False),
    ("xcbglintegrations", "libqxcb-glx-integration.so", True),
    ("platforminputcontexts", "libibusplatforminputcontextplugin.so", True),
])
def test_qt_plugins_kept(plugin_type, filename, kept):
    assert bundle.keep_plugin(plugin_type, filename) is kept


def test_image_plugins_follow_assets(tmp_path):
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "photo.JPG").write_bytes(b"x")
    assert bundle.image_plugins_for(tmp_path) == {"qjpeg"}
    assert bundle.keep_plugin("imageformats", "libqjpeg.so", {"qjpeg"})


def test_qt_translations_only_for_the_app_languages():
    assert bundle.keep_qt_translation("/x/qtbase_zh_CN.qm") and bundle.keep_qt_translation("qt_zh_CN.qm")
    assert not bundle.keep_qt_translation("qt_de.qm") and not bundle.keep_qt_translation("qt_help_zh_CN.qm")


def test_qt_modules_used_include_pyqtgraph_needs_and_anything_the_app_names(tmp_path):
    (tmp_path / "app").mkdir()
    (tmp_path / "engine").mkdir()
    (tmp_path / "app" / "w.py").write_text("from PySide6.QtSvg import QSvgRenderer\n", encoding="utf-8")
    used = bundle.qt_modules_used(tmp_path, available={"QtSvg", "QtNetwork", "QtCore"})
    assert {"QtCore", "QtGui", "QtWidgets", "QtOpenGL", "QtOpenGLWidgets", "QtSvg"} <= used
    assert "QtNetwork" not in used


@pytest.mark.parametrize("item, kept", [
    ("icudt73l/root.res", True), ("icudt73l/zh_Hans_CN.res", True), ("icudt73l/en_GB.res", True),
    ("icudt73l/de.res", False), ("icudt73l/coll/zh.res", True), ("icudt73l/coll/ucadata.icu", True),
    ("icudt73l/coll/de_.res", False), ("icudt73l/coll/ja.res", False), ("icudt73l/zone/zh.res", True),
    ("icudt73l/zone/tzdbNames.res", True), ("icudt73l/zoneinfo64.res", True), ("icudt73l/supplementalData.res", True),
    ("icudt73l/brkitr/cjdict.dict", False), ("icudt73l/curr/zh.res", False), ("icudt73l/translit/root.res", False),
    ("icudt73l/gb18030.cnv", True), ("icudt73l/ibm-37_P100-1995.cnv", False), ("icudt73l/cnvalias.icu", True),
    ("icudt73l/unames.icu", False), ("icudt73l/rfc3491.spp", False), ("icudt73l/pool.res", True),
])
def test_icu_items_kept(item, kept):
    assert native.keep_icu_item(item) is kept


def test_host_libraries_and_what_only_they_need(tmp_path, monkeypatch):
    graph = {"libQt6Gui.so.6": ["libX11.so.6", "libglib-2.0.so.0", "libxkbcommon.so.0"],
             "libX11.so.6": ["libxcb.so.1"], "libglib-2.0.so.0": ["libpcre2-8.so.0"], "libpcre2-8.so.0": [],
             "libxkbcommon.so.0": [], "libmystery.so.1": []}
    monkeypatch.setattr(native, "elf_needed", lambda path: graph[Path(path).name])
    qt = "/venv/lib/python3.11/site-packages/PySide6/Qt/lib/"
    binaries = [("libQt6Gui.so.6", qt + "libQt6Gui.so.6", "BINARY")] + [
        (name, "/usr/lib/x86_64-linux-gnu/" + name, "BINARY") for name in graph if name != "libQt6Gui.so.6"]
    assert native.host_libraries(binaries) == {"libX11.so.6", "libglib-2.0.so.0", "libpcre2-8.so.0"}


@pytest.mark.skipif(sys.platform != "linux", reason="ELF")
def test_strip_only_python_and_qt_files_that_still_have_symbols():
    assert native.elf_section_names(Path(native.__file__)) == set()  # not ELF
    interpreter = Path(sys.executable).resolve()
    assert ".dynsym" in native.elf_section_names(interpreter)
    has_symbols = ".symtab" in native.elf_section_names(interpreter)
    assert native.wants_strip("libpython3.11.so.1.0", interpreter) is has_symbols
    assert native.wants_strip("PySide6/Qt/lib/libQt6Core.so.6", interpreter) is has_symbols
    for numpy_file in ("numpy.libs/libscipy_openblas64_-32a4b2a6.so", "numpy/_core/_multiarray_umath.cpython-311.so"):
        assert not native.wants_strip(numpy_file, interpreter)


def test_icons(tmp_path):
    from make_icons import ICNS_TYPES, ICO_SIZES, make_icons

    paths = make_icons(tmp_path)
    png = paths["png"].read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", png[16:24]) == (256, 256)
    ico = paths["ico"].read_bytes()
    assert struct.unpack("<HHH", ico[:6]) == (0, 1, len(ICO_SIZES))
    icns = paths["icns"].read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    offset, kinds = 8, []
    while offset < len(icns):
        kinds.append(icns[offset:offset + 4].decode())
        offset += struct.unpack(">I", icns[offset + 4:offset + 8])[0]
    assert kinds == [k for k, _ in ICNS_TYPES]


@pytest.mark.skipif(sys.platform != "linux", reason="Linux desktop entry")
def test_install_desktop_entry_quotes_the_path_and_uninstalls(tmp_path):
    folder = tmp_path / 'odd "dir" $x'
    folder.mkdir()
    for name in ("install-desktop.sh", "closedloop.desktop"):
        (folder / name).write_bytes((ROOT / "packaging" / "linux" / name).read_bytes())
    (folder / "closedloop.png").write_bytes(b"png")
    (folder / "closedloop").write_text("#!/bin/sh\n")
    (folder / "closedloop").chmod(0o755)
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "XDG_DATA_HOME": str(tmp_path / "data")}
    subprocess.run(["bash", str(folder / "install-desktop.sh")], check=True, env=env, capture_output=True)
    entry = (tmp_path / "data" / "applications" / "closedloop.desktop").read_text(encoding="utf-8")
    assert f'Exec="{tmp_path}/odd \\\\"dir\\\\" \\\\$x/closedloop"' in entry.splitlines()
    assert "Name[zh_CN]=闭环" in entry
    saves = tmp_path / "data" / "closedloop" / "game.closedloop"
    saves.parent.mkdir()
    saves.write_bytes(b"SQLite format 3\0")
    subprocess.run(["bash", str(folder / "install-desktop.sh"), "--uninstall"], check=True, env=env,
                   capture_output=True)
    assert not (tmp_path / "data" / "applications" / "closedloop.desktop").exists()
    assert saves.exists(), "uninstalling must leave saved games alone"


def test_spec_and_scripts_parse():
    compile((ROOT / "packaging" / "closedloop.spec").read_text(encoding="utf-8"), "closedloop.spec", "exec")
    for script in ("build.sh", "smoke.sh", "measure.sh", "linux/install-desktop.sh", "macos/build.sh"):
        subprocess.run(["bash", "-n", str(ROOT / "packaging" / script)], check=True)
