""""How is this computed?": plain-words equations for every chart and figure, with parameters.

The catalogue is data: each topic has a bilingual title and equation and the scenario parameters
it uses. :func:`explain` resolves those parameters against a scenario -- their values, units and
the sources the scenario file gives for them -- so the app can show the model behind any number.

Parameter keys follow :attr:`Scenario.sources`: ``model.autonomy_rate``, ``firms.{firm}.capacity``
(the firm asked about), ``models.{model}.battery_kwh`` (each of that firm's models, or one model),
``consumer_types.*.alpha`` (every consumer type).
"""

from dataclasses import dataclass, fields, is_dataclass

from .explain_catalogue import CATALOGUE, PARAM_LABELS
from .scenario.schema import Text

__all__ = ["CATALOGUE", "Explanation", "ParameterRow", "explain", "topics"]


@dataclass(frozen=True)
class ParameterRow:
    """One parameter as the panel shows it."""

    key: str          # concrete key, e.g. "firms.xiaomi.capacity"
    label: str        # in the requested language
    value: object     # float, int, bool or tuple of them
    unit: str
    source: str


@dataclass(frozen=True)
class Explanation:
    """A topic resolved for one scenario, firm and language."""

    topic: str
    title: str
    equation: str
    parameters: tuple


def topics() -> tuple:
    """Every topic id in the catalogue."""
    return tuple(CATALOGUE)


def explain(scenario, topic: str, lang: str = "en", firm: str | None = None, model: str | None = None) -> Explanation:
    """Resolve ``topic`` for ``scenario``.

    Args:
        scenario: the scenario whose parameters and sources are shown.
        topic: a key of :data:`CATALOGUE` (KeyError otherwise).
        lang: "en" or "zh_CN" (anything starting with "zh" picks Chinese).
        firm: firm id for ``{firm}`` keys (default: the scenario's player).
        model: model id for ``{model}`` keys (default: every model of ``firm``).

    Returns:
        An :class:`Explanation`.
    """
    entry = CATALOGUE[topic]
    firm = firm or scenario.info.player
    models = [model] if model else [m.id for m in scenario.models if m.firm == firm]
    rows = []
    for template in entry["params"]:
        for key, owner_name in _expand(scenario, template, firm, models, lang):
            value, unit = _lookup(scenario, key)
            label = _label(template).get(lang)
            rows.append(ParameterRow(key, f"{label} ({owner_name})" if owner_name else label, value, unit,
                                     scenario.source_of(key) or "game design"))
    return Explanation(topic, entry["title"].get(lang), entry["equation"].get(lang), tuple(rows))


def _label(template: str) -> Text:
    parts = template.split(".")
    generic = parts[0] + "." + ".".join(parts[2:]) if parts[0] in _COLLECTIONS else template
    return PARAM_LABELS.get(generic) or Text(parts[-1].replace("_", " "), parts[-1].replace("_", " "))


_COLLECTIONS = {"firms": "firms", "models": "models", "consumer_types": "consumer_types",
                "ecosystems": "ecosystems", "events": "events", "objectives": "objectives"}


def _expand(scenario, template: str, firm: str, models: list, lang: str):
    """Concrete keys for a template, with the name of the entity each one belongs to ('' if single)."""
    parts = template.split(".")
    if parts[0] not in _COLLECTIONS:
        return [(template, "")]
    items = getattr(scenario, _COLLECTIONS[parts[0]])
    ident = parts[1]
    if ident == "{firm}":
        chosen = [i for i in items if i.id == firm]
        show_name = False
    elif ident == "{model}":
        chosen = [i for i in items if i.id in models]
        show_name = True
    elif ident == "*":
        chosen = list(items)
        show_name = True
    else:
        chosen = [i for i in items if i.id == ident]
        show_name = False
    rest = ".".join(parts[2:])
    return [(f"{parts[0]}.{i.id}.{rest}", i.name.get(lang) if show_name and hasattr(i, "name") else "")
            for i in chosen]


def _lookup(scenario, key: str):
    """Value and unit of a concrete parameter key (KeyError if the scenario has no such parameter)."""
    parts = key.split(".")
    if parts[0] in _COLLECTIONS:
        items = {i.id: i for i in getattr(scenario, _COLLECTIONS[parts[0]])}
        if parts[1] not in items:
            raise KeyError(key)
        obj, rest = items[parts[1]], parts[2:]
    else:
        obj, rest = (scenario.info, parts[1:]) if parts[0] == "scenario" else (scenario, parts)
    unit = ""
    for name in rest:
        if not is_dataclass(obj):
            raise KeyError(key)
        meta = {f.name: f.metadata for f in fields(obj)}
        if name not in meta:
            raise KeyError(key)
        unit = meta[name].get("unit", "")
        obj = getattr(obj, name)
    if isinstance(obj, (int, float, bool, tuple)):
        return obj, unit
    raise KeyError(key)
