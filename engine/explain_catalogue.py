"""The "How is this computed?" catalogue: one entry per chart or figure (data, no logic).

Each entry: ``title`` and ``equation`` (plain words, English and Chinese) and ``params``, the
scenario parameter keys it uses (see :mod:`engine.explain` for the key patterns).
``PARAM_LABELS`` names parameters in both languages, keyed without the entity id
(``firms.capacity``, ``models.price_cny``, ``consumer_types.alpha``).
"""

from .scenario.schema import Text as T

_DEMAND = ("market.potential_buyers", "market.growth_per_quarter", "market.seasonality", "market.wait_penalty",
           "consumer_types.*.weight", "consumer_types.*.alpha", "consumer_types.*.autonomy",
           "consumer_types.*.brand", "consumer_types.*.ecosystem", "consumer_types.*.premium",
           "models.{model}.quality", "firms.{firm}.export_ratio")
_COST = ("battery.index_cny_per_kwh", "battery.learning_rate", "battery.lithium_share", "models.{model}.battery_kwh",
         "models.{model}.body_cost_cny", "model.body_learning_rate", "model.body_reference_units",
         "model.automation_saving", "firms.{firm}.automation", "models.{model}.autonomy_hw_cny", "model.chip_hw_saving",
         "model.vat_rate")
_PNL = ("model.vat_rate", "firms.{firm}.base_rnd_cny", "firms.{firm}.base_sga_cny", "firms.{firm}.selling_cost_per_car_cny",
        "model.labour_cost_per_unit_shift_cny", "model.depreciation_rate", "model.services_margin",
        "firms.{firm}.cross_sell_margin")

CATALOGUE = {
    "market_share": {
        "title": T("Market share", "市场份额"),
        "equation": T(
            "Each consumer type picks among all models on sale and the outside option (petrol cars, other brands, "
            "not buying) by a logit choice: the utility of a model is its design quality plus what the type values "
            "in autonomy, brand and ecosystem, minus its price sensitivity times the price it pays (and a penalty "
            "above the brand's credible price). Share = a firm's domestic deliveries ÷ all cars sold in China "
            "(modelled firms plus the outside buyers who buy another car).",
            "每类消费者在所有在售车型与“外部选项”（燃油车、其他品牌、暂不购车）之间按 logit 模型选择：车型效用 = 设计品质 + "
            "该类消费者对智驾、品牌和生态的偏好 − 价格敏感度 × 实付价格（超出品牌可信价格另有惩罚）。份额 = 某企业国内交付量 ÷ "
            "全国乘用车销量（模型内企业加上购买其他汽车的外部买家）。"),
        "params": _DEMAND + ("market.other_car_share",),
    },
    "orders": {
        "title": T("Orders", "订单"),
        "equation": T(
            "Orders of a model = potential buyers this quarter (trend × season × a demand shock) × Σ over consumer "
            "types of (type weight × logit choice share of the model) × event effects × a model-level shock (× the "
            "part of its launch quarter it is on sale), plus exports (a firm's export ratio, less tariffs) and launch hype for a new model.",
            "车型订单 = 本季潜在购车人数（趋势 × 季节 × 需求冲击）× Σ各类消费者（类型权重 × 该车型的 logit 选择份额）× 事件影响 × "
            "车型层面冲击（上市当季再乘以在售时间占比），加上出口（企业出口比例，扣除关税影响）和新车上市热度订单。"),
        "params": _DEMAND + ("models.{model}.hype_orders", "models.{model}.first_quarter_share"),
    },
    "deliveries_capacity": {
        "title": T("Deliveries versus capacity", "交付与产能"),
        "equation": T(
            "Output capacity = one-shift nameplate (fully ramped plants plus ramping plants at their ramp "
            "efficiency) × the output multiple of the shifts worked. Production = your targets, scaled down to "
            "output capacity. Deliveries = min(orders + backlog, production + inventory). Unfilled orders wait; "
            "each quarter a share of the backlog is cancelled, more when the wait is long.",
            "产出能力 = 单班名义产能（已爬坡完成的工厂 + 爬坡中工厂 × 爬坡效率）× 所选班次的产出倍数。产量 = 你的生产目标，超出产出能力时按比例压缩。"
            "交付 = min（订单 + 积压订单，产量 + 库存）。未满足的订单进入等待，每季有一部分积压订单被取消，等待越久取消越多。"),
        "params": ("firms.{firm}.capacity", "model.shift_output", "model.ramp", "market.attrition_base",
                   "market.attrition_per_wait", "market.attrition_max", "firms.{firm}.expansion_lead_quarters"),
    },
    "price": {
        "title": T("List prices", "指导价"),
        "equation": T(
            "Your models' list prices are your decisions. The market average is the delivery-weighted average "
            "transaction price of all modelled firms (list price minus incentives). Rival AIs set prices by the "
            "Bertrand–Nash best response of the same demand model, shaded by their doctrine and moved at most "
            "6% a quarter.",
            "你的车型指导价由你决定。市场均价 = 所有模型内企业按交付量加权的成交均价（指导价减去优惠）。对手 AI 依据同一需求模型的"
            "伯特兰–纳什最优反应定价，并按各自战略风格调整，每季变动不超过 6%。"),
        "params": ("models.{model}.price_cny", "firms.*.doctrine.price_aggressiveness"),
    },
    "unit_cost": {
        "title": T("Unit cost", "单车成本"),
        "equation": T(
            "Unit cost (in list-price terms, including VAT) = battery (kWh × the market pack price, which falls by the learning rate per doubling of "
            "global volume and swings with lithium) + body and assembly (falls with your cumulative output by Wright's law, "
            "less the automation saving) + autonomy hardware (less the saving of an in-house chip once it succeeds).",
            "单车成本（按指导价口径，含增值税）= 电池（电量 kWh × 市场电池包价格指数；全球累计产量每翻一番按学习率下降，并随锂价波动）+ 车身与装配（按赖特定律随你的累计产量下降，"
            "再扣除自动化节省）+ 智驾硬件（自研芯片成功后按比例节省）。"),
        "params": _COST,
    },
    "margin_per_car": {
        "title": T("Margin per car at this price", "此价格下的单车毛利"),
        "equation": T(
            "Margin per car = list price − incentive − estimated unit cost this quarter (battery index, your "
            "learning curve, automation and chip as they stand now). Plant labour, depreciation and the per-car "
            "selling cost come on top in the P&L.",
            "单车毛利 = 指导价 − 优惠 − 本季预估单车成本（按当前电池价格指数、学习曲线、自动化与芯片状况）。工厂人工、折旧和每车销售费用在损益表中另计。"),
        "params": _COST + ("firms.{firm}.selling_cost_per_car_cny",),
    },
    "gross_margin": {
        "title": T("Gross margin", "毛利率"),
        "equation": T(
            "Gross margin = (revenue − cost of sales) ÷ revenue, both net of VAT. Revenue = cars delivered × "
            "(price − incentive) + "
            "connected services + ecosystem devices sold to new owners. Cost of sales = cars delivered at their "
            "average production cost + plant labour per shift + depreciation + inventory holding + the cost of "
            "services and devices + recalls.",
            "毛利率 =（收入 − 销售成本）÷ 收入，均不含增值税。收入 = 交付量 ×（价格 − 优惠）+ 车联网服务 + 新车主购买的生态设备。销售成本 = 交付车辆的平均生产成本 + "
            "按班次计的工厂人工 + 折旧 + 库存持有成本 + 服务与设备成本 + 召回。"),
        "params": _PNL + ("market.holding_cost_rate",),
    },
    "operating_profit": {
        "title": T("Operating profit", "经营利润"),
        "equation": T(
            "Operating profit = gross profit − R&D (base vehicle engineering + autonomy + chip + development of new "
            "models) − selling and admin (base costs + ecosystem and marketing budgets + bundle subsidies + "
            "selling cost per car).",
            "经营利润 = 毛利 − 研发（整车基础研发 + 智驾 + 芯片 + 新车型开发）− 销售及管理费用（基础费用 + 生态与营销预算 + 捆绑补贴 + 每车销售费用）。"),
        "params": _PNL,
    },
    "cash": {
        "title": T("Cash and debt", "现金与负债"),
        "equation": T(
            "Cash next quarter = cash + revenue − cash costs (production as built, labour, services, R&D, selling "
            "and admin) − capex on capacity under construction − interest + financing (parent support, equity "
            "net of fees, borrowing). If cash would fall below zero, emergency debt is raised at a fee and the "
            "brand is hit; several such quarters in a row and the firm exits.",
            "下季现金 = 现金 + 收入 − 现金成本（按生产计的制造成本、人工、服务、研发、销售及管理）− 在建产能资本开支 − 利息 + 融资（母公司支持、"
            "扣除费用后的股权融资、借款）。若现金将跌破零，则以较高费用获得紧急贷款并损伤品牌；连续多个季度如此，企业退出市场。"),
        "params": ("firms.{firm}.cash_cny", "firms.{firm}.capex_per_unit_cny", "firms.{firm}.interest_rate",
                   "model.distress_fee", "model.distress_brand_hit", "model.exit_after_quarters"),
    },
    "cash_after_plan": {
        "title": T("Projected result of this plan", "本方案的预计结果"),
        "equation": T(
            "The engine plays the coming quarter 64 times with your draft and the rivals' likely responses (each "
            "rival AI decides on public information), drawing demand, lithium, autonomy and event luck each time. "
            "The figures are the medians of those 64 futures; the preview shows their spread.",
            "引擎以你的草案和对手的可能应对（各对手 AI 只依据公开信息决策）将下一季度模拟 64 次，每次抽取需求、锂价、智驾进展和事件的随机性。"
            "显示的数字是这 64 个未来的中位数；预测页展示其分布范围。"),
        "params": ("market.demand_noise_sd", "market.model_noise_sd", "battery.lithium_sd", "model.autonomy_noise_sd"),
    },
    "capacity_order": {
        "title": T("Capacity expansion", "产能扩张"),
        "equation": T(
            "Capacity you order now is built for the firm's lead time, paid as capex spread over those quarters, "
            "then ramps up through the ramp efficiencies before it counts in full. It is one-shift capacity: more "
            "shifts multiply it.",
            "本季订购的产能需经过企业的建设周期，资本开支在建设期内分摊支付；投产后按爬坡效率逐步达产，之后才全额计入。这是单班产能，增加班次可成倍提高产出。"),
        "params": ("firms.{firm}.expansion_lead_quarters", "firms.{firm}.capex_per_unit_cny", "model.ramp",
                   "model.shift_output", "model.depreciation_rate"),
    },
    "shifts": {
        "title": T("Shifts", "班次"),
        "equation": T(
            "Output = one-shift nameplate × the output multiple of 1, 2 or 3 shifts. Labour and plant cost = "
            "cost per unit of one-shift capacity × nameplate × shifts, paid whether or not the cars sell.",
            "产出 = 单班名义产能 × 1、2 或 3 班的产出倍数。人工与工厂成本 = 单位单班产能成本 × 名义产能 × 班次数；无论车是否卖出都要支付。"),
        "params": ("model.shift_output", "model.labour_cost_per_unit_shift_cny"),
    },
    "autonomy": {
        "title": T("Autonomy race", "智驾竞赛"),
        "equation": T(
            "Capability (0–5: assistance, highway NOA, city NOA, nationwide end-to-end, L3) grows each quarter by "
            "rate × √(team ÷ reference team) × (1 + flywheel × ln(1 + fleet km ÷ reference km)) × (1 − level ÷ 5), "
            "with random luck, rare breakthroughs and setbacks. The team moves towards what the budget funds. "
            "Regulators cap the level that may be sold.",
            "智驾能力（0–5：辅助驾驶、高速领航、城市领航、全国端到端、L3）每季增长 = 速率 × √（团队 ÷ 参考团队）× （1 + 数据飞轮 × ln（1 + 车队里程 ÷ 参考里程））"
            "× （1 − 等级 ÷ 5），并带有随机波动、偶尔的突破与挫折。团队规模向预算可支撑的人数靠拢。监管限制可销售的等级上限。"),
        "params": ("model.autonomy_rate", "model.autonomy_team_reference", "model.engineer_cost_cny",
                   "model.hiring_speed", "model.flywheel", "model.flywheel_reference_km", "model.km_per_car",
                   "model.breakthrough_prob", "model.setback_prob", "model.regulatory_cap", "firms.{firm}.autonomy",
                   "firms.{firm}.autonomy_team"),
    },
    "chip": {
        "title": T("In-house chip programme", "自研芯片计划"),
        "equation": T(
            "Each quarter with a chip budget, the programme succeeds with probability 1 − exp(−(cumulative spend − "
            "minimum spend) ÷ scale). Success cuts autonomy hardware cost and adds capability; pausing keeps the "
            "spend so far.",
            "在有芯片预算的季度，成功概率 = 1 − exp（−（累计投入 − 最低投入）÷ 规模参数）。成功后智驾硬件成本下降并提升能力；暂停不会损失已有投入。"),
        "params": ("model.chip_min_spend_cny", "model.chip_scale_cny", "model.chip_hw_saving", "model.chip_capability",
                   "firms.{firm}.chip_spend_cny"),
    },
    "ecosystem_users": {
        "title": T("Ecosystem users", "生态用户"),
        "equation": T(
            "Ecosystem users = people in the firm's device ecosystem (phones, home devices, OS; growing at its own "
            "rate) + its cars on the road. Households living in an ecosystem value a car more by its integration "
            "level: integration' = integration × (1 − decay) + (1 − integration) × (1 − exp(−budget ÷ scale)).",
            "生态用户 = 企业设备生态中的用户（手机、家居设备、操作系统，按自身速度增长）+ 在路上的保有车辆。生活在某一生态中的家庭会按整合程度更看重该车："
            "下季整合度 = 整合度 ×（1 − 衰减）+（1 − 整合度）×（1 − exp（−预算 ÷ 规模参数））。"),
        "params": ("ecosystems.*.users_m", "ecosystems.*.growth_per_quarter", "model.integration_scale_cny",
                   "model.integration_decay", "consumer_types.*.ecosystem", "firms.{firm}.installed_base"),
    },
    "services": {
        "title": T("Connected services and cross-sell", "车联网服务与交叉销售"),
        "equation": T(
            "Services revenue = cars on the road × attach rate × revenue per car × (1 + headroom × services "
            "quality). Attach rate = base + integration × weight + autonomy level × weight, capped. New owners "
            "buy ecosystem devices: deliveries × spend per owner × (0.5 + integration), more with a bundle subsidy.",
            "服务收入 = 保有车辆 × 付费率 × 单车服务收入 ×（1 + 提升空间 × 服务质量）。付费率 = 基础值 + 整合度 × 权重 + 智驾等级 × 权重（有上限）。"
            "新车主会购买生态设备：交付量 × 每位车主支出 ×（0.5 + 整合度），捆绑补贴越高买得越多。"),
        "params": ("model.attach_base", "model.attach_integration", "model.attach_autonomy", "model.attach_max",
                   "model.services_margin", "model.services_budget_scale_cny", "model.services_arpu_headroom",
                   "firms.{firm}.services_arpu_cny", "firms.{firm}.cross_sell_cny", "model.bundle_attach_gain",
                   "model.bundle_utility"),
    },
    "closed_loop": {
        "title": T("Closed-loop ratio", "闭环比例"),
        "equation": T(
            "Closed-loop ratio = ecosystem gross profit ÷ (car gross profit + ecosystem gross profit), losses "
            "counted as zero. Ecosystem gross profit = services and cross-sell revenue less their costs. The "
            "seed's thesis: this share, plus efficiency, lets thin car margins pay.",
            "闭环比例 = 生态毛利 ÷（整车毛利 + 生态毛利），亏损按零计。生态毛利 = 服务与交叉销售收入减去其成本。原文的核心论点：这一比例加上效率，"
            "能让微薄的整车利润也能赚钱。"),
        "params": ("model.services_margin", "firms.{firm}.cross_sell_margin", "firms.{firm}.services_arpu_cny",
                   "firms.{firm}.cross_sell_cny"),
    },
    "charging": {
        "title": T("Charging network", "充电网络"),
        "equation": T(
            "The charging stock grows with the budget and decays a little each quarter; buyers value it up to a "
            "ceiling: effect × (1 − exp(−stock ÷ scale)).",
            "充电网络存量随预算增长、每季略有衰减；消费者对其的评价有上限：效果 ×（1 − exp（−存量 ÷ 规模参数））。"),
        "params": ("market.charging_effect", "market.charging_scale_cny", "market.charging_decay"),
    },
    "brand": {
        "title": T("Brand and marketing", "品牌与营销"),
        "equation": T(
            "Brand' = brand × (1 − decay) + gain × ln(1 + marketing ÷ scale) + delivery gain × ln(1 + deliveries ÷ "
            "10,000) + events + noise. The credible price (brand ceiling) drifts towards floor + price per unit of "
            "brand, and rises when you sell many cars above it.",
            "下季品牌 = 品牌 ×（1 − 衰减）+ 增益 × ln（1 + 营销 ÷ 规模参数）+ 交付增益 × ln（1 + 交付量 ÷ 10,000）+ 事件 + 随机波动。"
            "可信价格（品牌天花板）向“底价 + 每单位品牌对应价格”靠拢，且在高于天花板的价格上大量售出时会上升。"),
        "params": ("model.brand_decay", "model.brand_marketing_gain", "model.brand_marketing_scale_cny",
                   "model.brand_delivery_gain", "model.ceiling_speed", "model.ceiling_per_brand_cny",
                   "model.ceiling_floor_cny", "model.premium_success_gain", "firms.{firm}.brand",
                   "firms.{firm}.brand_ceiling_cny"),
    },
    "financing": {
        "title": T("Financing", "融资"),
        "equation": T(
            "Parent support is granted up to its quarterly cap and the remaining line; equity up to the quarterly "
            "cap, less the issuance fee; new debt up to a multiple of annualised revenue (negative amounts repay "
            "debt from cash). Interest is paid quarterly on debt.",
            "母公司支持按季度上限与剩余额度发放；股权融资不超过季度上限，并扣除发行费用；新增借款不超过年化收入的一定倍数（负数表示用现金还款）。"
            "负债按季付息。"),
        "params": ("firms.{firm}.parent_support_cny", "firms.{firm}.parent_support_per_quarter_cny",
                   "firms.{firm}.equity_per_quarter_cny", "model.equity_fee", "model.max_leverage",
                   "firms.{firm}.interest_rate"),
    },
    "launches": {
        "title": T("New model launches", "新车型上市"),
        "equation": T(
            "Starting development spends the development cost evenly over the development quarters; the model "
            "goes on sale after them (not before its earliest quarter) with a burst of launch orders.",
            "启动开发后，开发费用在开发周期内平均支出；开发完成后（且不早于最早上市季度）车型开售，并带来一波上市订单。"),
        "params": ("models.{model}.dev_cost_cny", "models.{model}.dev_quarters", "models.{model}.hype_orders",
                   "models.{model}.first_quarter_share", "models.{model}.price_cny"),
    },
    "waterfall": {
        "title": T("What changed and why (driver waterfall)", "变化及原因（驱动因素瀑布图）"),
        "equation": T(
            "The demand model and the P&L are re-run with every combination of causes switched from last "
            "quarter's values to this quarter's: own prices, rivals' prices, brand, autonomy, ecosystem, events, "
            "capacity (production, waits, plant costs), market size and luck, launches, unit costs and spending. "
            "Each bar is that cause's average effect over every order of switching (its Shapley value); the bars "
            "add up to the change.",
            "将需求模型与损益表重新计算：把各项原因从上季度的数值逐一切换为本季度的数值，并遍历所有组合——自身价格、对手价格、品牌、智驾、生态、事件、"
            "产能（产量、等待、工厂成本）、市场规模与运气、新车上市、单车成本和费用支出。每根柱子是该原因在所有切换顺序下的平均影响（沙普利值），各柱之和等于总变化。"),
        "params": _DEMAND,
    },
    "forecast": {
        "title": T("Preview: fan charts", "预测：扇形图"),
        "equation": T(
            "The engine plays many futures of the coming quarters from today's state: your draft this quarter "
            "(and, if you choose, in every quarter), rivals deciding each quarter on public information, and "
            "fresh luck in every future. Bands show the 5th to 95th percentile over futures, the line the median.",
            "引擎从当前状态出发模拟未来若干季度的大量情景：本季度采用你的草案（可选择在每个季度都沿用），对手每季只依据公开信息决策，每个情景都有各自的随机性。"
            "色带表示各情景的第 5 至第 95 百分位，线条为中位数。"),
        "params": ("market.demand_noise_sd", "market.model_noise_sd", "battery.lithium_sd", "model.autonomy_noise_sd",
                   "model.brand_noise_sd"),
    },
    "objective_probability": {
        "title": T("Chance of meeting the objectives", "达成目标的概率"),
        "equation": T(
            "Share of the preview's futures in which every scenario objective is met by the last forecast "
            "quarter (for 'never run out of cash', not failed). Objectives due after the horizon count as not met.",
            "在预测的所有情景中，截至最后一个预测季度所有场景目标都已达成（“现金流不断裂”类目标为未失败）的比例。截止期在预测范围之后的目标按未达成计。"),
        "params": ("objectives.*.threshold",),
    },
    "scorecard": {
        "title": T("Balanced scorecard", "平衡计分卡"),
        "equation": T(
            "Seven metrics in 0–1: market share against what your starting capacity implies, smoothed operating "
            "margin, cash cover, autonomy level ÷ 5, closed-loop ratio × 3, brand ÷ 2 and valuation growth. Score "
            "= weighted average × 100, plus points for each objective met.",
            "七项指标（0–1）：相对于初始产能所对应份额的市场份额、平滑后的经营利润率、现金覆盖、智驾等级 ÷ 5、闭环比例 × 3、品牌 ÷ 2、估值增长。"
            "得分 = 加权平均 × 100，每达成一个目标另加分。"),
        "params": ("scoring.share", "scoring.operating_margin", "scoring.cash", "scoring.autonomy", "scoring.ecosystem",
                   "scoring.brand", "scoring.valuation", "scoring.objectives", "model.valuation_revenue_multiple",
                   "model.valuation_growth_multiple", "model.valuation_margin_multiple", "model.valuation_per_user_cny"),
    },
    "rivals": {
        "title": T("Rivals (public information)", "对手（公开信息）"),
        "equation": T(
            "What any analyst could know: last quarter's deliveries and market share, average transaction price, "
            "announced capacity (built and under construction) and the autonomy level each firm markets. Rival "
            "AIs see the same about you, never your pending decisions.",
            "任何分析师都能获得的信息：上季度交付量与市场份额、平均成交价、已公布产能（已建成与在建）以及各企业宣传的智驾等级。"
            "对手 AI 看到的关于你的信息也是如此，永远看不到你尚未提交的决策。"),
        "params": ("firms.*.doctrine.profit_weight", "firms.*.doctrine.share_weight", "firms.*.doctrine.capacity_appetite"),
    },
    "news": {
        "title": T("News and events", "新闻与事件"),
        "equation": T(
            "Each quarter an event fires when its window and conditions hold and a random draw falls below its "
            "probability (scheduled events fire for certain); it then runs for its duration. Rivals' price moves "
            "of more than 3% are reported too.",
            "每个季度，当事件处于时间窗口且条件满足、随机抽签低于其概率时触发（预定事件必然触发），随后持续其设定的季度数。对手超过 3% 的价格变动也会被报道。"),
        "params": ("events.*.probability", "events.*.duration"),
    },
}

PARAM_LABELS = {
    "market.potential_buyers": T("Potential buyers per quarter", "每季潜在购车人数"),
    "market.growth_per_quarter": T("Market growth per quarter", "市场季度增长率"),
    "market.seasonality": T("Seasonality Q1–Q4", "季节系数（一至四季度）"),
    "market.wait_penalty": T("Utility lost per quarter of waiting", "每等待一季的效用损失"),
    "market.other_car_share": T("Outside choosers who buy another car", "选择外部选项者中购买其他汽车的比例"),
    "market.attrition_base": T("Backlog cancelled per quarter", "每季积压订单取消比例"),
    "market.attrition_per_wait": T("Extra cancellation per quarter of wait", "每多等待一季的额外取消比例"),
    "market.attrition_max": T("Cancellation cap", "取消比例上限"),
    "market.holding_cost_rate": T("Inventory holding cost per quarter", "每季库存持有成本率"),
    "market.demand_noise_sd": T("Demand shock (log s.d.)", "需求冲击（对数标准差）"),
    "market.model_noise_sd": T("Model-level shock (log s.d.)", "车型层面冲击（对数标准差）"),
    "market.charging_effect": T("Utility of a full charging network", "充电网络饱和时的效用"),
    "market.charging_scale_cny": T("Charging stock for 63% of the effect", "达到 63% 效果所需的充电存量"),
    "market.charging_decay": T("Charging stock decay per quarter", "充电存量每季衰减"),
    "battery.index_cny_per_kwh": T("Battery pack price index at start", "期初电池包价格指数"),
    "battery.learning_rate": T("Battery cost fall per doubling", "产量每翻一番电池成本降幅"),
    "battery.lithium_share": T("Share of pack cost moving with lithium", "随锂价波动的电池成本占比"),
    "battery.lithium_sd": T("Lithium price swing (log s.d.)", "锂价波动（对数标准差）"),
    "consumer_types.weight": T("Weight", "权重"),
    "consumer_types.alpha": T("Price sensitivity", "价格敏感度"),
    "consumer_types.autonomy": T("Value of autonomy", "对智驾的偏好"),
    "consumer_types.brand": T("Value of brand", "对品牌的偏好"),
    "consumer_types.ecosystem": T("Value of full ecosystem integration", "对完整生态整合的偏好"),
    "consumer_types.premium": T("Extra price sensitivity above the brand ceiling", "超出品牌天花板后的额外价格敏感度"),
    "models.quality": T("Design quality", "设计品质"),
    "models.price_cny": T("Starting list price", "初始指导价"),
    "models.battery_kwh": T("Battery", "电池电量"),
    "models.body_cost_cny": T("Body and assembly cost", "车身与装配成本"),
    "models.autonomy_hw_cny": T("Autonomy hardware", "智驾硬件成本"),
    "models.hype_orders": T("Launch orders", "上市订单"),
    "models.first_quarter_share": T("Share of the launch quarter on sale", "上市当季的在售时间占比"),
    "model.vat_rate": T("VAT included in list prices", "指导价所含增值税率"),
    "models.dev_cost_cny": T("Development cost", "开发费用"),
    "models.dev_quarters": T("Development time", "开发周期"),
    "firms.export_ratio": T("Export orders per domestic order", "出口与国内订单之比"),
    "firms.automation": T("Automation level", "自动化水平"),
    "firms.capacity": T("One-shift capacity at start", "期初单班产能"),
    "firms.expansion_lead_quarters": T("Construction lead time", "产能建设周期"),
    "firms.capex_per_unit_cny": T("Capex per unit of quarterly capacity", "单位季度产能资本开支"),
    "firms.cash_cny": T("Cash at start", "期初现金"),
    "firms.interest_rate": T("Interest rate", "利率"),
    "firms.base_rnd_cny": T("Base R&D", "基础研发费用"),
    "firms.base_sga_cny": T("Base selling and admin", "基础销售及管理费用"),
    "firms.selling_cost_per_car_cny": T("Selling cost per car", "每车销售费用"),
    "firms.cross_sell_margin": T("Device cross-sell margin", "生态设备交叉销售毛利率"),
    "firms.cross_sell_cny": T("Device spend per new owner", "每位新车主的设备支出"),
    "firms.services_arpu_cny": T("Services revenue per attached car", "每辆付费车的服务收入"),
    "firms.autonomy": T("Autonomy level at start", "期初智驾等级"),
    "firms.autonomy_team": T("Autonomy team at start", "期初智驾团队"),
    "firms.chip_spend_cny": T("Chip spend before the start", "期初芯片累计投入"),
    "firms.installed_base": T("Cars on the road at start", "期初保有量"),
    "firms.brand": T("Brand equity at start", "期初品牌资产"),
    "firms.brand_ceiling_cny": T("Brand ceiling at start", "期初品牌天花板"),
    "firms.parent_support_cny": T("Parent support line", "母公司支持总额度"),
    "firms.parent_support_per_quarter_cny": T("Parent support per quarter", "每季母公司支持上限"),
    "firms.equity_per_quarter_cny": T("Largest equity raise per quarter", "每季股权融资上限"),
    "firms.doctrine.price_aggressiveness": T("Price aggressiveness", "价格进攻性"),
    "firms.doctrine.profit_weight": T("Weight on profit", "利润权重"),
    "firms.doctrine.share_weight": T("Weight on share", "份额权重"),
    "firms.doctrine.capacity_appetite": T("Capacity appetite", "产能扩张意愿"),
    "ecosystems.users_m": T("Device users (millions)", "设备用户（百万）"),
    "ecosystems.growth_per_quarter": T("User growth per quarter", "用户季度增长率"),
    "events.probability": T("Chance per quarter", "每季触发概率"),
    "events.duration": T("Duration", "持续时间"),
    "objectives.threshold": T("Threshold", "目标阈值"),
    "model.shift_output": T("Output multiple with 1, 2, 3 shifts", "1、2、3 班的产出倍数"),
    "model.ramp": T("Ramp-up efficiency by quarter", "各季度爬坡效率"),
    "model.body_learning_rate": T("Body cost fall per doubling of output", "产量每翻一番车身成本降幅"),
    "model.body_reference_units": T("Output at which body cost applies", "车身成本对应的累计产量"),
    "model.automation_saving": T("Saving at full automation", "完全自动化的成本节省"),
    "model.labour_cost_per_unit_shift_cny": T("Labour per unit of capacity per shift", "每单位产能每班人工成本"),
    "model.chip_hw_saving": T("Hardware saving of an own chip", "自研芯片的硬件成本节省"),
    "model.depreciation_rate": T("Depreciation per quarter", "每季折旧率"),
    "model.services_margin": T("Services margin", "服务毛利率"),
    "model.autonomy_rate": T("Progress rate of a reference team", "参考团队的进展速率"),
    "model.autonomy_team_reference": T("Reference team", "参考团队规模"),
    "model.engineer_cost_cny": T("Cost of one engineer per quarter", "每名工程师每季成本"),
    "model.hiring_speed": T("Hiring speed", "招聘速度"),
    "model.flywheel": T("Data flywheel strength", "数据飞轮强度"),
    "model.flywheel_reference_km": T("Reference fleet km per quarter", "参考车队季度里程"),
    "model.km_per_car": T("Km per car per quarter", "每车每季行驶里程"),
    "model.autonomy_noise_sd": T("Progress luck (log s.d.)", "研发进展波动（对数标准差）"),
    "model.brand_noise_sd": T("Brand noise", "品牌随机波动"),
    "model.breakthrough_prob": T("Breakthrough chance", "突破概率"),
    "model.setback_prob": T("Setback chance", "挫折概率"),
    "model.regulatory_cap": T("Highest level regulators allow", "监管允许的最高等级"),
    "model.chip_min_spend_cny": T("Minimum chip spend before success", "芯片成功前的最低累计投入"),
    "model.chip_scale_cny": T("Chip success spend scale", "芯片成功概率的投入规模"),
    "model.chip_capability": T("Capability added by the chip", "芯片带来的能力提升"),
    "model.integration_scale_cny": T("Integration spend scale", "生态整合投入规模"),
    "model.integration_decay": T("Integration decay per quarter", "整合度每季衰减"),
    "model.attach_base": T("Base attach rate", "基础付费率"),
    "model.attach_integration": T("Attach rate from integration", "整合带来的付费率"),
    "model.attach_autonomy": T("Attach rate per autonomy level", "每级智驾带来的付费率"),
    "model.attach_max": T("Attach rate cap", "付费率上限"),
    "model.services_budget_scale_cny": T("Services spend scale", "服务投入规模"),
    "model.services_arpu_headroom": T("Services revenue headroom", "服务收入提升空间"),
    "model.bundle_attach_gain": T("Cross-sell uplift per 10k bundle", "每 1 万元捆绑补贴的交叉销售提升"),
    "model.bundle_utility": T("Buyer value per 10k bundle", "每 1 万元捆绑补贴的购车者效用"),
    "model.brand_decay": T("Brand decay per quarter", "品牌每季衰减"),
    "model.brand_marketing_gain": T("Brand gain from marketing", "营销带来的品牌提升"),
    "model.brand_marketing_scale_cny": T("Marketing scale", "营销投入规模"),
    "model.brand_delivery_gain": T("Brand gain from deliveries", "交付带来的品牌提升"),
    "model.ceiling_speed": T("Ceiling adjustment speed", "天花板调整速度"),
    "model.ceiling_per_brand_cny": T("Credible price per unit of brand", "每单位品牌对应的可信价格"),
    "model.ceiling_floor_cny": T("Ceiling floor", "天花板底价"),
    "model.premium_success_gain": T("Ceiling gain from premium sales", "高价销售带来的天花板提升"),
    "model.distress_fee": T("Emergency financing fee", "紧急融资费用"),
    "model.distress_brand_hit": T("Brand hit in distress", "财务困境的品牌损伤"),
    "model.exit_after_quarters": T("Distressed quarters before exit", "退出前连续困境季度数"),
    "model.equity_fee": T("Equity issuance fee", "股权发行费用"),
    "model.max_leverage": T("Debt cap (× annual revenue)", "负债上限（× 年收入）"),
    "model.valuation_revenue_multiple": T("Valuation: revenue multiple", "估值：收入倍数"),
    "model.valuation_growth_multiple": T("Valuation: growth multiple", "估值：增长倍数"),
    "model.valuation_margin_multiple": T("Valuation: margin multiple", "估值：利润率倍数"),
    "model.valuation_per_user_cny": T("Valuation per connected car", "每辆联网车的估值"),
    "scoring.share": T("Weight: market share", "权重：市场份额"),
    "scoring.operating_margin": T("Weight: operating margin", "权重：经营利润率"),
    "scoring.cash": T("Weight: cash", "权重：现金"),
    "scoring.autonomy": T("Weight: autonomy", "权重：智驾"),
    "scoring.ecosystem": T("Weight: ecosystem", "权重：生态"),
    "scoring.brand": T("Weight: brand", "权重：品牌"),
    "scoring.valuation": T("Weight: valuation", "权重：估值"),
    "scoring.objectives": T("Points per objective met", "每达成一个目标的加分"),
}
