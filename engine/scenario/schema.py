"""Frozen dataclasses describing a scenario, as read from ``scenarios/*.toml``.

Money is CNY, volumes are vehicles per quarter, time is quarters, utilities are in logit units.
Quarter fields hold absolute indices (see :mod:`engine.quarters`).
"""

from dataclasses import dataclass

from .fields import param

_CAL = "calibrated: hand-fitted to shared/data in-sample facts (2024Q1-2025Q1)"


@dataclass(frozen=True)
class Text:
    """A string in English and Chinese."""

    en: str
    zh: str

    def get(self, lang: str) -> str:
        """Return the text in ``lang`` ("en" or "zh"/"zh_CN"), falling back to English."""
        return self.zh if lang.lower().startswith("zh") and self.zh else self.en


@dataclass(frozen=True, kw_only=True)
class ScenarioInfo:
    """Identity and story of a scenario."""

    id: str
    name: Text
    story: Text
    start: int = param(kind="quarter", doc="first quarter played")
    end: int = param(kind="quarter", doc="last quarter played")
    player: str = param(doc="id of the firm a campaign player controls by default")
    default_seed: int = param(0, 2**63 - 1, default=7, source="game design")


@dataclass(frozen=True, kw_only=True)
class MarketSpec:
    """Potential buyers and the order/backlog mechanics of the whole market."""

    potential_buyers: float = param(1e5, 1e8, unit="buyers/quarter",
                                    doc="people in the market for a car in the first quarter")
    growth_per_quarter: float = param(-0.1, 0.1, doc="trend growth of potential buyers")
    seasonality: tuple[float, ...] = param(0.2, 3.0, doc="multiplier for Q1..Q4")
    other_car_share: float = param(0.0, 1.0,
                                   doc="share of outside-good choosers who buy another car (ICE, unmodelled brands)")
    demand_noise_sd: float = param(0.0, 0.5, doc="log-sd of quarterly demand shocks")
    model_noise_sd: float = param(0.0, 0.5, doc="log-sd of model-level order shocks")
    wait_penalty: float = param(0.0, 5.0, unit="utility/quarter", doc="utility lost per quarter of expected delivery wait")
    attrition_base: float = param(0.0, 1.0, doc="share of the backlog cancelled each quarter")
    attrition_per_wait: float = param(0.0, 1.0, doc="extra cancellation per quarter of wait")
    attrition_max: float = param(0.0, 1.0, doc="cap on the quarterly cancellation share")
    holding_cost_rate: float = param(0.0, 0.2, doc="inventory holding cost per quarter, share of its value")
    charging_effect: float = param(0.0, 2.0, unit="utility", doc="utility of a firm's charging network at saturation")
    charging_scale_cny: float = param(1e6, 1e12, unit="CNY", doc="charging stock giving 63% of the effect")
    charging_decay: float = param(0.0, 1.0, doc="quarterly decay of the charging stock")


@dataclass(frozen=True, kw_only=True)
class BatterySpec:
    """The market battery-pack price index and lithium swings."""

    index_cny_per_kwh: float = param(100, 3000, unit="CNY/kWh", doc="pack price index at the start")
    learning_rate: float = param(0.0, 0.5, doc="fall in cost per doubling of global cumulative volume")
    global_cum_gwh: float = param(1, 1e6, unit="GWh", doc="global cumulative pack volume at the start")
    global_gwh_per_quarter: float = param(1, 1e5, unit="GWh/quarter", doc="global pack output per quarter at the start")
    global_growth_per_quarter: float = param(-0.1, 0.2, doc="growth of global pack output per quarter")
    lithium_share: float = param(0.0, 1.0, doc="share of pack cost that moves with lithium prices")
    lithium_sd: float = param(0.0, 1.0, doc="quarterly log-sd of the lithium price")
    lithium_reversion: float = param(0.0, 1.0, doc="share of the lithium deviation that decays each quarter")


@dataclass(frozen=True, kw_only=True)
class ModelParams:
    """Structural parameters of the mechanisms of DESIGN section 2."""

    shift_output: tuple[float, ...] = param(0.1, 5.0, doc="output multiple of one-shift capacity with 1, 2, 3 shifts")
    ramp: tuple[float, ...] = param(0.0, 1.0, doc="efficiency of newly opened capacity in its first quarters")
    new_shift_efficiency: float = param(0.0, 1.0, default=0.5, unit="share",
                                        source="assumed: a newly recruited crew works at about half pace in its first quarter",
                                        doc="output of an added shift in its first quarter, relative to a trained one")
    body_learning_rate: float = param(0.0, 0.5, doc="Wright's-law cost fall per doubling of the firm's cumulative output")
    body_reference_units: float = param(1e3, 1e8, unit="units", doc="cumulative output at which a model's body cost applies")
    automation_saving: float = param(0.0, 0.5, doc="body-cost saving at full automation")
    labour_cost_per_unit_shift_cny: float = param(0, 1e5, unit="CNY/quarter", doc="labour and plant cost per unit of one-shift capacity per shift")
    autonomy_rate: float = param(0.0, 2.0, unit="levels/quarter", doc="capability gained per quarter by a reference team with no data")
    autonomy_team_reference: float = param(1, 1e5, unit="engineers")
    engineer_cost_cny: float = param(1e4, 1e7, unit="CNY/quarter", doc="fully loaded quarterly cost of one autonomy engineer incl. compute")
    hiring_speed: float = param(0.0, 1.0, doc="share of the gap to the funded team closed each quarter")
    flywheel: float = param(0.0, 5.0, doc="extra progress per log-unit of fleet data")
    flywheel_reference_km: float = param(1e6, 1e13, unit="km/quarter")
    km_per_car: float = param(0, 1e5, unit="km/quarter")
    autonomy_noise_sd: float = param(0.0, 2.0, doc="log-sd of quarterly progress")
    breakthrough_prob: float = param(0.0, 1.0)
    breakthrough_size: float = param(0.0, 2.0, unit="levels")
    setback_prob: float = param(0.0, 1.0)
    setback_size: float = param(0.0, 2.0, unit="levels")
    regulatory_cap: float = param(0.0, 5.0, unit="level", doc="highest autonomy level regulators allow to be sold")
    chip_min_spend_cny: float = param(0, 1e12, unit="CNY", doc="cumulative chip spend before success is possible")
    chip_scale_cny: float = param(1e6, 1e12, unit="CNY", doc="spend scale of the chip success hazard")
    chip_hw_saving: float = param(0.0, 1.0, doc="autonomy hardware cost saved by an own chip")
    chip_capability: float = param(0.0, 2.0, unit="levels")
    vat_rate: float = param(0.0, 0.3, default=0.0, source="game design: 0 = list prices are revenue",
                            doc="value-added tax in list prices; revenue and costs are booked net of it")
    integration_scale_cny: float = param(1e6, 1e12, unit="CNY/quarter", doc="integration spend that closes 63% of the gap to full integration in a quarter")
    integration_decay: float = param(0.0, 1.0)
    attach_base: float = param(0.0, 1.0, doc="services attach rate with no integration or autonomy")
    attach_integration: float = param(0.0, 1.0)
    attach_autonomy: float = param(0.0, 1.0, doc="extra attach rate per autonomy level")
    attach_max: float = param(0.0, 1.0)
    services_margin: float = param(0.0, 1.0)
    services_budget_scale_cny: float = param(1e5, 1e12, unit="CNY/quarter", doc="services spend that raises ARPU by 63% of its headroom")
    services_arpu_headroom: float = param(0.0, 5.0, doc="maximum relative ARPU gain from services spend")
    bundle_attach_gain: float = param(0.0, 5.0, doc="cross-sell uplift per 10k CNY of bundle subsidy")
    bundle_utility: float = param(0.0, 5.0, unit="utility", doc="utility for ecosystem buyers per 10k CNY of bundle subsidy")
    scrappage_rate: float = param(0.0, 0.2, doc="share of the installed base scrapped per quarter")
    brand_decay: float = param(0.0, 1.0)
    brand_marketing_gain: float = param(0.0, 2.0)
    brand_marketing_scale_cny: float = param(1e6, 1e12, unit="CNY/quarter")
    brand_delivery_gain: float = param(0.0, 1.0, doc="brand gained per log-unit of deliveries")
    brand_noise_sd: float = param(0.0, 1.0)
    ceiling_speed: float = param(0.0, 1.0, doc="share of the gap to the brand's credible price closed each quarter")
    ceiling_per_brand_cny: float = param(0, 1e7, unit="CNY", doc="credible price per unit of brand equity")
    ceiling_floor_cny: float = param(0, 1e7, unit="CNY")
    premium_success_gain: float = param(0.0, 1.0, doc="ceiling gain per unit of premium sales success")
    depreciation_rate: float = param(0.0, 0.5, doc="share of plant value depreciated per quarter")
    distress_fee: float = param(0.0, 1.0, doc="fee on emergency financing, share of the amount")
    distress_brand_hit: float = param(0.0, 1.0)
    exit_after_quarters: int = param(1, 40, doc="consecutive distressed quarters before a firm exits")
    equity_fee: float = param(0.0, 0.5, doc="issuance cost of new equity")
    max_leverage: float = param(0.0, 10.0, doc="debt cap as a multiple of annualised revenue")
    valuation_revenue_multiple: float = param(0.0, 20.0)
    valuation_growth_multiple: float = param(0.0, 50.0)
    valuation_margin_multiple: float = param(0.0, 50.0)
    valuation_per_user_cny: float = param(0, 1e6, unit="CNY/user")


@dataclass(frozen=True, kw_only=True)
class ConsumerType:
    """A segment of buyers with its own tastes (mixed logit)."""

    id: str
    name: Text
    weight: float = param(0.0, 1.0, doc="share of potential buyers")
    alpha: float = param(1e-8, 1e-3, unit="utility/CNY",
                         doc="price sensitivity; at most 1e-3 (10x the most price-sensitive plausible type, "
                             "elasticity -9 at 100k CNY) so exp(-alpha * price) stays a normal float up to ~700k CNY")
    autonomy: float = param(-5, 5, unit="utility/level")
    brand: float = param(-5, 5, unit="utility/brand")
    ecosystem: float = param(-5, 10, unit="utility", doc="utility from full integration with this type's ecosystem")
    premium: float = param(0.0, 1e-3, unit="utility/CNY",
                           doc="extra price sensitivity above a brand's credible price; at most 1e-3 like alpha "
                               "(10k CNY over the ceiling then costs 10 utility, e^-10 of the buyers)")
    ecosystem_id: str = param(default="", source="game design", doc="the ecosystem this type lives in ('' = none)")
    tastes: dict = param(default={}, source="game design", doc="utility per model tag (body, powertrain)")


@dataclass(frozen=True, kw_only=True)
class Ecosystem:
    """A device ecosystem (phones, home devices, OS)."""

    id: str
    name: Text
    users_m: float = param(0, 1e4, unit="million users")
    growth_per_quarter: float = param(-0.2, 0.2)


@dataclass(frozen=True, kw_only=True)
class Doctrine:
    """How a firm's AI plays (DESIGN section 3)."""

    profit_weight: float = param(0, 1)
    share_weight: float = param(0, 1)
    growth_weight: float = param(0, 1)
    ecosystem_weight: float = param(0, 1)
    price_aggressiveness: float = param(0, 1, doc="0 = full Nash markup, 1 = markup halved to win share")
    rd_intensity: float = param(0, 1, doc="autonomy R&D as a share of revenue")
    ecosystem_focus: float = param(0, 1, doc="integration + services spend as a share of revenue")
    marketing_intensity: float = param(0, 1, doc="marketing as a share of revenue")
    capacity_appetite: float = param(0, 2, doc="capacity buffer over forecast demand")
    risk_tolerance: float = param(0, 1, doc="1 = burns cash freely, 0 = guards it")


@dataclass(frozen=True, kw_only=True)
class Firm:
    """A carmaker and its starting position."""

    id: str
    name: Text
    doctrine: Doctrine
    color: str = param(default="#888888", source="game design")
    ecosystem: str = param(default="", source="game design", doc="ecosystem whose buyers value this firm's integration")
    brand: float = param(0, 5, doc="brand equity (0 unknown .. 2 iconic)")
    brand_ceiling_cny: float = param(1e4, 1e7, unit="CNY", doc="price the brand is credible at")
    autonomy: float = param(0, 5, unit="level")
    autonomy_team: float = param(0, 1e5, unit="engineers")
    chip_spend_cny: float = param(0, 1e12, default=0.0, source="game design", unit="CNY")
    chip_done: bool = param(default=False, source="game design")
    integration: float = param(0, 1)
    installed_base: float = param(0, 1e8, unit="vehicles")
    services_arpu_cny: float = param(0, 1e5, unit="CNY/vehicle/quarter")
    cross_sell_cny: float = param(0, 1e6, unit="CNY/new owner", doc="ecosystem devices bought by a new owner")
    cross_sell_margin: float = param(0, 1)
    capacity: float = param(0, 1e7, unit="units/quarter", doc="one-shift nameplate capacity, fully ramped")
    ramping: tuple[float, ...] = param(0, 1e7, default=[], source="game design", unit="units/quarter",
                                       doc="capacity opened 1, 2, ... quarters ago and still ramping up")
    pipeline: tuple[float, ...] = param(0, 1e7, default=[], source="game design", unit="units/quarter",
                                        doc="capacity under construction arriving in 1, 2, ... quarters")
    shifts: int = param(1, 3)
    automation: float = param(0, 1)
    expansion_lead_quarters: int = param(1, 12, unit="quarters")
    capex_per_unit_cny: float = param(0, 1e7, unit="CNY per unit/quarter")
    cum_output: float = param(0, 1e9, unit="units")
    cash_cny: float = param(-1e12, 1e13, unit="CNY")
    debt_cny: float = param(0, 1e13, unit="CNY")
    ppe_cny: float = param(0, 1e13, unit="CNY")
    parent_support_cny: float = param(0, 1e13, unit="CNY", doc="total parent support line")
    parent_support_per_quarter_cny: float = param(0, 1e13, unit="CNY/quarter")
    equity_per_quarter_cny: float = param(0, 1e13, unit="CNY/quarter", doc="largest equity raise per quarter (0 = none)")
    interest_rate: float = param(0, 0.5, unit="per year")
    base_rnd_cny: float = param(0, 1e12, unit="CNY/quarter", doc="R&D outside autonomy (vehicle engineering)")
    base_sga_cny: float = param(0, 1e12, unit="CNY/quarter", doc="selling and admin costs outside marketing")
    selling_cost_per_car_cny: float = param(0, 1e6, unit="CNY/vehicle", doc="stores, delivery and channel cost per car delivered")
    export_ratio: float = param(0, 2, doc="export orders per domestic order")
    autonomy_budget_cny: float = param(0, 1e12, unit="CNY/quarter", doc="starting autonomy R&D budget")
    chip_budget_cny: float = param(0, 1e12, unit="CNY/quarter")
    integration_budget_cny: float = param(0, 1e12, unit="CNY/quarter")
    services_budget_cny: float = param(0, 1e12, unit="CNY/quarter")
    charging_budget_cny: float = param(0, 1e12, unit="CNY/quarter")
    marketing_budget_cny: float = param(0, 1e12, unit="CNY/quarter")


@dataclass(frozen=True, kw_only=True)
class CarModel:
    """A vehicle model (or a family of close variants) sold by one firm."""

    id: str
    firm: str
    name: Text
    tags: tuple[str, ...] = param(doc="body and powertrain tags matched to consumer tastes")
    price_cny: float = param(1e4, 1e7, unit="CNY", doc="list price at the start or at launch")
    quality: float = param(-20, 20, unit="utility", doc="mean utility of the model's design (xi)")
    battery_kwh: float = param(0, 300, unit="kWh")
    body_cost_cny: float = param(0, 5e6, unit="CNY", doc="body, assembly and parts at the reference cumulative output")
    autonomy_hw_cny: float = param(0, 2e5, unit="CNY")
    launch: int = param(kind="quarter", default=-1, source="game design", doc="first quarter on sale (-1 = on sale at the start)")
    optional: bool = param(default=False, source="game design", doc="needs a launch decision by its firm")
    dev_quarters: int = param(0, 20, default=0, source="game design", unit="quarters")
    dev_cost_cny: float = param(0, 1e11, default=0.0, source="game design", unit="CNY")
    hype_orders: float = param(0, 1e7, default=0.0, source="game design", unit="orders", doc="orders placed at launch")
    first_quarter_share: float = param(0.0, 1.0, default=1.0, source="game design: a full first quarter",
                                       doc="share of its first quarter on sale (a launch late in a quarter sells for part of it)")


@dataclass(frozen=True, kw_only=True)
class Effects:
    """What an event does. Active effects last while the event runs; one-off ones hit when it starts."""

    demand: float = param(-0.9, 2.0, default=0.0, source="game design", doc="relative change of potential buyers while active")
    subsidy_cny: float = param(-1e5, 1e5, default=0.0, source="game design", unit="CNY", doc="consumer subsidy per modelled car while active")
    price_sensitivity: float = param(-0.9, 2.0, default=0.0, source="game design", doc="relative change of price sensitivity while active")
    capacity: float = param(-1.0, 1.0, default=0.0, source="game design", doc="relative change of the target's output while active")
    autonomy_cap: float = param(0.0, 5.0, default=5.0, source="game design", unit="level", doc="regulatory cap on sold autonomy while active")
    regulation: float = param(-5.0, 5.0, default=0.0, source="game design", unit="levels", doc="change of the regulatory ceiling while active (approvals > 0)")
    export_tariff: float = param(0.0, 1.0, default=0.0, source="game design", doc="share of export orders lost while active")
    hw_cost: float = param(-0.9, 5.0, default=0.0, source="game design", doc="relative change of autonomy hardware cost while active")
    lithium: float = param(-2.0, 2.0, default=0.0, source="game design", doc="log shock to the lithium price at start")
    brand: float = param(-2.0, 2.0, default=0.0, source="game design", doc="brand change of the target at start")
    autonomy: float = param(-3.0, 3.0, default=0.0, source="game design", unit="levels", doc="capability change of the target at start")
    recall_cny_per_car: float = param(0, 1e6, default=0.0, source="game design", unit="CNY", doc="cost per car in the target's installed base at start")


@dataclass(frozen=True, kw_only=True)
class Event:
    """A card of the events deck."""

    id: str
    headline: Text
    effects: Effects
    probability: float = param(0, 1, doc="chance per quarter when its conditions hold")
    duration: int = param(1, 40, unit="quarters")
    target: str = param(default="all", source="game design", doc="'all', a firm id, 'autonomy-leader' or 'random'")
    first: int = param(kind="quarter", default=-1, source="game design", doc="earliest quarter (-1 = any)")
    last: int = param(kind="quarter", default=-1, source="game design", doc="latest quarter (-1 = any)")
    scheduled: int = param(kind="quarter", default=-1, source="game design", doc="fires for certain in this quarter")
    min_lithium: float = param(0, 10, default=0.0, source="game design", doc="needs the lithium factor at least this")
    max_lithium: float = param(0, 10, default=10.0, source="game design")
    min_autonomy: float = param(0, 5, default=0.0, source="game design", doc="needs some firm at this autonomy level")
    once: bool = param(default=False, source="game design", doc="can fire only once per game")


@dataclass(frozen=True, kw_only=True)
class Objective:
    """A scenario objective, checked every quarter."""

    id: str
    text: Text
    kind: str = param(doc="operating_profit_by | never_distressed | share_by | autonomy_by | closed_loop_by")
    firm: str = param(default="player", source="game design")
    quarter: int = param(kind="quarter", default=-1, source="game design", doc="deadline (-1 = end of game)")
    threshold: float = param(-1e13, 1e13, default=0.0, source="game design")


@dataclass(frozen=True, kw_only=True)
class Scoring:
    """Weights of the balanced scorecard (sum need not be 1)."""

    share: float = param(0, 10)
    operating_margin: float = param(0, 10)
    cash: float = param(0, 10)
    autonomy: float = param(0, 10)
    ecosystem: float = param(0, 10)
    brand: float = param(0, 10)
    valuation: float = param(0, 10)
    objectives: float = param(0, 100, doc="points per objective met")



@dataclass(frozen=True, kw_only=True)
class ScriptEntry:
    """A firm's scripted decisions from one quarter on (``[[script]]``, history scenarios).

    A scripted value holds from ``quarter`` until the firm's next entry that sets the same field
    (list prices, budgets and capacity orders are levels: write ``capacity_order = 0`` to stop
    ordering). ``launches`` start development in ``quarter`` only; ``discontinue`` takes models off
    sale for good. Fields never scripted fall back to the normal AI (see :mod:`engine.script`).
    """

    firm: str = param(doc="id of the firm whose decisions these are")
    quarter: int = param(kind="quarter", doc="first quarter the values apply")
    prices: dict = param(1e4, 1e7, default={}, source="game design", unit="CNY", doc="list price per model id")
    incentives: dict = param(0.0, 5e6, default={}, source="game design", unit="CNY", doc="discount per car per model id")
    launches: tuple[str, ...] = param(default=(), source="game design", doc="optional model ids whose development starts now")
    discontinue: tuple[str, ...] = param(default=(), source="game design", doc="model ids taken off sale from this quarter on")
    capacity_order: float | None = param(0.0, 5e6, default=None, unit="units/quarter",
                                         doc="one-shift capacity ordered each quarter")
    shifts: int | None = param(1, 3, default=None, doc="shifts worked")
    autonomy_budget: float | None = param(0.0, 2e11, default=None, unit="CNY/quarter")
    chip_budget: float | None = param(0.0, 2e11, default=None, unit="CNY/quarter")
    integration_budget: float | None = param(0.0, 2e11, default=None, unit="CNY/quarter")
    services_budget: float | None = param(0.0, 2e11, default=None, unit="CNY/quarter")
    charging_budget: float | None = param(0.0, 2e11, default=None, unit="CNY/quarter")
    marketing_budget: float | None = param(0.0, 2e11, default=None, unit="CNY/quarter")
    bundle_subsidy: float | None = param(0.0, 1e5, default=None, unit="CNY/car")
