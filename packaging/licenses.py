"""Collect the licence texts of everything a build bundles into ``licenses/`` with an index.

Sources, in order of preference:

* Python distributions: the licence files in their installed ``*.dist-info`` (numpy's also covers
  the OpenBLAS, LAPACK and gfortran runtime it bundles in ``numpy.libs``).
* CPython: ``LICENSE.txt`` of the build interpreter's standard library.
* Components whose wheels carry no licence file: Qt and Qt for Python (LGPL-3.0, with the GPL-3.0
  it builds on) and the WenQuanYi font, from the texts committed in ``packaging/licenses/`` (copied
  from Debian's ``/usr/share/common-licenses`` and ``fonts-wqy-microhei`` copyright file).
* Linux only: ICU (bundled by the PySide6 wheel) and the system libraries PyInstaller copies
  (X11/xcb, fontconfig, freetype, glib, dbus, libstdc++ …), from the Debian package that owns
  each one (``dpkg -S``, then ``/usr/share/doc/<package>/copyright``).
"""

import re
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

from bundle import PACKAGING, project

TEXTS = PACKAGING / "licenses"
LICENSE_NAME = re.compile(r"^(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.IGNORECASE)
QT_DISTRIBUTIONS = {"pyside6", "pyside6-essentials", "pyside6_essentials", "shiboken6"}
FONT_TEXTS = {"wqy-microhei": "wqy-microhei.txt"}


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._+-]+", "-", text).strip("-")


def distributions_for(top_level_names) -> list[metadata.Distribution]:
    """The installed distributions that provide any of the given top-level import names."""
    mapping = metadata.packages_distributions()
    names = sorted({d for top in top_level_names for d in mapping.get(top, [])})
    return [metadata.distribution(n) for n in names]


def _licence_of(dist) -> str:
    meta = dist.metadata
    expr = meta.get("License-Expression") or meta.get("License") or ""
    if not expr or len(expr) > 80:  # some projects paste the whole text into License
        classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or [] if c.startswith("License")]
        expr = ", ".join(classifiers) or ("see files" if expr else "unknown")
    return expr


def _dist_licence_files(dist) -> list[tuple[Path, str]]:
    """(file, name relative to the dist-info folder) of each licence file of ``dist``."""
    files = []
    for f in dist.files or []:
        parts = Path(str(f)).parts
        if parts and parts[0].endswith(".dist-info") and LICENSE_NAME.match(parts[-1]):
            rel = parts[2:] if len(parts) > 2 and parts[1] == "licenses" else parts[1:]
            files.append((Path(dist.locate_file(f)), "/".join(rel)))
    return files


def _python_licence() -> Path | None:
    base = Path(sys.base_prefix)
    for candidate in (base / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}" / "LICENSE.txt",
                      base / "LICENSE.txt", base / "Lib" / "LICENSE.txt"):
        if candidate.is_file():
            return candidate
    return None


def debian_packages(paths) -> dict[str, str]:
    """{library path: Debian package} for the paths dpkg knows (empty off Debian)."""
    if not shutil.which("dpkg"):
        return {}
    owners = {}
    for path in paths:
        for candidate in dict.fromkeys([str(path), str(Path(path).resolve()),
                                        re.sub(r"^/lib/", "/usr/lib/", str(Path(path).resolve()))]):
            out = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True, check=False)
            if out.returncode == 0 and out.stdout:
                owners[str(path)] = out.stdout.split(":", 1)[0].strip()
                break
    return owners


def collect(out_dir: Path, top_level_names, system_libraries=(), fonts=(), bundles_icu=False) -> list[str]:
    """Write licence files and ``README.txt`` into ``out_dir``; return warnings (missing texts)."""
    out_dir = Path(out_dir)
    shutil.rmtree(out_dir, ignore_errors=True)
    out_dir.mkdir(parents=True)
    rows, warnings = [], []

    def add(component, version, licence, sources, folder=None, note=""):
        """Copy ``sources`` (paths or (path, name) pairs) into ``<folder or component>/`` and index them."""
        names = []
        for src in sources:
            src, name = (src, Path(src).name) if isinstance(src, Path) else src
            target = out_dir / (folder or _slug(component)) / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, target)
            names.append(str(target.relative_to(out_dir)))
        if not names and not note:
            warnings.append(f"licenses: no licence text found for {component} {version} ({licence})")
        listed = ", ".join(names) if len(names) <= 3 else f"{Path(names[0]).parts[0]}/ ({len(names)} files)"
        rows.append((component, version, licence, listed or note or "(no text found)"))

    p = project()
    add(f"{p['name']} (this app)", p["version"], p.get("license", {}).get("text", "unknown"), [],
        note="stated in pyproject.toml")
    py = _python_licence()
    add("Python", sys.version.split()[0], "PSF-2.0", [py] if py else [])
    qt = []
    for dist in distributions_for(top_level_names):
        name = dist.metadata["Name"]
        if name == p["name"]:
            continue
        if name.lower() in QT_DISTRIBUTIONS:
            qt.append(f"{name} {dist.version}")
            add(name, dist.version, "LGPL-3.0-only (or GPL-2.0/3.0)", [], note="see the Qt row")
        else:
            add(name, dist.version, _licence_of(dist), _dist_licence_files(dist))
    if qt:
        add("Qt", "6 (" + ", ".join(qt) + ")", "LGPL-3.0-only: Qt libraries and plugins, Qt for Python",
            [TEXTS / "LGPL-3.0.txt", TEXTS / "GPL-3.0.txt"])
    if bundles_icu:
        icu = sorted(Path("/usr/share/doc").glob("libicu[0-9]*/copyright"))
        add("ICU", "(libicu*.so from the PySide6 wheel)", "Unicode-DFS-2016 / ICU licence (MIT-style)",
            [(f, "copyright.txt") for f in icu[-1:]])
    for font in fonts:
        font = Path(font)
        key = next((k for k in FONT_TEXTS if font.name.lower().startswith(k)), None)
        beside = [f for f in font.parent.iterdir() if f != font and LICENSE_NAME.match(f.name)]
        texts = beside or ([TEXTS / FONT_TEXTS[key], TEXTS / "Apache-2.0.txt"] if key else [])
        add(f"font {font.name}", "", "Apache-2.0 or GPL-3.0+ with font exception" if key else "see text", texts)
    owners = debian_packages(system_libraries)
    for pkg in sorted(set(owners.values())):
        copyright_file = Path("/usr/share/doc") / pkg.split(":")[0] / "copyright"
        libs = sorted(Path(lib).name for lib, owner in owners.items() if owner == pkg)
        add(pkg.split(":")[0], "", "system library: " + ", ".join(libs),
            [(copyright_file, pkg.split(":")[0] + ".txt")] if copyright_file.is_file() else [], folder="system")
    unowned = sorted(Path(lib).name for lib in system_libraries if str(lib) not in owners)
    if unowned:
        warnings.append(f"licenses: no Debian package owns {', '.join(unowned)}")

    width = max(len(r[0]) for r in rows)
    lines = [f"Licences of the components bundled with {p['name']} {p['version']}", "",
             "Qt is used under the LGPL-3.0: its libraries are separate shared libraries in this folder",
             "and can be replaced by compatible builds (sources: https://download.qt.io/ and",
             "https://code.qt.io/). Each row: component, version, licence, then its text(s) here.", ""]
    lines += [f"{r[0]:<{width}}  {r[1]}  {r[2]}\n{'':<{width}}  -> {r[3]}" for r in rows]
    (out_dir / "README.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return warnings
