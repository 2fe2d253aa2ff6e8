"""Stored outcomes for viewers: every quarter's results and decisions, without re-simulating.

:func:`load_outcomes` reads a save (checked like any received file) and returns
:class:`Outcomes`: arrays ``(quarters, firms)`` / ``(quarters, models)`` / ``(quarters,)`` per
metric, decisions and events per quarter. A save opened on another machine, or made by an older
model, shows exactly what was played. :meth:`Outcomes.team_view` filters it to what one team
could see at a given quarter (the facilitator view is the unfiltered object); for a workshop
save, with the workshop's own visibility settings, as its teams saw it over the LAN.
"""

from dataclasses import dataclass, replace

import numpy as np

from ..errors import ClosedLoopError
from ..workshop import Visibility, WorkshopError
from ..workshop import views as workshop_views
from . import codec
from .hostile import boundary, fail
from .store import SaveMetadata, metadata_from, read_save

# What rivals can see of a firm: published results and announced moves (DESIGN section 3:
# last quarter's prices, deliveries, announced capacity, news). Everything else is private.
PUBLIC_FIRM_METRICS = ("deliveries", "domestic_deliveries", "market_share", "avg_price_cny", "revenue_cny",
                       "operating_profit_cny", "nameplate", "capacity_pipeline", "autonomy_level",
                       "ecosystem_users", "installed_base", "distressed", "exited")
PUBLIC_MODEL_METRICS = ("price_cny", "incentive_cny", "deliveries", "launched", "wait_quarters")
PUBLIC_DECISION_FIELDS = ("prices", "incentives", "launches")


@dataclass(frozen=True, eq=False)
class Outcomes:
    """A game's stored results, quarter by quarter (axis 0 of every array is the quarter).

    Attributes:
        metadata: the save's :class:`SaveMetadata` (or one built for a live game).
        catalog: ids and names of firms, models, events, objectives (``{"firms": [{"id", "name":
            {"en", "zh"}}], ...}``).
        firm_ids, model_ids: axis order; model_firms: the firm of each model.
        event_ids, objective_ids: axis order of ``events_*`` and ``objectives``.
        quarters: labels; state_hashes: per quarter.
        firm: metric -> (T, F) float array (CNY, units/quarter, shares; NaN = not stored/hidden).
        model: metric -> (T, J); world: metric -> (T,).
        events_fired, events_active: (T, N) 0/1 int arrays.
        injected: per quarter, ``((event id, target firm or None), ...)`` injected by a facilitator.
        objectives: (T, O) float: 1 met, 0 pending, -1 failed, NaN hidden.
        decisions: per quarter, firm id -> decision dict (``FirmDecision.to_dict`` form; a team
            view keeps only :data:`PUBLIC_DECISION_FIELDS` of rivals).
        controllers: per quarter, firm id -> "human" or AI level.
        visible_to: None for the facilitator view, else the firm whose team view this is.
        visibility: for a workshop save, its :class:`~engine.workshop.Visibility` (what its teams
            saw of rivals); None for any other game.
    """

    metadata: SaveMetadata
    catalog: dict
    firm_ids: tuple
    model_ids: tuple
    model_firms: tuple
    event_ids: tuple
    objective_ids: tuple
    quarters: tuple
    state_hashes: tuple
    firm: dict
    model: dict
    world: dict
    events_fired: np.ndarray
    events_active: np.ndarray
    injected: tuple
    objectives: np.ndarray
    decisions: tuple
    controllers: tuple
    visible_to: str | None = None
    visibility: Visibility | None = None

    def index(self, quarter) -> int:
        """Position of a quarter label (or offset) on axis 0; ClosedLoopError if not stored."""
        if isinstance(quarter, (int, np.integer)):
            if not 0 <= quarter < len(self.quarters):
                raise ClosedLoopError(f"quarter offset {quarter}: {len(self.quarters)} quarters are stored")
            return int(quarter)
        label = str(quarter).strip().upper()
        if label not in self.quarters:
            span = f"{self.quarters[0]}-{self.quarters[-1]}" if self.quarters else "none"
            raise ClosedLoopError(f"{quarter}: not a stored quarter ({span})")
        return self.quarters.index(label)

    def series(self, metric: str, firm_id: str) -> np.ndarray:
        """One firm's metric over the quarters, shape (T,)."""
        return self.firm[metric][:, self.firm_ids.index(firm_id)]

    def fired(self, quarter) -> tuple:
        """Ids of the events that fired in ``quarter``."""
        i = self.index(quarter)
        return tuple(e for n, e in enumerate(self.event_ids) if self.events_fired[i, n])

    def public(self, kind: str) -> tuple:
        """What a team view shows of a rival: ``kind`` ``"firm"`` or ``"model"`` metrics, or
        ``"decision"`` fields. A workshop save uses the rules its teams were under (its
        :attr:`visibility`, as in :func:`engine.workshop.views.team_view`); any other game uses
        :data:`PUBLIC_FIRM_METRICS`, :data:`PUBLIC_MODEL_METRICS` and :data:`PUBLIC_DECISION_FIELDS`."""
        if self.visibility is None:
            return {"firm": PUBLIC_FIRM_METRICS, "model": PUBLIC_MODEL_METRICS, "decision": PUBLIC_DECISION_FIELDS}[kind]
        return {"firm": workshop_views.public_metrics(self.visibility), "model": workshop_views.PUBLIC_MODEL,
                "decision": workshop_views.PUBLIC_DECISIONS}[kind]

    def team_view(self, firm_id: str, through=None) -> "Outcomes":
        """What the team playing ``firm_id`` could see after ``through`` (default: the last quarter).

        Keeps quarters up to ``through``; rivals' metrics and decision fields not in :meth:`public`
        become NaN or are left out; objectives are visible to the player's team only. In a workshop
        whose visibility has ``history`` off, rivals' figures are shown for ``through`` only.
        """
        if firm_id not in self.firm_ids:
            raise ClosedLoopError(f"{firm_id}: no such firm in this game ({', '.join(self.firm_ids)})")
        end = len(self.quarters) if through is None else self.index(through) + 1
        first = 0 if self.visibility is None or self.visibility.history else end - 1   # rivals shown from
        own = np.array([f == firm_id for f in self.firm_ids])
        own_models = np.array([f == firm_id for f in self.model_firms])
        cut = lambda a: a[:end]  # noqa: E731
        public_firm, public_model, public_decision = (self.public(k) for k in ("firm", "model", "decision"))
        firm = {k: _mask(cut(v), own, k in public_firm, first) for k, v in self.firm.items()}
        model = {k: _mask(cut(v), own_models, k in public_model, first) for k, v in self.model.items()}
        objectives = cut(self.objectives).copy()
        if firm_id != self.metadata.player:
            objectives[:] = np.nan
        decisions = tuple({f: (d if f == firm_id else {k: v for k, v in d.items() if k in public_decision and t >= first})
                           for f, d in q.items()} for t, q in enumerate(self.decisions[:end]))
        return replace(self, quarters=self.quarters[:end], state_hashes=self.state_hashes[:end], firm=firm,
                       model=model, world={k: cut(v) for k, v in self.world.items()},
                       events_fired=cut(self.events_fired), events_active=cut(self.events_active),
                       injected=self.injected[:end], objectives=objectives, decisions=decisions,
                       controllers=self.controllers[:end], visible_to=firm_id)


def _mask(values: np.ndarray, own: np.ndarray, public: bool, first: int = 0) -> np.ndarray:
    """``values`` (T, entities) with the others' entries NaN, except a public metric's from ``first`` on."""
    out = np.full_like(values, np.nan)
    out[:, own] = values[:, own]
    if public:
        out[first:] = values[first:]
    return out


def _table(rows: list, ids: tuple) -> dict:
    """metric -> (T, len(ids)) from per-quarter ``{id: {metric: value}}``."""
    names = sorted({k for q in rows for d in q.values() for k in d})
    out = {}
    for k in names:
        arr = np.full((len(rows), len(ids)), np.nan)
        for t, q in enumerate(rows):
            for i, entity in enumerate(ids):
                v = q.get(entity, {}).get(k)
                if v is not None:
                    arr[t, i] = v
        out[k] = arr
    return out


def build(metadata: SaveMetadata, catalog: dict, quarters: list, visibility: Visibility | None = None) -> Outcomes:
    """Build :class:`Outcomes` from :class:`~engine.saves.validate.QuarterData` rows (``visibility``:
    a workshop's, None for any other game)."""
    firm_ids = tuple(f["id"] for f in catalog["firms"])
    model_ids = tuple(m["id"] for m in catalog["models"])
    event_ids = tuple(e["id"] for e in catalog["events"])
    objective_ids = tuple(o["id"] for o in catalog["objectives"])
    T = len(quarters)
    world = _table([{"w": q.world} for q in quarters], ("w",))
    fired = np.zeros((T, len(event_ids)), dtype=np.int8)
    active = np.zeros_like(fired)
    objectives = np.zeros((T, len(objective_ids)))
    for t, q in enumerate(quarters):
        for n, e in enumerate(event_ids):
            fired[t, n], active[t, n] = q.events.get(e, (0, 0))
        objectives[t] = [q.objectives[o] for o in objective_ids]
    return Outcomes(
        metadata=metadata, catalog=catalog, firm_ids=firm_ids, model_ids=model_ids,
        model_firms=tuple(m["firm"] for m in catalog["models"]), event_ids=event_ids, objective_ids=objective_ids,
        quarters=tuple(q.quarter for q in quarters), state_hashes=tuple(q.state_hash for q in quarters),
        firm=_table([q.firm for q in quarters], firm_ids), model=_table([q.model for q in quarters], model_ids),
        world={k: v[:, 0] for k, v in world.items()}, events_fired=fired, events_active=active,
        injected=tuple(q.injected for q in quarters), objectives=objectives,
        decisions=tuple({f: d.to_dict() for f, d in q.decisions.items()} for q in quarters),
        controllers=tuple(dict(q.controllers) for q in quarters), visibility=visibility)


@boundary
def load_outcomes(path) -> Outcomes:
    """Stored outcomes of the save at ``path`` (checked, never re-simulated, never modified).

    Works for saves made by older model code (the scenario snapshot is not even parsed).

    Raises:
        SaveLoadError: one line.
    """
    with read_save(path) as data:
        visibility = None
        if data.workshop is not None:
            try:
                visibility = Visibility.from_dict(data.workshop["settings"].get("visibility", {}))
            except WorkshopError as exc:
                raise fail(path, f"its workshop settings are not valid ({exc})") from None
        return build(data.metadata, data.meta["catalog_json"], data.quarters, visibility)


def outcomes_of_game(game) -> Outcomes:
    """The same :class:`Outcomes` for a live game (e.g. to compare it with a saved branch)."""
    from .validate import QuarterData

    sc = game.scenario
    quarters = []
    for t, record in enumerate(game.records):
        rows = codec.quarter_rows(sc, t, record, game.controllers)
        metrics = lambda text: {k: (None if v is None else float(v)) for k, v in codec.parse_json(text, "game").items()}  # noqa: E731
        quarters.append(QuarterData(
            t, record.report.quarter, tuple(record.injected), record.state_hash, "", dict(record.decisions),
            {r[1]: r[2] for r in rows["decisions"]}, {r[1]: metrics(r[2]) for r in rows["firm_outcomes"]},
            {r[1]: metrics(r[3]) for r in rows["model_outcomes"]}, metrics(rows["world_outcomes"][0][1]),
            {r[1]: (r[2], r[3]) for r in rows["events"]}, {r[1]: r[2] for r in rows["objectives"]}, {}))
    lineage = dict(game.lineage)
    lineage.setdefault("save_id", "")
    lineage.setdefault("created_at", "")
    meta = codec.meta_row(game, lineage, game.t, "0" * 64, 0)
    meta.update(catalog_json=codec.catalog(sc), controllers_json={f: game.controllers[f] for f in sc.firm_ids},
                summary_json=codec.summary(game, game.t), fork_changes_json=lineage.get("fork_changes"))
    return build(metadata_from(meta, ""), meta["catalog_json"], quarters)
