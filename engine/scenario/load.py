"""Find, read and cross-check scenario files (``scenarios/*.toml``).

The engine never opens files itself; this module is the edge where a TOML file becomes a frozen
:class:`Scenario`, or one :class:`ScenarioError` line naming the file, the field and the problem.
"""

import hashlib
import os
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ScenarioError
from ..quarters import quarter_label
from .arrays import OBJECTIVE_KINDS, PIPELINE_SLOTS, ScenarioArrays, compile_arrays
from .reader import Reader
from .schema import (BatterySpec, CarModel, ConsumerType, Ecosystem, Event, Firm, MarketSpec,
                     ModelParams, Objective, ScenarioInfo, Scoring, ScriptEntry)
from .script import check_script

EVENT_TARGETS = ("all", "autonomy-leader", "random")
MAX_FILE_BYTES = 2_000_000


@dataclass(frozen=True, eq=False)
class Scenario:
    """A validated scenario: its specs, compiled arrays, parameter sources and original text."""

    info: ScenarioInfo
    market: MarketSpec
    battery: BatterySpec
    model: ModelParams
    consumer_types: tuple[ConsumerType, ...]
    ecosystems: tuple[Ecosystem, ...]
    firms: tuple[Firm, ...]
    models: tuple[CarModel, ...]
    events: tuple[Event, ...]
    objectives: tuple[Objective, ...]
    scoring: Scoring
    sources: dict = field(repr=False)
    text: str = field(repr=False)
    filename: str = ""
    arrays: ScenarioArrays = field(default=None, repr=False)
    script: tuple[ScriptEntry, ...] = field(default=(), repr=False)

    @property
    def id(self) -> str:
        """The scenario id, e.g. ``"xiaomi-2024"``."""
        return self.info.id

    @property
    def firm_ids(self) -> tuple[str, ...]:
        """Firm ids in engine order (the firm axis of every array)."""
        return tuple(f.id for f in self.firms)

    @property
    def model_ids(self) -> tuple[str, ...]:
        """Model ids in engine order (the product axis of every array)."""
        return tuple(m.id for m in self.models)

    @property
    def n_quarters(self) -> int:
        """Number of quarters from ``start`` to ``end`` inclusive."""
        return self.info.end - self.info.start + 1

    @property
    def digest(self) -> str:
        """SHA-256 of the scenario text (identifies the exact calibration used)."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def firm_index(self, firm_id: str) -> int:
        """Return the position of ``firm_id`` on the firm axis (ScenarioError if unknown)."""
        try:
            return self.firm_ids.index(firm_id)
        except ValueError:
            raise ScenarioError(f"unknown firm {firm_id!r} (scenario {self.id} has {', '.join(self.firm_ids)})") from None

    def source_of(self, key: str) -> str:
        """Return the source of a parameter, e.g. ``source_of("firms.xiaomi.brand")``."""
        return self.sources.get(key) or self.sources.get(key.rsplit(".", 1)[0] + ".__table__", "")


def scenario_dirs() -> list[Path]:
    """Folders searched for scenario ids, in order.

    ``CLOSEDLOOP_SCENARIOS`` (os.pathsep-separated) first, then the bundled folder of a frozen
    build, then the project's ``scenarios/`` folder.
    """
    dirs = [Path(p) for p in os.environ.get("CLOSEDLOOP_SCENARIOS", "").split(os.pathsep) if p]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        dirs.append(Path(frozen) / "scenarios")
    dirs.append(Path(__file__).resolve().parents[2] / "scenarios")
    return dirs


def list_scenarios() -> list[Scenario]:
    """Load every scenario found in :func:`scenario_dirs` (first id wins), sorted by id."""
    found: dict[str, Scenario] = {}
    for folder in scenario_dirs():
        for path in sorted(folder.glob("*.toml")) if folder.is_dir() else []:
            scenario = load_scenario(str(path))
            found.setdefault(scenario.id, scenario)
    return [found[k] for k in sorted(found)]


def load_scenario(id_or_path: str) -> Scenario:
    """Load a scenario by id (``"xiaomi-2024"``) or by path to a ``.toml`` file.

    Raises:
        ScenarioError: unknown id, unreadable file, or any invalid field (one line).
    """
    candidate = Path(id_or_path)
    if id_or_path.endswith(".toml") or os.sep in id_or_path or candidate.is_file():
        path = candidate
    else:
        path = next((d / f"{id_or_path}.toml" for d in scenario_dirs() if (d / f"{id_or_path}.toml").is_file()), None)
        if path is None:
            raise ScenarioError(f"unknown scenario {id_or_path!r} (see `closedloop scenarios`)")
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ScenarioError(f"{path}: file is larger than {MAX_FILE_BYTES // 1_000_000} MB")
        raw = path.read_bytes()
    except OSError as exc:
        raise ScenarioError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8-sig")  # Windows editors start UTF-8 files with a byte-order mark
    except UnicodeDecodeError:
        raise ScenarioError(f"{path}: not UTF-8 text") from None
    return parse_scenario(text, str(path))


def parse_scenario(text: str, filename: str = "<scenario>") -> Scenario:
    """Validate scenario TOML ``text`` into a :class:`Scenario` (``filename`` names it in errors)."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ScenarioError(f"{filename}: not valid TOML ({exc})") from None
    except RecursionError:  # tomllib parses nested arrays and inline tables recursively
        raise ScenarioError(f"{filename}: not valid TOML (arrays or tables nested too deeply)") from None
    r = Reader(filename)
    known = {"scenario", "market", "battery", "model", "consumer_types", "ecosystems", "firms",
             "models", "events", "objectives", "scoring"}
    optional = {"script"}
    for key in raw:
        if key not in known | optional:
            r.fail(key, "unknown section (check the spelling)")
    for key in known:
        if key not in raw:
            r.fail(key, "missing section")

    def many(cls, key, prefix_by_id=True):
        items = raw[key]
        if not isinstance(items, list) or not items:
            r.fail(key, "must be a non-empty array of tables ([[%s]])" % key)
        out = []
        for i, item in enumerate(items):
            ident = item.get("id", str(i)) if isinstance(item, dict) else str(i)
            out.append(r.table(cls, item, f"{key}[{i}]", f"{key}.{ident}" if prefix_by_id else f"{key}.{i}"))
        ids = [o.id for o in out]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            r.fail(key, f"duplicate id {dupes[0]!r}")
        return tuple(out)

    info = r.table(ScenarioInfo, raw["scenario"], "scenario", "scenario")
    scenario = Scenario(
        info=info,
        market=r.table(MarketSpec, raw["market"], "market", "market"),
        battery=r.table(BatterySpec, raw["battery"], "battery", "battery"),
        model=r.table(ModelParams, raw["model"], "model", "model"),
        consumer_types=many(ConsumerType, "consumer_types"),
        ecosystems=many(Ecosystem, "ecosystems"),
        firms=many(Firm, "firms"),
        models=many(CarModel, "models"),
        events=many(Event, "events"),
        objectives=many(Objective, "objectives"),
        scoring=r.table(Scoring, raw["scoring"], "scoring", "scoring"),
        sources=r.sources,
        text=text,
        filename=filename,
        script=_script_entries(r, raw.get("script", [])),
    )
    _cross_check(scenario, r)
    check_script(scenario, r)
    object.__setattr__(scenario, "arrays", compile_arrays(scenario))
    return scenario


def _script_entries(r: Reader, items) -> tuple:
    """Read the optional ``[[script]]`` tables (each must cite its source)."""
    if not isinstance(items, list):
        r.fail("script", "must be an array of tables ([[script]])")
    out = []
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not str(item.get("source", "")).strip():
            r.fail(f"script[{i}].source", "missing: every scripted decision cites its source")
        out.append(r.table(ScriptEntry, item, f"script[{i}]", f"script.{i}"))
    return tuple(out)


def _cross_check(s: Scenario, r: Reader) -> None:
    """Check references between tables; raise one ScenarioError for the first problem."""
    firm_ids = set(s.firm_ids)
    eco_ids = {e.id for e in s.ecosystems}
    if s.info.end < s.info.start:
        r.fail("scenario.end", "is before scenario.start")
    if s.info.player not in firm_ids:
        r.fail("scenario.player", f"no firm {s.info.player!r}")
    if len(s.market.seasonality) != 4:
        r.fail("market.seasonality", "must list four multipliers (Q1..Q4)")
    if len(s.model.shift_output) != 3:
        r.fail("model.shift_output", "must list three multiples (1, 2, 3 shifts)")
    if not s.model.ramp:
        r.fail("model.ramp", "must list at least one efficiency")
    if sum(t.weight for t in s.consumer_types) > 1.0 + 1e-9:
        r.fail("consumer_types", "weights sum to more than 1")
    if not sum(t.weight for t in s.consumer_types) > 0.0:
        r.fail("consumer_types", "weights sum to 0: no consumer type would ever buy a car")
    model_tags = sorted({tag for m in s.models for tag in m.tags})
    for i, t in enumerate(s.consumer_types):
        if t.ecosystem_id and t.ecosystem_id not in eco_ids:
            r.fail(f"consumer_types[{i}].ecosystem_id", f"no ecosystem {t.ecosystem_id!r}")
        for tag in t.tastes:
            if tag not in model_tags:
                r.fail(f"consumer_types[{i}].tastes.{tag}",
                       f"no model carries tag {tag!r} (the models' tags: {', '.join(model_tags)})")
    for i, f in enumerate(s.firms):
        if len(f.ramping) > len(s.model.ramp):
            r.fail(f"firms[{i}].ramping", f"lists more quarters than model.ramp ({len(s.model.ramp)})")
        if len(f.pipeline) > PIPELINE_SLOTS or f.expansion_lead_quarters > PIPELINE_SLOTS:
            r.fail(f"firms[{i}].pipeline", f"construction is limited to {PIPELINE_SLOTS} quarters")
        if f.ecosystem and f.ecosystem not in eco_ids:
            r.fail(f"firms[{i}].ecosystem", f"no ecosystem {f.ecosystem!r}")
        if not any(m.firm == f.id for m in s.models):
            r.fail(f"firms[{i}]", f"firm {f.id!r} has no models")
    tags = {tag for t in s.consumer_types for tag in t.tastes}
    for i, m in enumerate(s.models):
        if m.firm not in firm_ids:
            r.fail(f"models[{i}].firm", f"no firm {m.firm!r}")
        if m.launch != -1 and m.launch < s.info.start:
            r.fail(f"models[{i}].launch", f"{quarter_label(m.launch)} is before scenario.start "
                   + ("(omit it to let the firm launch the model when it chooses)" if m.optional
                      else "(omit it for models on sale at the start)"))
        if m.optional and m.dev_quarters < 1:
            r.fail(f"models[{i}].dev_quarters", "an optional model needs at least one quarter of development")
        unknown = [t for t in m.tags if tags and t not in tags]
        if unknown:
            r.fail(f"models[{i}].tags", f"tag {unknown[0]!r} is not valued by any consumer type")
    order = [m.firm for m in s.models]
    for i in range(1, len(order)):
        if order[i] != order[i - 1] and order[i] in order[:i]:
            r.fail(f"models[{i}]", f"models of firm {order[i]!r} must be listed together")
    if [f for f in dict.fromkeys(order)] != [f for f in s.firm_ids if f in order]:
        r.fail("models", "list the models in the order of their firms")
    span = f"{quarter_label(s.info.start)}-{quarter_label(s.info.end)}"
    for i, e in enumerate(s.events):
        if e.first != -1 and e.last != -1 and e.first > e.last:
            r.fail(f"events[{i}].first", f"{quarter_label(e.first)} is after events[{i}].last ({quarter_label(e.last)})")
        if e.scheduled != -1 and not s.info.start <= e.scheduled <= s.info.end:
            r.fail(f"events[{i}].scheduled", f"{quarter_label(e.scheduled)} is outside the scenario ({span})")
        if e.target not in EVENT_TARGETS and e.target not in firm_ids and e.target != "player":
            r.fail(f"events[{i}].target", f"must be all, player, autonomy-leader, random or a firm id (got {e.target!r})")
    for i, o in enumerate(s.objectives):
        if o.kind not in OBJECTIVE_KINDS:
            r.fail(f"objectives[{i}].kind", f"must be one of {', '.join(OBJECTIVE_KINDS)} (got {o.kind!r})")
        if o.firm != "player" and o.firm not in firm_ids:
            r.fail(f"objectives[{i}].firm", f"no firm {o.firm!r}")


def with_player(scenario: Scenario, firm_id: str) -> Scenario:
    """Return the scenario with ``firm_id`` as the player's firm (events and objectives aimed at
    "player" follow it). Raises ScenarioError for an unknown firm."""
    from dataclasses import replace

    scenario.firm_index(firm_id)
    if firm_id == scenario.info.player:
        return scenario
    changed = replace(scenario, info=replace(scenario.info, player=firm_id), arrays=None)
    object.__setattr__(changed, "arrays", compile_arrays(changed))
    return changed
