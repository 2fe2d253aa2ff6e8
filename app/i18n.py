"""Languages and number formats: zh_CN or English, money in 万/亿 or k/M/B, via QLocale.

The current language is process-wide (one app, one language). :func:`install` loads the app's
``.qm`` file and Qt's own translations; windows are rebuilt after a switch (see ``app.windows``).
"""

import logging
import math

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator, QT_TRANSLATE_NOOP

from .resources import translations_dir

log = logging.getLogger(__name__)

LANGUAGES = ("en", "zh_CN")
_state = {"lang": "en", "translators": [], "locale": None}

# input units per kind and language: (CNY or units per displayed unit, unit label)
INPUT_UNITS = {
    "price": {"en": (1.0, QT_TRANSLATE_NOOP("Units", "CNY")), "zh_CN": (1e4, QT_TRANSLATE_NOOP("Units", "10k CNY"))},
    "budget": {"en": (1e6, QT_TRANSLATE_NOOP("Units", "M CNY/quarter")),
               "zh_CN": (1e8, QT_TRANSLATE_NOOP("Units", "100M CNY/quarter"))},
    "finance": {"en": (1e6, QT_TRANSLATE_NOOP("Units", "M CNY")), "zh_CN": (1e8, QT_TRANSLATE_NOOP("Units", "100M CNY"))},
    "per_car": {"en": (1.0, QT_TRANSLATE_NOOP("Units", "CNY per car")),
                "zh_CN": (1.0, QT_TRANSLATE_NOOP("Units", "CNY per car"))},
    "units": {"en": (1.0, QT_TRANSLATE_NOOP("Units", "cars/quarter")),
              "zh_CN": (1.0, QT_TRANSLATE_NOOP("Units", "cars/quarter"))},
}


def translate(context: str, text: str) -> str:
    """Translate ``text`` in ``context`` (the same as ``QCoreApplication.translate``)."""
    return QCoreApplication.translate(context, text)


def system_language() -> str:
    """"zh_CN" when the system locale is Chinese, else "en"."""
    return "zh_CN" if QLocale.system().name().lower().startswith("zh") else "en"


def current() -> str:
    """The language in use: "en" or "zh_CN"."""
    return _state["lang"]


def is_chinese() -> bool:
    """True when the app shows Chinese."""
    return _state["lang"] == "zh_CN"


def locale() -> QLocale:
    """The QLocale of the current language (digit grouping, decimal point)."""
    if _state["locale"] is None:
        _state["locale"] = (QLocale(QLocale.Language.Chinese, QLocale.Country.China) if is_chinese()
                            else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    return _state["locale"]


def install(lang: str) -> str:
    """Switch the app to ``lang`` ("en", "zh_CN" or "system"); return the language installed."""
    if lang not in LANGUAGES:
        lang = system_language()
    app = QCoreApplication.instance()
    for translator in _state["translators"]:
        app.removeTranslator(translator)
    _state["translators"] = []
    _state["lang"] = lang
    _state["locale"] = None
    QLocale.setDefault(locale())
    if lang == "en":
        return lang
    own = QTranslator(app)
    if own.load(f"closedloop_{lang}", str(translations_dir())):
        app.installTranslator(own)
        _state["translators"].append(own)
    else:
        log.warning("no translation file closedloop_%s.qm in %s", lang, translations_dir())
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) or \
            qt.load(f"qt_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _state["translators"].append(qt)
    return lang


def number(value: float, decimals: int = 0) -> str:
    """A number with the locale's grouping, e.g. ``229,900``."""
    if value is None or not math.isfinite(value):
        return "–"
    return locale().toString(float(value), "f", decimals)


def _scaled(value: float, steps, decimals: int | None) -> str:
    size = abs(value)
    for factor, suffix in steps:
        if size >= factor:
            scaled = value / factor
            places = decimals if decimals is not None else (2 if abs(scaled) < 10 else 1 if abs(scaled) < 100 else 0)
            return number(scaled, places) + suffix
    return number(value, 0 if decimals is None else decimals)


def compact(value: float, decimals: int | None = None) -> str:
    """A count in 万/亿 (Chinese) or k/M/B (English): ``12.6万`` or ``126k``."""
    if value is None or not math.isfinite(value):
        return "–"
    steps = ((1e8, "亿"), (1e4, "万")) if is_chinese() else ((1e9, "B"), (1e6, "M"), (1e3, "k"))
    return _scaled(value, steps, decimals).replace("-", "−")


def money(value: float, decimals: int | None = None) -> str:
    """CNY in 万元/亿元 (Chinese) or ¥ with k/M/B (English): ``1.23亿元``, ``¥123M``."""
    if value is None or not math.isfinite(value):
        return "–"
    if is_chinese():
        return compact(value, decimals) + "元"
    sign = "−" if value < 0 else ""
    return f"{sign}¥{compact(abs(value), decimals)}"


def percent(value: float, decimals: int = 1) -> str:
    """A share as a percentage: ``0.123`` -> ``12.3%``."""
    if value is None or not math.isfinite(value):
        return "–"
    return number(100.0 * value, decimals) + "%"


def signed(text: str, value: float) -> str:
    """Prefix ``text`` with + for positive values (negatives already carry their sign)."""
    return ("+" + text) if value > 0 else text


def quarter(label: str) -> str:
    """A quarter label for people: ``2024Q3`` or ``2024年第3季度``."""
    if is_chinese() and len(label) == 6:
        return f"{label[:4]}年第{label[5]}季度"
    return label


def input_unit(kind: str) -> tuple:
    """``(factor, label)`` for entering a value of ``kind``: CNY (or units) per displayed unit."""
    factor, label = INPUT_UNITS[kind]["zh_CN" if is_chinese() else "en"]
    return factor, translate("Units", label)


def parse(text: str) -> float | None:
    """A number typed by the user in the current locale (or plain ``1234.5``); None if not a number."""
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "")
    if not cleaned:
        return None
    value, ok = locale().toDouble(cleaned)
    if not ok:
        try:
            value = float(cleaned.replace(",", ""))
        except ValueError:
            return None
    return value if math.isfinite(value) else None


def text_of(bilingual) -> str:
    """A scenario :class:`~engine.scenario.schema.Text` in the current language."""
    return bilingual.get(current())
