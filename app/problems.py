"""Engine messages in the player's language.

The engine's :class:`~engine.errors.DecisionError` lines are English and name the field; the
decision pages show them next to that field, so here they are rephrased in the current language
(amounts in 万/亿 or k/M/B). Unknown messages pass through unchanged.
"""

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP

from . import i18n
from .i18n import translate

_BETWEEN = re.compile(r"must be between (-?[\d,.]+) and (-?[\d,.]+) (.+?) \(got (-?[\d,.]+(?:e[+-]\d+)?|nan|inf|-inf)\)")

# units of scenario parameters (engine.scenario.schema), for the "How is this computed?" table
PARAMETER_UNITS = {u: u for u in (
    QT_TRANSLATE_NOOP("ParamUnits", "CNY"), QT_TRANSLATE_NOOP("ParamUnits", "CNY per unit/quarter"),
    QT_TRANSLATE_NOOP("ParamUnits", "CNY/kWh"), QT_TRANSLATE_NOOP("ParamUnits", "CNY/new owner"),
    QT_TRANSLATE_NOOP("ParamUnits", "CNY/quarter"), QT_TRANSLATE_NOOP("ParamUnits", "CNY/user"),
    QT_TRANSLATE_NOOP("ParamUnits", "CNY/vehicle"), QT_TRANSLATE_NOOP("ParamUnits", "CNY/vehicle/quarter"),
    QT_TRANSLATE_NOOP("ParamUnits", "GWh"), QT_TRANSLATE_NOOP("ParamUnits", "GWh/quarter"),
    QT_TRANSLATE_NOOP("ParamUnits", "buyers/quarter"), QT_TRANSLATE_NOOP("ParamUnits", "engineers"),
    QT_TRANSLATE_NOOP("ParamUnits", "kWh"), QT_TRANSLATE_NOOP("ParamUnits", "km/quarter"),
    QT_TRANSLATE_NOOP("ParamUnits", "level"), QT_TRANSLATE_NOOP("ParamUnits", "levels"),
    QT_TRANSLATE_NOOP("ParamUnits", "levels/quarter"), QT_TRANSLATE_NOOP("ParamUnits", "million users"),
    QT_TRANSLATE_NOOP("ParamUnits", "orders"), QT_TRANSLATE_NOOP("ParamUnits", "per year"),
    QT_TRANSLATE_NOOP("ParamUnits", "quarters"), QT_TRANSLATE_NOOP("ParamUnits", "units"),
    QT_TRANSLATE_NOOP("ParamUnits", "units/quarter"), QT_TRANSLATE_NOOP("ParamUnits", "utility"),
    QT_TRANSLATE_NOOP("ParamUnits", "utility/CNY"), QT_TRANSLATE_NOOP("ParamUnits", "utility/brand"),
    QT_TRANSLATE_NOOP("ParamUnits", "utility/level"), QT_TRANSLATE_NOOP("ParamUnits", "utility/quarter"),
    QT_TRANSLATE_NOOP("ParamUnits", "vehicles"))}


def parameter_unit(unit: str) -> str:
    """A scenario parameter's unit in the current language."""
    return translate("ParamUnits", unit) if unit in PARAMETER_UNITS else unit


def too_large() -> str:
    """The message for a typed number that is no longer finite once converted from the shown unit (e.g. 1e308 万元)."""
    return translate("Problems", "This number is too large.")


def _amount(text: str, money: bool) -> str:
    value = float(text.replace(",", ""))
    return i18n.money(value) if money else i18n.compact(value)


def localise(problem: str) -> str:
    """Rephrase an engine validation message (without its ``firm.field:`` prefix)."""
    match = _BETWEEN.search(problem)
    if match:
        lo, hi, unit, _ = match.groups()
        money = unit.startswith("CNY")
        if "half the price" in unit:
            return translate("Problems", "The incentive can be at most half the list price (%1).").replace(
                "%1", _amount(hi, True))
        return translate("Problems", "Must be between %1 and %2.").replace("%1", _amount(lo, money)).replace(
            "%2", _amount(hi, money))
    if "must be a finite number" in problem:     # only an overflow gets here: typed text is parsed as finite
        return too_large()
    if "has no parent support" in problem:
        return translate("Problems", "Your firm has no parent support in this scenario.")
    if "cannot raise equity" in problem:
        return translate("Problems", "Your firm cannot raise equity in this scenario.")
    if "must be 1, 2 or 3" in problem:
        return translate("Problems", "Choose 1, 2 or 3 shifts.")
    if "is not a model" in problem or "has no model" in problem:
        return translate("Problems", "This model cannot be launched by your firm.")
    return problem
