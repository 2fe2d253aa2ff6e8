"""Native libraries of the Linux build: which system ones stay on the host, a selective strip and
a trimmed ICU data library.

The strip and the ICU trim work on copies in the build folder and return the new source path for
PyInstaller's TOC; the originals in the environment are never touched. Neither is applied to numpy
or its bundled OpenBLAS/gfortran (PyInstaller's global ``strip`` breaks those auditwheel-patched
libraries).

* ``strip_unneeded``: only CPython (``libpython3.*.so``, ``lib-dynload/*.so``) and Qt/PySide6/
  shiboken6 files, and only when they still carry a symbol table or debug info: in the Qt wheel
  only the ICU libraries do (-1.5 MB); a pyenv-built Python keeps ~25 MB of debug info in
  libpython and its extension modules, while Debian's Python is already stripped.
* ``trim_icu``: Qt uses ICU (bundled by the PySide6 wheel as libicu*.so.73) only for collation
  (QCollator, locale-aware sort), time-zone ids and names, named legacy codecs and locale-aware
  case mapping (the ICU functions libQt6Core imports: ucol_*, ucal_*, ucnv_*, u_strTo*). The
  31 MB ``libicudata`` also holds break-iteration dictionaries, currency/language/region/unit
  names, transliterators, number spell-out rules and ~200 legacy codepages for some 800 locales.
  We keep the root data, collation and time-zone data for root/en/zh and the GB18030 codec, and
  rebuild the library around that smaller package (``icupkg`` from Debian's icu-devtools, then
  ``as``/``ld`` from binutils). Locales not kept fall back to ICU's root data.
* ``host_libraries``: a few system libraries are taken from the user's system instead of being
  copied from the build machine, as AppImage does (its "excludelist"): every desktop Linux has
  them, and they must match the running system. A bundled libstdc++/libgcc_s older than the
  system's breaks the system's OpenGL drivers (Mesa's are linked against the newer one, and
  pyqtgraph uses QtOpenGL); a bundled fontconfig/freetype may not read the system's fonts.conf;
  libX11/libxcb, glib and the D-Bus client library talk to the running display server and
  session (Debian's libdbus-1 also drags in libsystemd, libgcrypt, lz4 and zstd: 3.5 MB).
  OpenSSL 3 (5.4 MB, used by Python's ssl for websockets, and hashlib, which falls back to its
  own code without it) comes with every distribution with glibc 2.35, and the system's finds the
  system's CA certificates (Debian's build looks in /usr/lib/ssl, which Fedora does not have)
  and gets its security updates.
  Libraries then needed by nothing bundled (pcre2, png, brotli, Xau, Xdmcp …) go too. Side
  effect: the oldest glibc the bundle runs on drops from 2.36 (Debian's libstdc++/expat) to 2.35.
"""

import re
import shutil
import struct
import subprocess
from pathlib import Path

STRIP_PATTERNS = (re.compile(r"(^|/)libpython3\.\d+\.so[.\d]*$"), re.compile(r"(^|/)lib-dynload/[^/]+\.so$"),
                  re.compile(r"^(PySide6|shiboken6)/"))
ICU_DATA_PATTERN = re.compile(r"(^|/)libicudata\.so\.(\d+)$")
ICU_KEPT_LANGUAGES = ("en", "zh")
ICU_KEPT_TREES = ("coll", "zone")
ICU_KEPT_CODECS = ("gb18030.cnv",)
# Top-level ICU data for services Qt never calls: character names (u_charName), spoof checks,
# stringprep/IDNA (Qt has its own IDNA), NFKC, emoji and layout properties.
ICU_DROPPED = ("unames.icu", "confusables.cfu", "uts46.nrm", "nfkc.nrm", "nfkc_cf.nrm", "uemoji.icu", "ulayout.icu")
HOST_LIBRARIES = frozenset({
    "libstdc++.so.6", "libgcc_s.so.1", "libX11.so.6", "libX11-xcb.so.1", "libxcb.so.1", "libXau.so.6", "libXdmcp.so.6",
    "libfontconfig.so.1", "libfreetype.so.6", "libexpat.so.1", "libz.so.1", "libglib-2.0.so.0",
    "libgthread-2.0.so.0", "libgobject-2.0.so.0", "libgio-2.0.so.0", "libgpg-error.so.0", "libuuid.so.1",
    "libdbus-1.so.3", "libssl.so.3", "libcrypto.so.3",
})
LOCALE_FILE = re.compile(r"^([a-z]{2,3})(_[A-Za-z0-9]*)*\.res$")


def elf_section_names(path: Path) -> set[str]:
    """Section names of a 64-bit little-endian ELF file (empty set if it is not one)."""
    with open(path, "rb") as f:
        ident = f.read(64)
        if len(ident) < 64 or ident[:4] != b"\x7fELF" or ident[4] != 2 or ident[5] != 1:
            return set()
        shoff, = struct.unpack_from("<Q", ident, 0x28)
        shentsize, shnum, shstrndx = struct.unpack_from("<HHH", ident, 0x3A)
        f.seek(shoff)
        table = f.read(shentsize * shnum)
        if shstrndx >= shnum or len(table) < shentsize * shnum:
            return set()
        str_off, str_size = struct.unpack_from("<QQ", table, shstrndx * shentsize + 0x18)
        f.seek(str_off)
        strings = f.read(str_size)
    names = set()
    for i in range(shnum):
        name_off, = struct.unpack_from("<I", table, i * shentsize)
        names.add(strings[name_off:strings.index(b"\0", name_off)].decode("ascii", "replace"))
    return names


def wants_strip(dest: str, src: Path) -> bool:
    """Whether the bundled binary ``dest`` (from ``src``) is one we strip: a CPython or Qt file
    that still has a symbol table or debug sections."""
    if not any(p.search(dest) for p in STRIP_PATTERNS):
        return False
    sections = elf_section_names(src)
    return ".symtab" in sections or any(s.startswith(".debug") for s in sections)


def strip_unneeded(dest: str, src: Path, work: Path) -> Path:
    """A ``strip --strip-unneeded`` copy of ``src`` under ``work`` (``src`` itself if not smaller)."""
    out = Path(work) / "stripped" / dest
    out.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["strip", "--strip-unneeded", "-o", str(out), str(src)], check=True)
    return out if out.stat().st_size < Path(src).stat().st_size else Path(src)


def keep_icu_item(name: str) -> bool:
    """Whether an item of the ICU data package (``icudt73l/coll/zh.res``) is kept."""
    parts = name.split("/")[1:]
    filename = parts[-1]
    locale = LOCALE_FILE.match(filename)
    if locale and locale.group(1) not in ICU_KEPT_LANGUAGES:
        return False
    if len(parts) == 1:  # top level: locale, supplemental and time-zone data, converter aliases
        if filename in ICU_DROPPED or filename.endswith(".spp"):
            return False
        return not filename.endswith(".cnv") or filename in ICU_KEPT_CODECS
    return parts[0] in ICU_KEPT_TREES


def _symbol_bytes(lib: Path, symbol_re: str) -> tuple[str, bytes]:
    """(name, bytes) of the data object exported by ``lib`` whose name matches ``symbol_re``."""
    syms = subprocess.run(["readelf", "-W", "--dyn-syms", str(lib)], capture_output=True, text=True,
                          check=True).stdout
    for line in syms.splitlines():
        cols = line.split()
        if len(cols) >= 8 and re.fullmatch(symbol_re, cols[7]) and cols[3] == "OBJECT":
            name, addr, size = cols[7], int(cols[1], 16), int(cols[2], 0)
            break
    else:
        raise RuntimeError(f"{lib}: no exported symbol matching {symbol_re}")
    sections = subprocess.run(["readelf", "-W", "-S", str(lib)], capture_output=True, text=True,
                              check=True).stdout
    for line in sections.splitlines():
        m = re.search(r"\]\s+\S+\s+\S+\s+([0-9a-f]{16})\s+([0-9a-f]+)\s+([0-9a-f]+)", line)
        if m:
            sec_addr, sec_off, sec_size = (int(g, 16) for g in m.groups())
            if sec_addr <= addr < sec_addr + sec_size:
                with open(lib, "rb") as f:
                    f.seek(sec_off + addr - sec_addr)
                    return name, f.read(size)
    raise RuntimeError(f"{lib}: symbol {name} is in no section")


def icu_tools_missing() -> list[str]:
    """Tools trim_icu needs that are not on PATH."""
    return [t for t in ("icupkg", "readelf", "as", "ld") if not shutil.which(t)]


def trim_icu(src: Path, work: Path) -> tuple[Path, dict]:
    """Build a smaller ``libicudata.so.N`` from ``src`` under ``work``; return (path, figures)."""
    major = ICU_DATA_PATTERN.search(Path(src).name).group(2)
    work = Path(work) / "icu"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    symbol, data = _symbol_bytes(Path(src), rf"icudt{major}_dat")
    package = work / f"icudt{major}l.dat"   # the name icupkg expects for a little-endian package
    package.write_bytes(data)
    items = subprocess.run(["icupkg", "-l", str(package)], capture_output=True, text=True,
                           check=True).stdout.split()
    prefix = f"icudt{major}l/"
    dropped = [i for i in items if not keep_icu_item(prefix + i if not i.startswith(prefix) else i)]
    (work / "remove.txt").write_text("\n".join(dropped) + "\n")
    trimmed = work / "trimmed" / package.name
    trimmed.parent.mkdir()
    subprocess.run(["icupkg", "-r", str(work / "remove.txt"), str(package), str(trimmed)], check=True,
                   capture_output=True, text=True)
    asm = work / "icudata.s"
    asm.write_text(f""".section .rodata
.globl {symbol}
.type {symbol}, @object
.balign 16
{symbol}:
.incbin "{trimmed}"
.size {symbol}, . - {symbol}
.section .note.GNU-stack,"",@progbits
""")
    obj, lib = work / "icudata.o", work / Path(src).name
    subprocess.run(["as", "--64", "-o", str(obj), str(asm)], check=True)
    subprocess.run(["ld", "-shared", "-soname", Path(src).name, "-o", str(lib), str(obj)], check=True)
    return lib, {"items": len(items), "dropped": len(dropped), "before": Path(src).stat().st_size,
                 "after": lib.stat().st_size}


def glibc_required(folder: Path) -> str:
    """The newest ``GLIBC_x.y`` symbol version any bundled ELF file needs (the oldest glibc the
    bundle runs on), e.g. ``"2.34"``."""
    newest = (0, 0)
    pattern = re.compile(rb"GLIBC_(\d+)\.(\d+)")
    for path in Path(folder).rglob("*"):
        if path.is_file() and not path.is_symlink():
            with open(path, "rb") as f:
                if f.read(4) != b"\x7fELF":
                    continue
                f.seek(0)
                for major, minor in pattern.findall(f.read()):
                    newest = max(newest, (int(major), int(minor)))
    return f"{newest[0]}.{newest[1]}"


def elf_needed(path: Path) -> list[str]:
    """DT_NEEDED entries of an ELF file (via readelf; none known without it)."""
    if not shutil.which("readelf"):
        return []
    out = subprocess.run(["readelf", "-d", "-W", str(path)], capture_output=True, text=True, check=False).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out)


def is_system_library(src: str) -> bool:
    """Whether a collected binary came from the build machine's system library folders."""
    return src.startswith(("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/")) and "-packages/" not in src


def host_libraries(binaries) -> set[str]:
    """Destination names of the system libraries to leave to the user's system: HOST_LIBRARIES,
    then (to a fixed point) every system library that only those or other dropped ones need."""
    binaries = [(dest, src) for dest, src, *_ in binaries]
    name = {dest: Path(dest).name for dest, _ in binaries}
    needs = {dest: elf_needed(Path(src)) for dest, src in binaries}
    drop = {dest for dest, src in binaries if is_system_library(src) and name[dest] in HOST_LIBRARIES}
    changed = True
    while changed:
        changed = False
        for dest, src in binaries:
            if dest in drop or not is_system_library(src):
                continue
            users = [d for d in needs if name[dest] in needs[d]]
            if users and all(u in drop for u in users):
                drop.add(dest)
                changed = True
    return drop
