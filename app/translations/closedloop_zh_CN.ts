<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Autonomy</name>
    <message>
        <source>Driver assistance</source>
        <translation>辅助驾驶</translation>
    </message>
    <message>
        <source>Highway NOA</source>
        <translation>高速领航</translation>
    </message>
    <message>
        <source>City NOA</source>
        <translation>城市领航</translation>
    </message>
    <message>
        <source>Nationwide end-to-end</source>
        <translation>全国端到端</translation>
    </message>
    <message>
        <source>L3</source>
        <translation>L3 有条件自动驾驶</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>PNG</source>
        <translation>PNG</translation>
    </message>
    <message>
        <source>Save this chart as a PNG image</source>
        <translation>将此图表保存为 PNG 图片</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Market</source>
        <translation>市场</translation>
    </message>
    <message>
        <source>Market share</source>
        <translation>市场份额</translation>
    </message>
    <message>
        <source>Your deliveries vs capacity</source>
        <translation>你的交付与产能</translation>
    </message>
    <message>
        <source>Your prices vs the market</source>
        <translation>你的价格与市场均价</translation>
    </message>
    <message>
        <source>Your unit cost</source>
        <translation>你的单车成本</translation>
    </message>
    <message>
        <source>Money</source>
        <translation>财务</translation>
    </message>
    <message>
        <source>Gross margin</source>
        <translation>毛利率</translation>
    </message>
    <message>
        <source>Operating profit</source>
        <translation>经营利润</translation>
    </message>
    <message>
        <source>Your cash and debt</source>
        <translation>你的现金与负债</translation>
    </message>
    <message>
        <source>Closed-loop ratio</source>
        <translation>闭环比例</translation>
    </message>
    <message>
        <source>Technology &amp; ecosystem</source>
        <translation>技术与生态</translation>
    </message>
    <message>
        <source>Autonomy race (level 0–5)</source>
        <translation>智驾竞赛（0–5 级）</translation>
    </message>
    <message>
        <source>Ecosystem users (log scale)</source>
        <translation>生态用户（对数坐标）</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>交付</translation>
    </message>
    <message>
        <source>Output capacity</source>
        <translation>产出能力</translation>
    </message>
    <message>
        <source>Market average</source>
        <translation>市场均价</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Debt</source>
        <translation>负债</translation>
    </message>
</context>
<context>
    <name>Debrief</name>
    <message>
        <source>Deliveries per quarter</source>
        <translation>每季度交付量</translation>
    </message>
    <message>
        <source>Operating profit per quarter</source>
        <translation>每季度经营利润</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Market share</source>
        <translation>市场份额</translation>
    </message>
    <message>
        <source>Balanced scorecard score (0–100)</source>
        <translation>平衡计分卡得分（0–100）</translation>
    </message>
    <message>
        <source>Average list price (first quarter = 100)</source>
        <translation>平均指导价（首季度 = 100）</translation>
    </message>
    <message>
        <source>Forecast accuracy (0–100)</source>
        <translation>预测准确度（0–100）</translation>
    </message>
    <message>
        <source>Score as played against the same decisions in other worlds</source>
        <translation>实际得分与同样决策在其他世界中的得分对比</translation>
    </message>
    <message>
        <source>luck %1</source>
        <translation>运气 %1</translation>
    </message>
    <message>
        <source>Workshop debrief</source>
        <translation>工作坊复盘</translation>
    </message>
    <message>
        <source>%1 quarters (%2 to %3), %4 teams; written %5.</source>
        <translation>%1 个季度（%2 至 %3），%4 支队伍；生成于 %5。</translation>
    </message>
    <message>
        <source>Final standings</source>
        <translation>最终排名</translation>
    </message>
    <message>
        <source>Firm</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Trajectories</source>
        <translation>发展轨迹</translation>
    </message>
    <message>
        <source>Teams are drawn bold (★), AI rivals thin and dashed.</source>
        <translation>队伍用粗线（★）表示，AI 对手用细虚线表示。</translation>
    </message>
    <message>
        <source>Turning points</source>
        <translation>转折点</translation>
    </message>
    <message>
        <source>For each team, the quarters with the largest change of operating profit and the three causes that moved it most (a driver decomposition of the model).</source>
        <translation>每支队伍经营利润变化最大的季度，以及影响最大的三个原因（模型的驱动因素分解）。</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>之前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>之后</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Largest causes</source>
        <translation>主要原因</translation>
    </message>
    <message>
        <source>How the teams decided</source>
        <translation>各队的决策</translation>
    </message>
    <message>
        <source>Marketing / quarter</source>
        <translation>营销 / 季度</translation>
    </message>
    <message>
        <source>Autonomy and chip / quarter</source>
        <translation>智驾与芯片 / 季度</translation>
    </message>
    <message>
        <source>Ecosystem / quarter</source>
        <translation>生态 / 季度</translation>
    </message>
    <message>
        <source>Incentive per car</source>
        <translation>单车优惠</translation>
    </message>
    <message>
        <source>Capacity ordered</source>
        <translation>新增产能订单</translation>
    </message>
    <message>
        <source>Shifts (mean)</source>
        <translation>班次（平均）</translation>
    </message>
    <message>
        <source>Financing raised</source>
        <translation>融资总额</translation>
    </message>
    <message>
        <source>Launches</source>
        <translation>新车上市</translation>
    </message>
    <message>
        <source>Forecast accuracy</source>
        <translation>预测准确度</translation>
    </message>
    <message>
        <source>Deliveries forecast</source>
        <translation>交付预测</translation>
    </message>
    <message>
        <source>actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>Profit forecast</source>
        <translation>利润预测</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Mean accuracy</source>
        <translation>平均准确度</translation>
    </message>
    <message>
        <source>Luck versus skill</source>
        <translation>运气与实力</translation>
    </message>
    <message>
        <source>Each team&apos;s recorded decisions were replayed in %1 other random worlds (rivals react again, events fall differently). The median score there is what the decisions were worth; the difference to the game as played is luck.</source>
        <translation>每支队伍记录下的决策在另外 %1 个随机世界中重新演绎（对手重新应对，事件发生不同）。其中的得分中位数代表这些决策本身的价值；与实际对局得分的差距就是运气。</translation>
    </message>
    <message>
        <source>Score as played</source>
        <translation>实际得分</translation>
    </message>
    <message>
        <source>Median in other worlds (skill)</source>
        <translation>其他世界的中位数（实力）</translation>
    </message>
    <message>
        <source>10–90% range</source>
        <translation>10–90% 区间</translation>
    </message>
    <message>
        <source>Luck</source>
        <translation>运气</translation>
    </message>
    <message>
        <source>Beats % of worlds</source>
        <translation>胜过的世界比例</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Released by the facilitator</source>
        <translation>由主持人发布</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Every figure and decision is in the csv folder; the save itself is %1 (open it to replay or fork it).</source>
        <translation>所有数据和决策都在 csv 文件夹中；存档本身保存为 %1（打开即可回放或分叉）。</translation>
    </message>
    <message>
        <source>Writing the debrief pack…</source>
        <translation>正在生成复盘资料…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The workshop must be saved first.</source>
        <translation>必须先保存工作坊。</translation>
    </message>
    <message>
        <source>Drawing the charts and the PDF…</source>
        <translation>正在绘制图表和 PDF…</translation>
    </message>
    <message>
        <source>Debrief pack written to %1</source>
        <translation>复盘资料已写入 %1</translation>
    </message>
    <message>
        <source>The debrief pack could not be written: %1</source>
        <translation>无法生成复盘资料：%1</translation>
    </message>
</context>
<context>
    <name>Decisions</name>
    <message>
        <source>Allowed: 0 to %1 per quarter.</source>
        <translation>允许范围：每季 0 至 %1。</translation>
    </message>
    <message>
        <source>Autonomy R&amp;D</source>
        <translation>智驾研发</translation>
    </message>
    <message>
        <source>Autonomy budget</source>
        <translation>智驾预算</translation>
    </message>
    <message>
        <source>Pays the autonomy team (engineers and compute). Progress grows with the square root of the team and with your fleet&apos;s driving data.</source>
        <translation>支付智驾团队（工程师与算力）的费用。进展随团队规模的平方根以及你的车队行驶数据增长。</translation>
    </message>
    <message>
        <source>In-house chip</source>
        <translation>自研芯片</translation>
    </message>
    <message>
        <source>Run the chip programme</source>
        <translation>推进芯片计划</translation>
    </message>
    <message>
        <source>A multi-quarter bet: success becomes likely once cumulative spend passes a threshold; it cuts hardware cost and adds capability.</source>
        <translation>一项跨越多个季度的押注：累计投入超过门槛后才可能成功；成功后降低硬件成本并提升能力。</translation>
    </message>
    <message>
        <source>Chip budget</source>
        <translation>芯片预算</translation>
    </message>
    <message>
        <source>Spend on the in-house autonomy chip this quarter (0 pauses the programme; past spend is kept).</source>
        <translation>本季度在自研智驾芯片上的投入（0 表示暂停计划；已有投入保留）。</translation>
    </message>
    <message>
        <source>Chip programme</source>
        <translation>芯片计划</translation>
    </message>
    <message>
        <source>Funds about %1 engineers (team now %2). Capability %3 — %4.</source>
        <translation>可支撑约 %1 名工程师（现有团队 %2 人）。能力 %3 — %4。</translation>
    </message>
    <message>
        <source>Your chip is done: hardware cost is lower. Further spend is not needed.</source>
        <translation>自研芯片已成功：硬件成本已降低，无需继续投入。</translation>
    </message>
    <message>
        <source>Spent so far %1; success becomes possible after %2.</source>
        <translation>已累计投入 %1；累计投入超过 %2 后才可能成功。</translation>
    </message>
    <message>
        <source>Ecosystem bets</source>
        <translation>生态押注</translation>
    </message>
    <message>
        <source>OS, phone and home integration</source>
        <translation>操作系统、手机与家居整合</translation>
    </message>
    <message>
        <source>Raises integration with your device ecosystem: households in it value your cars more, and more owners subscribe to services.</source>
        <translation>提高与你的设备生态的整合度：生态内家庭更看重你的车，更多车主订阅服务。</translation>
    </message>
    <message>
        <source>Connected services</source>
        <translation>车联网服务</translation>
    </message>
    <message>
        <source>Services budget</source>
        <translation>服务预算</translation>
    </message>
    <message>
        <source>Subscriptions, apps and ADAS packages: raises revenue per connected car.</source>
        <translation>订阅、应用与智驾套餐：提高每辆联网车的收入。</translation>
    </message>
    <message>
        <source>Phone–car bundle subsidy</source>
        <translation>手机–汽车捆绑补贴</translation>
    </message>
    <message>
        <source>Discount on ecosystem devices for each new car owner: ecosystem households like it and buy more devices. Allowed: 0 to 100,000 CNY per car.</source>
        <translation>为每位新车主提供生态设备折扣：生态家庭更青睐，并会购买更多设备。允许范围：每车 0 至 100,000 元。</translation>
    </message>
    <message>
        <source>Charging network</source>
        <translation>充电网络</translation>
    </message>
    <message>
        <source>Charging budget</source>
        <translation>充电预算</translation>
    </message>
    <message>
        <source>Builds your charging network; buyers value it up to a ceiling.</source>
        <translation>建设你的充电网络；消费者对其的评价有上限。</translation>
    </message>
    <message>
        <source>Closed loop</source>
        <translation>闭环</translation>
    </message>
    <message>
        <source>Integration now %1.</source>
        <translation>当前整合度 %1。</translation>
    </message>
    <message>
        <source>Services quality now %1.</source>
        <translation>当前服务质量 %1。</translation>
    </message>
    <message>
        <source>Last quarter %1 of cars on the road paid for services.</source>
        <translation>上季度有 %1 的保有车辆付费使用服务。</translation>
    </message>
    <message>
        <source>The share of your gross profit that comes from services and ecosystem devices (the closed-loop ratio) shows here after the first quarter.</source>
        <translation>毛利中来自服务与生态设备的比例（闭环比例）将在第一个季度结束后显示在这里。</translation>
    </message>
    <message>
        <source>Last quarter %1 of your gross profit came from services and ecosystem devices (ecosystem gross profit %2).</source>
        <translation>上季度你的毛利中有 %1 来自服务与生态设备（生态毛利 %2）。</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>营销</translation>
    </message>
    <message>
        <source>Brand budget</source>
        <translation>品牌预算</translation>
    </message>
    <message>
        <source>Builds brand equity with diminishing returns; brand decays every quarter without it and lifts the price buyers find credible.</source>
        <translation>以递减回报积累品牌资产；不投入品牌会逐季衰减。品牌越强，消费者认可的价格越高。</translation>
    </message>
    <message>
        <source>Brand equity now %1 (0 unknown, 2 iconic); credible price %2.</source>
        <translation>当前品牌资产 %1（0 为默默无闻，2 为标志性品牌）；可信价格 %2。</translation>
    </message>
    <message>
        <source>Financing</source>
        <translation>融资</translation>
    </message>
    <message>
        <source>Draw on parent support</source>
        <translation>使用母公司支持</translation>
    </message>
    <message>
        <source>Money from the parent group, within its quarterly cap and the remaining line.</source>
        <translation>来自母公司集团的资金，受季度上限和剩余额度限制。</translation>
    </message>
    <message>
        <source>Raise equity</source>
        <translation>股权融资</translation>
    </message>
    <message>
        <source>New shares, within the quarterly cap, less the issuance fee.</source>
        <translation>发行新股，受季度上限限制，并扣除发行费用。</translation>
    </message>
    <message>
        <source>Borrow (negative repays)</source>
        <translation>借款（负数为还款）</translation>
    </message>
    <message>
        <source>New bank debt up to a multiple of annual revenue; a negative amount repays debt from cash. Interest is paid every quarter.</source>
        <translation>新增银行贷款，上限为年收入的一定倍数；负数表示用现金偿还债务。每季度支付利息。</translation>
    </message>
    <message>
        <source>Available this quarter: %1 (line left %2).</source>
        <translation>本季可用：%1（剩余额度 %2）。</translation>
    </message>
    <message>
        <source>Only the available amount will be granted.</source>
        <translation>只会发放可用额度内的金额。</translation>
    </message>
    <message>
        <source>No parent support left in this scenario.</source>
        <translation>本场景中已无母公司支持可用。</translation>
    </message>
    <message>
        <source>Up to %1 this quarter; fee %2.</source>
        <translation>本季最多 %1；费用 %2。</translation>
    </message>
    <message>
        <source>Your firm cannot raise equity in this scenario.</source>
        <translation>本场景中你的企业不能进行股权融资。</translation>
    </message>
    <message>
        <source>Cash %1, debt %2; room for new debt %3 at %4 a year.</source>
        <translation>现金 %1，负债 %2；可新增借款 %3，年利率 %4。</translation>
    </message>
    <message>
        <source>Banks will lend only up to the room.</source>
        <translation>银行只会在额度内放贷。</translation>
    </message>
    <message>
        <source>List price</source>
        <translation>指导价</translation>
    </message>
    <message>
        <source>List price of the %1 before incentives. Buyers weigh it against rivals&apos; prices; above your brand&apos;s credible price demand falls faster. Allowed: %2 to %3 CNY.</source>
        <translation>%1 的指导价（优惠前）。消费者会与对手价格比较；高于品牌可信价格时需求下降更快。允许范围：%2 至 %3 元。</translation>
    </message>
    <message>
        <source>Incentive this quarter</source>
        <translation>本季优惠</translation>
    </message>
    <message>
        <source>Discount per car on the %1, this quarter only (at most half the list price). Raises orders now without moving the list price rivals react to.</source>
        <translation>%1 的每车优惠，仅限本季（不超过指导价的一半）。可立即提升订单，而不改变对手会作出反应的指导价。</translation>
    </message>
    <message>
        <source>How do rivals set their prices?</source>
        <translation>对手如何定价？</translation>
    </message>
    <message>
        <source>Unit cost ≈ %1 → margin %2 per car (%3).</source>
        <translation>单车成本 ≈ %1 → 每车毛利 %2（%3）。</translation>
    </message>
    <message>
        <source>Above your brand&apos;s credible price (%1): fewer buyers will pay it.</source>
        <translation>高于品牌可信价格（%1）：愿意买单的消费者会更少。</translation>
    </message>
    <message>
        <source>A big move from today&apos;s %1.</source>
        <translation>与当前的 %1 相比变动很大。</translation>
    </message>
    <message>
        <source>Not on sale yet.</source>
        <translation>尚未开售。</translation>
    </message>
    <message>
        <source>Production targets</source>
        <translation>生产目标</translation>
    </message>
    <message>
        <source>Cars of this model to build this quarter. Targets above what the plants can build are scaled down; cars built and not sold wait in inventory at a holding cost. Allowed: 0 to %1.</source>
        <translation>本季该车型的生产数量。超过工厂产出能力的目标会按比例压缩；生产但未售出的车辆进入库存并产生持有成本。允许范围：0 至 %1。</translation>
    </message>
    <message>
        <source>Shifts</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>%1 shift(s) — ×%2 output</source>
        <translation>%1 班 — 产出 ×%2</translation>
    </message>
    <message>
        <source>More shifts multiply output from the same plants; labour is paid per shift whether or not the cars sell.</source>
        <translation>增加班次可让同样的工厂产出成倍增加；人工按班次支付，无论车是否卖出。</translation>
    </message>
    <message>
        <source>Shifts worked</source>
        <translation>工作班次</translation>
    </message>
    <message>
        <source>Capacity expansion</source>
        <translation>产能扩张</translation>
    </message>
    <message>
        <source>Order new capacity</source>
        <translation>订购新产能</translation>
    </message>
    <message>
        <source>One-shift capacity (cars per quarter) to start building now. It arrives after the construction lead time, then ramps up; capex is paid while it is built. Allowed: 0 to %1.</source>
        <translation>现在开始建设的单班产能（每季辆数）。建设周期结束后投产并逐步爬坡；资本开支在建设期内支付。允许范围：0 至 %1。</translation>
    </message>
    <message>
        <source>Last quarter: orders %1, backlog %2, inventory %3.</source>
        <translation>上季度：订单 %1，积压 %2，库存 %3。</translation>
    </message>
    <message>
        <source>Not on sale this quarter: nothing will be built.</source>
        <translation>本季未开售：不会生产。</translation>
    </message>
    <message>
        <source>Plan: %1 of %2 cars the plants can build this quarter (%3).</source>
        <translation>计划：%1 辆，本季工厂可生产 %2 辆（%3）。</translation>
    </message>
    <message>
        <source>Targets will be scaled down to capacity.</source>
        <translation>生产目标将按产能压缩。</translation>
    </message>
    <message>
        <source>Labour and plant cost this quarter: %1.</source>
        <translation>本季人工与工厂成本：%1。</translation>
    </message>
    <message>
        <source>Arrives in %1 (lead time %2 quarters), at full output from %3. Capex %4, %5 per quarter while building.</source>
        <translation>%1 投产（建设周期 %2 个季度），%3 起满产。资本开支 %4，建设期内每季 %5。</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%2 到位 %1</translation>
    </message>
    <message>
        <source>One-shift capacity now: %1. Under construction: %2.</source>
        <translation>当前单班产能：%1。在建：%2。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Your advisor would order %1 this quarter.</source>
        <translation>顾问建议本季订购 %1。</translation>
    </message>
    <message>
        <source>New models</source>
        <translation>新车型</translation>
    </message>
    <message>
        <source>This scenario offers your firm no new models to launch.</source>
        <translation>本场景中你的企业没有可推出的新车型。</translation>
    </message>
    <message>
        <source>Start developing the %1</source>
        <translation>启动 %1 的开发</translation>
    </message>
    <message>
        <source>Development costs %1 over %2 quarters; the model then goes on sale with launch orders. Once started it cannot be stopped.</source>
        <translation>开发费用 %1，历时 %2 个季度；之后车型开售并带来上市订单。一旦启动不可中止。</translation>
    </message>
    <message>
        <source>On sale.</source>
        <translation>已开售。</translation>
    </message>
    <message>
        <source>In development: on sale from %1.</source>
        <translation>开发中：%1 起开售。</translation>
    </message>
    <message>
        <source>Cost %1 over %2 quarters; if started now, on sale from %3 with about %4 launch orders.</source>
        <translation>费用 %1，历时 %2 个季度；若现在启动，%3 起开售，上市订单约 %4。</translation>
    </message>
    <message>
        <source>Pricing</source>
        <translation>定价</translation>
    </message>
    <message>
        <source>Production &amp; capacity</source>
        <translation>生产与产能</translation>
    </message>
    <message>
        <source>Autonomy &amp; chip</source>
        <translation>智驾与芯片</translation>
    </message>
    <message>
        <source>Ecosystem</source>
        <translation>生态</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>财务</translation>
    </message>
    <message>
        <source>Launches</source>
        <translation>新车上市</translation>
    </message>
    <message>
        <source>Median of 64 simulated futures, rivals responding as the easy AI.</source>
        <translation>64 个模拟未来的中位数，对手按简单 AI 应对。</translation>
    </message>
    <message>
        <source>Median of 64 simulated futures, rivals responding as the normal AI.</source>
        <translation>64 个模拟未来的中位数，对手按普通 AI 应对。</translation>
    </message>
    <message>
        <source>Median of 64 simulated futures, rivals responding as the normal AI, the model the hard AI&apos;s look-ahead assumes (its look-ahead would slow every edit).</source>
        <translation>64 个模拟未来的中位数，对手按普通 AI 应对——这正是困难 AI 前瞻推演所假设的模型（每次修改都做前瞻推演会拖慢操作）。</translation>
    </message>
    <message>
        <source>If you end the quarter with this plan</source>
        <translation>如果按此方案结束本季度</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>交付</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Operating profit</source>
        <translation>经营利润</translation>
    </message>
    <message>
        <source>Cash after this plan</source>
        <translation>执行方案后的现金</translation>
    </message>
    <message>
        <source>Market share</source>
        <translation>市场份额</translation>
    </message>
    <message>
        <source>Median of 64 simulated futures, rivals responding.</source>
        <translation>64 个模拟未来的中位数，已计入对手应对。</translation>
    </message>
    <message>
        <source>Use the advisor&apos;s plan</source>
        <translation>采用顾问方案</translation>
    </message>
    <message>
        <source>Replace the whole draft with what your strategy team (the normal AI) would do this quarter. Undo brings yours back.</source>
        <translation>用战略团队（普通难度 AI）本季的方案替换整个草案。撤销即可恢复你的方案。</translation>
    </message>
    <message>
        <source>Decisions for %1</source>
        <translation>%1 决策</translation>
    </message>
    <message>
        <source>The game is over</source>
        <translation>游戏结束</translation>
    </message>
    <message>
        <source>List price before incentives.</source>
        <translation>优惠前的指导价。</translation>
    </message>
    <message>
        <source>Discount per car this quarter only (at most half the price).</source>
        <translation>仅限本季度的单车优惠（最多为价格的一半）。</translation>
    </message>
    <message>
        <source>Cars to build this quarter.</source>
        <translation>本季度计划生产的车辆数。</translation>
    </message>
    <message>
        <source>One-shift capacity (cars per quarter) to start building now.</source>
        <translation>现在开始建设的单班产能（辆/季度）。</translation>
    </message>
</context>
<context>
    <name>Diverged</name>
    <message>
        <source>Saved by another version</source>
        <translation>由其他版本保存</translation>
    </message>
    <message>
        <source>%1 was played with a different version of the model: this version, replaying the same decisions, gets different results from %2 on.</source>
        <translation>%1 是用另一版本的模型进行的对局：当前版本重演同样的决策，自 %2 起会得到不同的结果。</translation>
    </message>
    <message>
        <source>The replay viewer shows exactly what was played. A new branch continues from results re-simulated by this version and is saved to a new file; this file is not changed.</source>
        <translation>回放中看到的是当时对局的原样结果。新分支则从当前版本重新模拟的结果继续，并保存到新文件；此文件不会被改动。</translation>
    </message>
    <message>
        <source>A workshop cannot continue from re-simulated results. The replay viewer shows exactly what was played; this file is not changed.</source>
        <translation>工作坊无法从重新模拟的结果继续。回放中看到的是当时对局的原样结果；此文件不会被改动。</translation>
    </message>
    <message>
        <source>Open in the replay viewer</source>
        <translation>在回放中打开</translation>
    </message>
    <message>
        <source>Continue as a new branch (re-simulated by this version)</source>
        <translation>作为新分支继续（由当前版本重新模拟）</translation>
    </message>
</context>
<context>
    <name>Drivers</name>
    <message>
        <source>Your prices</source>
        <translation>你的价格</translation>
    </message>
    <message>
        <source>Rivals&apos; prices</source>
        <translation>对手价格</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>Autonomy</source>
        <translation>智驾</translation>
    </message>
    <message>
        <source>Ecosystem</source>
        <translation>生态</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Capacity and production</source>
        <translation>产能与生产</translation>
    </message>
    <message>
        <source>Market size and luck</source>
        <translation>市场规模与运气</translation>
    </message>
    <message>
        <source>Launches</source>
        <translation>新车上市</translation>
    </message>
    <message>
        <source>Unit costs</source>
        <translation>单车成本</translation>
    </message>
    <message>
        <source>Spending</source>
        <translation>费用支出</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Change %1: mostly %2.</source>
        <translation>变化 %1：主要来自 %2。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>Effects</name>
    <message>
        <source>Market size</source>
        <translation>市场规模</translation>
    </message>
    <message>
        <source>Change of potential buyers while it runs</source>
        <translation>持续期间潜在购车人数的变化</translation>
    </message>
    <message>
        <source>Consumer subsidy</source>
        <translation>消费者补贴</translation>
    </message>
    <message>
        <source>CNY per car bought while it runs</source>
        <translation>持续期间每购买一辆车的补贴（元）</translation>
    </message>
    <message>
        <source>Price sensitivity</source>
        <translation>价格敏感度</translation>
    </message>
    <message>
        <source>Change of how much buyers care about price while it runs</source>
        <translation>持续期间购车者对价格在意程度的变化</translation>
    </message>
    <message>
        <source>Output of the target</source>
        <translation>目标企业的产量</translation>
    </message>
    <message>
        <source>Change of the target&apos;s plant output while it runs</source>
        <translation>持续期间目标企业工厂产量的变化</translation>
    </message>
    <message>
        <source>Autonomy cap</source>
        <translation>智驾上限</translation>
    </message>
    <message>
        <source>Highest autonomy level firms may sell while it runs (5 = no cap)</source>
        <translation>持续期间企业可销售的最高智驾等级（5 = 不设上限）</translation>
    </message>
    <message>
        <source>Regulation</source>
        <translation>监管</translation>
    </message>
    <message>
        <source>Change of the regulatory ceiling in levels while it runs (positive = approvals)</source>
        <translation>持续期间监管上限的等级变化（正值 = 放开）</translation>
    </message>
    <message>
        <source>Export orders lost</source>
        <translation>出口订单损失</translation>
    </message>
    <message>
        <source>Share of export orders lost while it runs</source>
        <translation>持续期间损失的出口订单比例</translation>
    </message>
    <message>
        <source>Autonomy hardware cost</source>
        <translation>智驾硬件成本</translation>
    </message>
    <message>
        <source>Change of autonomy hardware cost while it runs</source>
        <translation>持续期间智驾硬件成本的变化</translation>
    </message>
    <message>
        <source>Lithium price shock</source>
        <translation>锂价冲击</translation>
    </message>
    <message>
        <source>Log shock to the lithium price when it starts (0.2 ≈ +22%)</source>
        <translation>事件开始时对锂价的对数冲击（0.2 ≈ +22%）</translation>
    </message>
    <message>
        <source>Brand of the target</source>
        <translation>目标企业的品牌</translation>
    </message>
    <message>
        <source>Change of the target&apos;s brand equity when it starts</source>
        <translation>事件开始时目标企业品牌资产的变化</translation>
    </message>
    <message>
        <source>Autonomy of the target</source>
        <translation>目标企业的智驾</translation>
    </message>
    <message>
        <source>Change of the target&apos;s autonomy capability in levels when it starts</source>
        <translation>事件开始时目标企业智驾能力的等级变化</translation>
    </message>
    <message>
        <source>Recall cost</source>
        <translation>召回成本</translation>
    </message>
    <message>
        <source>CNY per car of the target&apos;s installed base when it starts</source>
        <translation>事件开始时目标企业保有量中每辆车的成本（元）</translation>
    </message>
    <message>
        <source>Lower-case letters, digits and dashes, e.g. custom-port-strike</source>
        <translation>小写字母、数字和连字符，例如 custom-port-strike</translation>
    </message>
    <message>
        <source>quarter(s)</source>
        <translation>个季度</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>标识</translation>
    </message>
    <message>
        <source>Headline (English)</source>
        <translation>标题（英文）</translation>
    </message>
    <message>
        <source>Headline (Chinese)</source>
        <translation>标题（中文）</translation>
    </message>
    <message>
        <source>Lasts</source>
        <translation>持续</translation>
    </message>
    <message>
        <source>Effects</source>
        <translation>影响</translation>
    </message>
    <message>
        <source>Id: use lower-case letters, digits and dashes (at most 40), e.g. custom-port-strike.</source>
        <translation>标识：请使用小写字母、数字和连字符（最多 40 个），例如 custom-port-strike。</translation>
    </message>
    <message>
        <source>Give the headline in both English and Chinese: every team reads it in its own language.</source>
        <translation>请同时填写英文和中文标题：每支队伍都会以自己的语言阅读。</translation>
    </message>
    <message>
        <source>Set at least one effect: this event would change nothing.</source>
        <translation>请至少设置一项影响：否则这个事件不会改变任何东西。</translation>
    </message>
</context>
<context>
    <name>EndGame</name>
    <message>
        <source>The game is over</source>
        <translation>游戏结束</translation>
    </message>
    <message>
        <source>Your firm left the market in %1.</source>
        <translation>你的企业于 %1 退出市场。</translation>
    </message>
    <message>
        <source>The scenario ended in %1.</source>
        <translation>场景于 %1 结束。</translation>
    </message>
    <message>
        <source>Final score %1 — rank %2 of %3.</source>
        <translation>最终得分 %1 — 第 %2 名（共 %3 家）。</translation>
    </message>
    <message>
        <source>Objectives</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Firm</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>%v of %m quarters × worlds</source>
        <translation>%v / %m（季度 × 世界）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Replay again</source>
        <translation>重新演算</translation>
    </message>
    <message>
        <source>Luck versus skill: replaying your decisions in %1 other worlds…</source>
        <translation>运气与实力：正在 %1 个平行世界中重演你的决策…</translation>
    </message>
    <message>
        <source>met</source>
        <translation>已达成</translation>
    </message>
    <message>
        <source>not met</source>
        <translation>未达成</translation>
    </message>
    <message>
        <source>Luck versus skill: your decisions meet every objective in %1 of %2 other worlds (as played: %3). Your final score is at or above the score in %4 of them.</source>
        <translation>运气与实力：在 %2 个平行世界中，你的决策有 %1 达成全部目标（本局实际：%3）。你的最终得分不低于其中 %4 的世界。</translation>
    </message>
    <message>
        <source>Luck versus skill was cancelled.</source>
        <translation>运气与实力的演算已取消。</translation>
    </message>
    <message>
        <source>Luck versus skill is not available: %1</source>
        <translation>运气与实力暂不可用：%1</translation>
    </message>
    <message>
        <source>In the other worlds, rivals that played the hard AI are played by the normal AI, the model their look-ahead assumes (a look-ahead in every world would take minutes).</source>
        <translation>在其他世界中，原由困难 AI 操控的对手改由普通 AI 操控——这正是困难 AI 前瞻推演时对各方的假设（在每个世界里都做前瞻推演要花好几分钟）。</translation>
    </message>
    <message>
        <source>Market share</source>
        <translation>市场份额</translation>
    </message>
    <message>
        <source>Operating profit</source>
        <translation>经营利润</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <source>Details are in the log: %1</source>
        <translation>详情见日志：%1</translation>
    </message>
</context>
<context>
    <name>Events</name>
    <message>
        <source>From the scenario&apos;s deck</source>
        <translation>从剧本的事件库中选择</translation>
    </message>
    <message>
        <source>A custom event</source>
        <translation>自定义事件</translation>
    </message>
    <message>
        <source>The event&apos;s own target (custom: every firm)</source>
        <translation>事件自身的目标（自定义事件：所有企业）</translation>
    </message>
    <message>
        <source>Preview impact</source>
        <translation>预览影响</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Release when the round resolves</source>
        <translation>在本轮结算时发布</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Futures</source>
        <translation>情景数</translation>
    </message>
    <message>
        <source>Quarters</source>
        <translation>季度数</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Queued for release</source>
        <translation>待发布</translation>
    </message>
    <message>
        <source>Choose an event.</source>
        <translation>请选择一个事件。</translation>
    </message>
    <message>
        <source>The event could not be queued.</source>
        <translation>无法加入该事件。</translation>
    </message>
    <message>
        <source>Queued: it fires when %1 resolves.</source>
        <translation>已加入：将在 %1 结算时发生。</translation>
    </message>
    <message>
        <source>Select a queued event to withdraw.</source>
        <translation>请选择要撤回的待发布事件。</translation>
    </message>
    <message>
        <source>Preview cancelled.</source>
        <translation>预览已取消。</translation>
    </message>
    <message>
        <source>(running)</source>
        <translation>（进行中）</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>所有企业</translation>
    </message>
</context>
<context>
    <name>Explain</name>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>How is this computed? — %1</source>
        <translation>这是怎么算出来的？— %1</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Parameters and sources come from the scenario file %1.</source>
        <translation>参数及其来源取自场景文件 %1。</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>How is this computed?</source>
        <translation>这是怎么算出来的？</translation>
    </message>
    <message>
        <source>Enter a number, e.g. %1</source>
        <translation>请输入数字，例如 %1</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>The goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>You run a carmaker through the quarters of the scenario. Meet the scenario&apos;s objectives (shown on the right) and finish with the best balanced score: share, margin, cash, autonomy, ecosystem, brand and valuation.</source>
        <translation>你将经营一家车企，走过场景中的各个季度。完成场景目标（显示在右侧），并以最佳的平衡计分卡成绩收官：份额、利润率、现金、智驾、生态、品牌与估值。</translation>
    </message>
    <message>
        <source>Each quarter</source>
        <translation>每个季度</translation>
    </message>
    <message>
        <source>1. Read last quarter&apos;s report, the rivals table and the news. 2. Change your decisions on the left; each field explains itself in its tooltip and shows its consequences under it. 3. Press Preview (Ctrl+P) to see where the plan may lead over many simulated futures. 4. Press End quarter (Ctrl+Enter). Rivals then decide on public information only, and the quarter is resolved.</source>
        <translation>1. 阅读上季度报告、对手表格和新闻。2. 在左侧修改决策；每个输入框的提示会说明其含义，下方显示其影响。3. 点击“预测”（Ctrl+P），查看方案在大量模拟未来中可能带来的结果。4. 点击“结束本季度”（Ctrl+Enter）。对手只依据公开信息决策，随后本季度结算。</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>决策</translation>
    </message>
    <message>
        <source>Pricing: list price and this quarter&apos;s incentive per model. Production: how many cars to build (capped by capacity), shifts, and new capacity, which takes quarters to build. Autonomy: the R&amp;D budget and an in-house chip. Ecosystem: integration with phones and homes, services, charging and phone–car bundles. Marketing: brand. Finance: parent support, equity and debt. Launches: new models.</source>
        <translation>定价：每个车型的指导价与本季优惠。生产：生产数量（受产能限制）、班次，以及需要数个季度建成的新产能。智驾：研发预算与自研芯片。生态：与手机和家居的整合、服务、充电及手机–汽车捆绑。营销：品牌。财务：母公司支持、股权与债务。新车上市：新车型。</translation>
    </message>
    <message>
        <source>Money</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Amounts are in yuan: in Chinese as 万 and 亿, in English with k, M and B. Budgets are entered per quarter. If cash would run out you receive emergency funding at a cost; after several such quarters in a row your firm leaves the market.</source>
        <translation>金额单位为人民币元：中文界面以万、亿显示，英文界面以 k、M、B 显示。预算按季度输入。若现金即将耗尽，你会以较高代价获得紧急融资；连续多个季度如此，企业将退出市场。</translation>
    </message>
    <message>
        <source>Why did that happen?</source>
        <translation>为什么会这样？</translation>
    </message>
    <message>
        <source>Every chart and many figures have a ? button: it shows the model&apos;s equation in plain words, the parameters it uses and where each parameter comes from. The quarterly report&apos;s waterfalls split the change in your orders and operating profit by cause.</source>
        <translation>每个图表和许多数字旁都有“?”按钮：用通俗语言展示模型的计算公式、所用参数及每个参数的来源。季度报告中的瀑布图按原因拆解你的订单和经营利润的变化。</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Ctrl+N new campaign · Ctrl+O open · Ctrl+S save · Ctrl+Z undo · Ctrl+Y redo · Ctrl+P preview · Ctrl+Enter end quarter · Ctrl+R report · F1 this guide.</source>
        <translation>Ctrl+N 新战役 · Ctrl+O 打开 · Ctrl+S 保存 · Ctrl+Z 撤销 · Ctrl+Y 重做 · Ctrl+P 预测 · Ctrl+Enter 结束本季度 · Ctrl+R 报告 · F1 本指南。</translation>
    </message>
    <message>
        <source>How to play Closed Loop</source>
        <translation>如何玩《闭环》</translation>
    </message>
</context>
<context>
    <name>Hotseat</name>
    <message>
        <source>Workshop — teams</source>
        <translation>工作坊 — 队伍</translation>
    </message>
    <message>
        <source>Facilitator: back to the console</source>
        <translation>主持人：返回控制台</translation>
    </message>
    <message>
        <source>The previous team&apos;s screen has been cleared. Press the button only when nobody from another team can see the screen.</source>
        <translation>上一支队伍的界面已清除。请确认其他队伍的人看不到屏幕后再按下按钮。</translation>
    </message>
    <message>
        <source>Back to the list of teams</source>
        <translation>返回队伍列表</translation>
    </message>
    <message>
        <source>Pass the laptop to %1</source>
        <translation>请把电脑交给 %1</translation>
    </message>
    <message>
        <source>We are %1: show our screen</source>
        <translation>我们是 %1：显示我们的界面</translation>
    </message>
    <message>
        <source>%1&apos;s PIN:</source>
        <translation>%1 的 PIN：</translation>
    </message>
    <message>
        <source>Too many wrong PINs: %1&apos;s screen stays shut until the facilitator resets its PIN.</source>
        <translation>PIN 错误次数过多：%1 的界面已锁定，需主持人重置其 PIN 后才能打开。</translation>
    </message>
    <message>
        <source>Wrong PIN for %1 (%2 tries left).</source>
        <translation>%1 的 PIN 不正确（还可尝试 %2 次）。</translation>
    </message>
    <message>
        <source>Open %1&apos;s screen?</source>
        <translation>打开 %1 的界面？</translation>
    </message>
    <message>
        <source>%1 has already submitted: its screen shows its sealed decision. Open it only if you are %1.</source>
        <translation>%1 已提交：其界面会显示已密封的决策。只有你们是 %1 时才可打开。</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>The round is not open for decisions. Hand the laptop to the facilitator.</source>
        <translation>本轮未开放决策。请把电脑交给主持人。</translation>
    </message>
    <message>
        <source>Waiting for %1 of %2 teams. Pick your team when it is your turn.</source>
        <translation>正在等待 %2 支队伍中的 %1 支。轮到你们时请选择自己的队伍。</translation>
    </message>
    <message>
        <source>Every team has submitted. Hand the laptop back to the facilitator.</source>
        <translation>所有队伍都已提交。请把电脑交还给主持人。</translation>
    </message>
    <message>
        <source>submitted (you may resubmit)</source>
        <translation>已提交（可重新提交）</translation>
    </message>
    <message>
        <source>to enter</source>
        <translation>待填写</translation>
    </message>
    <message>
        <source>PIN protected</source>
        <translation>已设 PIN 保护</translation>
    </message>
    <message>
        <source>%1 — decisions for %2</source>
        <translation>%1 — %2决策</translation>
    </message>
    <message>
        <source>Only your team should see this screen. Submit when you are done; you can come back and resubmit until the round is locked.</source>
        <translation>只有你们队伍可以看这个界面。完成后请提交；在本轮锁定前可以回来重新提交。</translation>
    </message>
    <message>
        <source>Submit and pass the laptop on</source>
        <translation>提交并把电脑交给下一队</translation>
    </message>
    <message>
        <source>New PIN:</source>
        <translation>新 PIN：</translation>
    </message>
    <message>
        <source>PIN to reopen your screen:</source>
        <translation>重新打开本队界面的 PIN：</translation>
    </message>
    <message>
        <source>4 to 6 digits. Other teams cannot open your screen without it; the facilitator can reset it.</source>
        <translation>4 到 6 位数字。其他队伍没有它就打不开你们的界面；主持人可以重置。</translation>
    </message>
    <message>
        <source>leave empty to keep it</source>
        <translation>留空则保持不变</translation>
    </message>
    <message>
        <source>4–6 digits (optional)</source>
        <translation>4–6 位数字（可选）</translation>
    </message>
    <message>
        <source>Leave without submitting</source>
        <translation>不提交并离开</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>A PIN is 4 to 6 digits.</source>
        <translation>PIN 须为 4 到 6 位数字。</translation>
    </message>
</context>
<context>
    <name>Impact</name>
    <message>
        <source>Deliveries</source>
        <translation>交付</translation>
    </message>
    <message>
        <source>Operating profit</source>
        <translation>经营利润</translation>
    </message>
    <message>
        <source>Market share</source>
        <translation>市场份额</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>without the event</source>
        <translation>无此事件</translation>
    </message>
    <message>
        <source>with the event</source>
        <translation>有此事件</translation>
    </message>
    <message>
        <source>(medians, 5–95% bands)</source>
        <translation>（中位数，5–95% 区间）</translation>
    </message>
    <message>
        <source>%1, %2: median %3 with the event against %4 without (%5) in %6; %7 by %8.</source>
        <translation>%1，%2：%6 有此事件的中位数为 %3，无此事件为 %4（%5）；到 %8 为 %7。</translation>
    </message>
    <message>
        <source>Firm</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>%1 change in %2</source>
        <translation>%2 的%1变化</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Dashboard</source>
        <translation>仪表盘</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>决策</translation>
    </message>
    <message>
        <source>Objectives and score</source>
        <translation>目标与得分</translation>
    </message>
    <message>
        <source>News</source>
        <translation>新闻</translation>
    </message>
    <message>
        <source>Rivals</source>
        <translation>对手</translation>
    </message>
    <message>
        <source>&amp;End quarter</source>
        <translation>结束本季度(&amp;E)</translation>
    </message>
    <message>
        <source>Resolve the quarter with your decisions (Ctrl+Enter)</source>
        <translation>按你的决策结算本季度（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>预测(&amp;P)</translation>
    </message>
    <message>
        <source>Forecast many futures of this plan (Ctrl+P)</source>
        <translation>预测此方案的大量可能未来（Ctrl+P）</translation>
    </message>
    <message>
        <source>Quarterly &amp;report</source>
        <translation>季度报告(&amp;R)</translation>
    </message>
    <message>
        <source>Open last quarter&apos;s report (Ctrl+R)</source>
        <translation>打开上季度报告（Ctrl+R）</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Use the &amp;advisor&apos;s plan</source>
        <translation>采用顾问方案(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;New campaign…</source>
        <translation>新战役(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Start &amp;screen</source>
        <translation>开始界面(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>偏好设置(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Closed Loop</source>
        <translation>关于《闭环》(&amp;A)</translation>
    </message>
    <message>
        <source>Turn</source>
        <translation>回合</translation>
    </message>
    <message>
        <source>No quarter has been played yet.</source>
        <translation>还没有进行任何季度。</translation>
    </message>
    <message>
        <source>%1 resolved.</source>
        <translation>%1 已结算。</translation>
    </message>
    <message>
        <source>Resolving the quarter…</source>
        <translation>正在结算本季度…</translation>
    </message>
    <message>
        <source>Game over</source>
        <translation>游戏结束</translation>
    </message>
    <message>
        <source>%1 · quarter %2 of %3</source>
        <translation>%1 · 第 %2 季度（共 %3 季度）</translation>
    </message>
    <message>
        <source>Cash %1</source>
        <translation>现金 %1</translation>
    </message>
    <message>
        <source>unsaved game</source>
        <translation>未保存的游戏</translation>
    </message>
    <message>
        <source>Closed Loop</source>
        <translation>闭环</translation>
    </message>
    <message>
        <source>About Closed Loop</source>
        <translation>关于《闭环》</translation>
    </message>
    <message>
        <source>Closed Loop (闭环) — a business war-game of the Chinese EV market.
The bundled Chinese font is WenQuanYi Micro Hei (Apache-2.0 or GPL-3 with font exception).</source>
        <translation>《闭环》— 一款关于中国电动车市场的商业战棋游戏。
内置中文字体为文泉驿微米黑（Apache-2.0 或附字体例外条款的 GPL-3 许可）。</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;Game</source>
        <translation>游戏(&amp;G)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Turn</source>
        <translation>回合(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>NewCampaign</name>
    <message>
        <source>Easy</source>
        <translation>简单</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>Hard</source>
        <translation>困难</translation>
    </message>
    <message>
        <source>New campaign</source>
        <translation>新战役</translation>
    </message>
    <message>
        <source>(not available yet)</source>
        <translation>（暂未开放）</translation>
    </message>
    <message>
        <source>How the rival AIs play: easy heuristics, normal best responses, or hard look-ahead over many futures.</source>
        <translation>对手 AI 的水平：简单为经验法则，普通为最优反应，困难为对大量未来的前瞻推演。</translation>
    </message>
    <message>
        <source>The same seed and the same decisions give the same game.</source>
        <translation>相同的随机种子和相同的决策会产生相同的对局。</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>Your company</source>
        <translation>你的企业</translation>
    </message>
    <message>
        <source>Rivals&apos; difficulty</source>
        <translation>对手难度</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>No scenarios found: %1</source>
        <translation>未找到场景：%1</translation>
    </message>
    <message>
        <source>%1 to %2, %3 quarters</source>
        <translation>%1 至 %2，共 %3 个季度</translation>
    </message>
    <message>
        <source>Objectives aimed at the player apply to the company you choose.</source>
        <translation>面向玩家的目标将适用于你选择的企业。</translation>
    </message>
    <message>
        <source>Objectives</source>
        <translation>目标</translation>
    </message>
</context>
<context>
    <name>News</name>
    <message>
        <source>%1 raised its average price by %2</source>
        <translation>%1 平均售价上调 %2</translation>
    </message>
    <message>
        <source>%1 cut its average price by %2</source>
        <translation>%1 平均售价下调 %2</translation>
    </message>
    <message>
        <source>News</source>
        <translation>新闻</translation>
    </message>
    <message>
        <source>No news yet: the story begins in %1.</source>
        <translation>暂无新闻：故事从 %1 开始。</translation>
    </message>
</context>
<context>
    <name>ParamUnits</name>
    <message>
        <source>CNY</source>
        <translation>元</translation>
    </message>
    <message>
        <source>CNY per unit/quarter</source>
        <translation>元/（辆/季度）</translation>
    </message>
    <message>
        <source>CNY/kWh</source>
        <translation>元/千瓦时</translation>
    </message>
    <message>
        <source>CNY/new owner</source>
        <translation>元/新车主</translation>
    </message>
    <message>
        <source>CNY/quarter</source>
        <translation>元/季度</translation>
    </message>
    <message>
        <source>CNY/user</source>
        <translation>元/用户</translation>
    </message>
    <message>
        <source>CNY/vehicle</source>
        <translation>元/辆</translation>
    </message>
    <message>
        <source>CNY/vehicle/quarter</source>
        <translation>元/辆/季度</translation>
    </message>
    <message>
        <source>GWh</source>
        <translation>吉瓦时</translation>
    </message>
    <message>
        <source>GWh/quarter</source>
        <translation>吉瓦时/季度</translation>
    </message>
    <message>
        <source>buyers/quarter</source>
        <translation>人/季度</translation>
    </message>
    <message>
        <source>engineers</source>
        <translation>名工程师</translation>
    </message>
    <message>
        <source>kWh</source>
        <translation>千瓦时</translation>
    </message>
    <message>
        <source>km/quarter</source>
        <translation>公里/季度</translation>
    </message>
    <message>
        <source>level</source>
        <translation>级</translation>
    </message>
    <message>
        <source>levels</source>
        <translation>级</translation>
    </message>
    <message>
        <source>levels/quarter</source>
        <translation>级/季度</translation>
    </message>
    <message>
        <source>million users</source>
        <translation>百万用户</translation>
    </message>
    <message>
        <source>orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>per year</source>
        <translation>每年</translation>
    </message>
    <message>
        <source>quarters</source>
        <translation>个季度</translation>
    </message>
    <message>
        <source>units</source>
        <translation>辆</translation>
    </message>
    <message>
        <source>units/quarter</source>
        <translation>辆/季度</translation>
    </message>
    <message>
        <source>utility</source>
        <translation>效用</translation>
    </message>
    <message>
        <source>utility/CNY</source>
        <translation>效用/元</translation>
    </message>
    <message>
        <source>utility/brand</source>
        <translation>效用/品牌单位</translation>
    </message>
    <message>
        <source>utility/level</source>
        <translation>效用/级</translation>
    </message>
    <message>
        <source>utility/quarter</source>
        <translation>效用/季度</translation>
    </message>
    <message>
        <source>vehicles</source>
        <translation>辆</translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message>
        <source>Operating profit</source>
        <translation>经营利润</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Market share</source>
        <translation>市场份额</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>交付</translation>
    </message>
    <message>
        <source>Rivals play the hard AI in %1 and the normal AI after it, the model their look-ahead assumes (a look-ahead in every future would take minutes).</source>
        <translation>对手在 %1 由困难 AI 操控，之后改由普通 AI 操控——这正是其前瞻推演所假设的模型（在每个未来里都做前瞻推演要花好几分钟）。</translation>
    </message>
    <message>
        <source>Rivals play the easy AI.</source>
        <translation>对手由简单 AI 操控。</translation>
    </message>
    <message>
        <source>Rivals play the normal AI.</source>
        <translation>对手由普通 AI 操控。</translation>
    </message>
    <message>
        <source>Run preview</source>
        <translation>运行预测</translation>
    </message>
    <message>
        <source>Simulate many futures of the rest of the game with this draft (Ctrl+P)</source>
        <translation>以此草案模拟余下对局的大量可能未来（Ctrl+P）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>More futures give smoother bands and take longer.</source>
        <translation>情景越多，色带越平滑，耗时也越长。</translation>
    </message>
    <message>
        <source>Keep my plan in every quarter</source>
        <translation>每个季度都沿用我的方案</translation>
    </message>
    <message>
        <source>Off: after this quarter your advisor plays your firm in the forecast. On: your draft repeats every quarter.</source>
        <translation>关闭：本季度之后，预测中由顾问代你经营。开启：你的草案在每个季度重复执行。</translation>
    </message>
    <message>
        <source>Run a preview to see where this plan may lead.</source>
        <translation>运行预测，看看此方案可能带来什么结果。</translation>
    </message>
    <message>
        <source>Futures</source>
        <translation>情景数</translation>
    </message>
    <message>
        <source>So far</source>
        <translation>至今</translation>
    </message>
    <message>
        <source>Median, 5–95% band</source>
        <translation>中位数，5–95% 区间</translation>
    </message>
    <message>
        <source>Simulating futures…</source>
        <translation>正在模拟未来…</translation>
    </message>
    <message>
        <source>Preview cancelled.</source>
        <translation>预测已取消。</translation>
    </message>
    <message>
        <source>Preview failed: %1</source>
        <translation>预测失败：%1</translation>
    </message>
    <message>
        <source>The draft changed since this preview: run it again.</source>
        <translation>草案在此次预测后已修改：请重新运行。</translation>
    </message>
    <message>
        <source>%1 futures from %2 to %3.</source>
        <translation>%1 个情景，%2 至 %3。</translation>
    </message>
    <message>
        <source>Chance of meeting every objective by %1 if you keep this plan every quarter: %2</source>
        <translation>若你每个季度都沿用此方案，到 %1 达成全部目标的概率：%2</translation>
    </message>
    <message>
        <source>Chance of meeting every objective by %1 if you follow the advisor after this quarter: %2</source>
        <translation>若你从下个季度起采用顾问的方案，到 %1 达成全部目标的概率：%2</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>This number is too large.</source>
        <translation>数字太大了。</translation>
    </message>
    <message>
        <source>The incentive can be at most half the list price (%1).</source>
        <translation>优惠最多为指导价的一半（%1）。</translation>
    </message>
    <message>
        <source>Must be between %1 and %2.</source>
        <translation>必须在 %1 至 %2 之间。</translation>
    </message>
    <message>
        <source>Your firm has no parent support in this scenario.</source>
        <translation>本场景中你的企业没有母公司支持。</translation>
    </message>
    <message>
        <source>Your firm cannot raise equity in this scenario.</source>
        <translation>本场景中你的企业不能进行股权融资。</translation>
    </message>
    <message>
        <source>Choose 1, 2 or 3 shifts.</source>
        <translation>请选择 1、2 或 3 班。</translation>
    </message>
    <message>
        <source>This model cannot be launched by your firm.</source>
        <translation>你的企业不能推出此车型。</translation>
    </message>
</context>
<context>
    <name>Projector</name>
    <message>
        <source>Share</source>
        <translation>份额</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>利润率</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Autonomy</source>
        <translation>智驾</translation>
    </message>
    <message>
        <source>Ecosystem</source>
        <translation>生态</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>估值</translation>
    </message>
    <message>
        <source>Closed Loop — projector</source>
        <translation>闭环 — 投影</translation>
    </message>
    <message>
        <source>Leaderboard</source>
        <translation>排行榜</translation>
    </message>
    <message>
        <source>Latest news</source>
        <translation>最新新闻</translation>
    </message>
    <message>
        <source>Firm</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>No news this quarter.</source>
        <translation>本季度没有新闻。</translation>
    </message>
    <message>
        <source>Market share, %1</source>
        <translation>市场份额，%1</translation>
    </message>
    <message>
        <source>Market share: the race starts after the first quarter</source>
        <translation>市场份额：第一个季度结束后开始角逐</translation>
    </message>
</context>
<context>
    <name>Replay</name>
    <message>
        <source>Market and money</source>
        <translation>市场与资金</translation>
    </message>
    <message>
        <source>Market share</source>
        <translation>市场份额</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>交付量</translation>
    </message>
    <message>
        <source>Operating profit</source>
        <translation>经营利润</translation>
    </message>
    <message>
        <source>Cash (private: each team sees its own)</source>
        <translation>现金（保密：各队只见自己的）</translation>
    </message>
    <message>
        <source>Prices and technology</source>
        <translation>价格与技术</translation>
    </message>
    <message>
        <source>Average price</source>
        <translation>平均售价</translation>
    </message>
    <message>
        <source>Autonomy level (0–5)</source>
        <translation>智驾等级（0–5）</translation>
    </message>
    <message>
        <source>Ecosystem users (log scale)</source>
        <translation>生态用户（对数坐标）</translation>
    </message>
    <message>
        <source>Score (private)</source>
        <translation>得分（保密）</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>营收</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>份额</translation>
    </message>
    <message>
        <source>Avg. price</source>
        <translation>均价</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Incentive</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>Bundle subsidy</source>
        <translation>捆绑补贴</translation>
    </message>
    <message>
        <source>Parent draw</source>
        <translation>母公司注资</translation>
    </message>
    <message>
        <source>Equity raised</source>
        <translation>股权融资</translation>
    </message>
    <message>
        <source>Borrowed</source>
        <translation>借款</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Firm</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>What</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原局</translation>
    </message>
    <message>
        <source>Fork</source>
        <translation>分支</translation>
    </message>
    <message>
        <source>Fork − original</source>
        <translation>分支 − 原局</translation>
    </message>
    <message>
        <source>Compare branches — %1 and %2</source>
        <translation>比较分支 — %1 与 %2</translation>
    </message>
    <message>
        <source>Closed Loop</source>
        <translation>闭环</translation>
    </message>
    <message>
        <source>Table: this firm only</source>
        <translation>表格：只看该企业</translation>
    </message>
    <message>
        <source>Original (%1)</source>
        <translation>原局（%1）</translation>
    </message>
    <message>
        <source>Fork (%1)</source>
        <translation>分支（%1）</translation>
    </message>
    <message>
        <source>Results that differ (%1)</source>
        <translation>不同的结果（%1）</translation>
    </message>
    <message>
        <source>Decisions that differ (%1)</source>
        <translation>不同的决策（%1）</translation>
    </message>
    <message>
        <source>Charts of</source>
        <translation>图表企业</translation>
    </message>
    <message>
        <source>Forked at %1: %2</source>
        <translation>自 %1 分支：%2</translation>
    </message>
    <message>
        <source>The branches are identical in every quarter both hold.</source>
        <translation>两个分支在共同的每个季度中完全相同。</translation>
    </message>
    <message>
        <source>Results diverge from %1.</source>
        <translation>结果自 %1 起出现分歧。</translation>
    </message>
    <message>
        <source>Rows of that quarter are highlighted; the dotted line marks it on the charts.</source>
        <translation>该季度的行已高亮；图表中的虚线标出该季度。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Export a copy</source>
        <translation>导出副本</translation>
    </message>
    <message>
        <source>Exporting a checked copy…</source>
        <translation>正在导出经过检查的副本…</translation>
    </message>
    <message>
        <source>Exported %1: a checked copy with only the game&apos;s data, safe to e-mail.</source>
        <translation>已导出 %1：经过检查、只含游戏数据的副本，可放心通过邮件发送。</translation>
    </message>
    <message>
        <source>Export CSV into</source>
        <translation>导出 CSV 到</translation>
    </message>
    <message>
        <source>Writing CSV files…</source>
        <translation>正在写入 CSV 文件…</translation>
    </message>
    <message>
        <source>Wrote %1 CSV files into %2.</source>
        <translation>已将 %1 个 CSV 文件写入 %2。</translation>
    </message>
    <message>
        <source>Re-simulating the recorded decisions…</source>
        <translation>正在用记录的决策重新模拟…</translation>
    </message>
    <message>
        <source>Save the fork as</source>
        <translation>分支另存为</translation>
    </message>
    <message>
        <source>Re-running every computer-played firm from %1…</source>
        <translation>正在自 %1 起重新运行所有电脑控制的企业…</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>与之比较</translation>
    </message>
    <message>
        <source>Comparing the branches…</source>
        <translation>正在比较分支…</translation>
    </message>
    <message>
        <source>List price</source>
        <translation>指导价</translation>
    </message>
    <message>
        <source>Production target</source>
        <translation>生产目标</translation>
    </message>
    <message>
        <source>Capacity ordered</source>
        <translation>新增产能订单</translation>
    </message>
    <message>
        <source>Shifts</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Marketing budget</source>
        <translation>营销预算</translation>
    </message>
    <message>
        <source>Autonomy R&amp;D budget</source>
        <translation>智驾研发预算</translation>
    </message>
    <message>
        <source>Chip programme budget</source>
        <translation>芯片计划预算</translation>
    </message>
    <message>
        <source>Ecosystem integration budget</source>
        <translation>生态整合预算</translation>
    </message>
    <message>
        <source>Connected services budget</source>
        <translation>网联服务预算</translation>
    </message>
    <message>
        <source>Charging budget</source>
        <translation>充电预算</translation>
    </message>
    <message>
        <source>Launch</source>
        <translation>上市</translation>
    </message>
    <message>
        <source>Start developing the %1</source>
        <translation>开始研发 %1</translation>
    </message>
    <message>
        <source>What if? Fork from a quarter</source>
        <translation>假如……？从某季度分支</translation>
    </message>
    <message>
        <source>Change any firm&apos;s decisions in the chosen quarter. Quarters before it repeat what was played; from it on every computer-played firm decides again, deterministically, and teams keep their recorded decisions.</source>
        <translation>修改任意企业在所选季度的决策。此前的季度完全重演原局；从该季度起，所有电脑控制的企业按确定的方式重新决策，各队保留其记录的决策。</translation>
    </message>
    <message>
        <source>Keep the changed values in every later quarter too</source>
        <translation>在之后的每个季度也保持修改后的数值</translation>
    </message>
    <message>
        <source>Run the fork…</source>
        <translation>运行分支…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Fork from</source>
        <translation>分支起点</translation>
    </message>
    <message>
        <source>Changes: %1</source>
        <translation>修改：%1</translation>
    </message>
    <message>
        <source>Change at least one value to fork.</source>
        <translation>至少修改一个数值才能分支。</translation>
    </message>
    <message>
        <source>%1: is the original; choose a new file for the fork.</source>
        <translation>%1：这是原局文件；请为分支选择新文件。</translation>
    </message>
    <message>
        <source>this game</source>
        <translation>本局</translation>
    </message>
    <message>
        <source>Luck versus skill</source>
        <translation>运气与实力</translation>
    </message>
    <message>
        <source>The game is unfinished: an objective counts as won when it is on track after the last quarter played.</source>
        <translation>本局尚未结束：若在最后一个已玩季度后目标仍在正轨，即算达成。</translation>
    </message>
    <message>
        <source>Replays the recorded decisions of %1 in other random worlds (other demand, events and breakthroughs; the computer-played firms decide again in each) and counts how often they meet every objective.</source>
        <translation>在其他随机世界中重演 %1 记录的决策（需求、事件与技术突破各不相同；电脑控制的企业在每个世界中重新决策），统计多少次能达成全部目标。</translation>
    </message>
    <message>
        <source>worlds</source>
        <translation>个世界</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Press Run to start.</source>
        <translation>点击“运行”开始。</translation>
    </message>
    <message>
        <source>Final score in each world</source>
        <translation>每个世界中的最终得分</translation>
    </message>
    <message>
        <source>Worlds</source>
        <translation>世界数</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Replaying the decisions in %1 worlds…</source>
        <translation>正在 %1 个世界中重演决策…</translation>
    </message>
    <message>
        <source>won</source>
        <translation>达成</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>未达成</translation>
    </message>
    <message>
        <source>Wins in %1 of %2 worlds</source>
        <translation>在 %2 个世界中有 %1 获胜</translation>
    </message>
    <message>
        <source>As played: %1. The final score as played (red line) is at or above the score in %2 of the worlds.</source>
        <translation>本局实际：%1。实际最终得分（红线）不低于 %2 的世界中的得分。</translation>
    </message>
    <message>
        <source>Rivals that played the hard AI are played by the normal AI in these worlds, the model their look-ahead assumes.</source>
        <translation>在这些世界中，原由困难 AI 操控的对手改由普通 AI 操控——这正是其前瞻推演所假设的模型。</translation>
    </message>
    <message>
        <source>%1 of worlds: %2</source>
        <translation>%1 的世界：%2</translation>
    </message>
    <message>
        <source>Each objective</source>
        <translation>各项目标</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>Open replay</source>
        <translation>打开回放</translation>
    </message>
    <message>
        <source>Play at least one quarter (and wait for it to resolve) before forking.</source>
        <translation>请至少玩完一个季度（并等待其结算）后再分支。</translation>
    </message>
    <message>
        <source>Open &amp;replay…</source>
        <translation>打开回放(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Fork from a quarter…</source>
        <translation>从某季度分支(&amp;F)…</translation>
    </message>
    <message>
        <source>team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>AI (easy)</source>
        <translation>电脑（简单）</translation>
    </message>
    <message>
        <source>AI (normal)</source>
        <translation>电脑（普通）</translation>
    </message>
    <message>
        <source>AI (hard)</source>
        <translation>电脑（困难）</translation>
    </message>
    <message>
        <source>history script</source>
        <translation>历史脚本</translation>
    </message>
    <message>
        <source>Private: the team playing %1 could not see this then.</source>
        <translation>保密：操作 %1 的团队当时看不到此项。</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>决策者</translation>
    </message>
    <message>
        <source>Operating
profit</source>
        <translation>经营
利润</translation>
    </message>
    <message>
        <source>Gross
margin</source>
        <translation>毛利率</translation>
    </message>
    <message>
        <source>Order
backlog</source>
        <translation>订单
积压</translation>
    </message>
    <message>
        <source>Autonomy</source>
        <translation>智驾</translation>
    </message>
    <message>
        <source>List prices</source>
        <translation>指导价</translation>
    </message>
    <message>
        <source>Incentives</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>生产</translation>
    </message>
    <message>
        <source>Capacity
ordered</source>
        <translation>新增
产能</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>营销</translation>
    </message>
    <message>
        <source>Autonomy
R&amp;D</source>
        <translation>智驾
研发</translation>
    </message>
    <message>
        <source>Chip</source>
        <translation>芯片</translation>
    </message>
    <message>
        <source>Ecosystem
integration</source>
        <translation>生态
整合</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Charging</source>
        <translation>充电</translation>
    </message>
    <message>
        <source>Bundle
subsidy</source>
        <translation>捆绑
补贴</translation>
    </message>
    <message>
        <source>Parent
draw</source>
        <translation>母公司
注资</translation>
    </message>
    <message>
        <source>Equity
raised</source>
        <translation>股权
融资</translation>
    </message>
    <message>
        <source>Launches</source>
        <translation>新车上市</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>No event this quarter.</source>
        <translation>本季度无事件。</translation>
    </message>
    <message>
        <source>Injected by the facilitator</source>
        <translation>主持人注入</translation>
    </message>
    <message>
        <source>Objectives after this quarter</source>
        <translation>本季度后的目标</translation>
    </message>
    <message>
        <source>Only the team playing %1 sees its objectives.</source>
        <translation>只有操作 %1 的团队能看到其目标。</translation>
    </message>
    <message>
        <source>met</source>
        <translation>已达成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>未达成</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>This scenario sets no objectives.</source>
        <translation>本场景未设定目标。</translation>
    </message>
    <message>
        <source>target: %1</source>
        <translation>对象：%1</translation>
    </message>
    <message>
        <source>Drag to move through the quarters (← and → step, Space plays)</source>
        <translation>拖动以浏览各季度（← 和 → 逐季，空格键播放）</translation>
    </message>
    <message>
        <source>First quarter (Home)</source>
        <translation>第一个季度（Home）</translation>
    </message>
    <message>
        <source>Previous quarter (←)</source>
        <translation>上一季度（←）</translation>
    </message>
    <message>
        <source>Play the game quarter by quarter (Space)</source>
        <translation>逐季播放本局（空格键）</translation>
    </message>
    <message>
        <source>Next quarter (→)</source>
        <translation>下一季度（→）</translation>
    </message>
    <message>
        <source>Last quarter (End)</source>
        <translation>最后一个季度（End）</translation>
    </message>
    <message>
        <source>event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>injected by the facilitator</source>
        <translation>主持人注入</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>暂停（空格键）</translation>
    </message>
    <message>
        <source>%1 · quarter %2 of %3</source>
        <translation>%1 · 第 %2 / %3 季度</translation>
    </message>
    <message>
        <source>Cannot verify: this version of Closed Loop cannot re-simulate the save (%1). The viewer shows the stored results, exactly as they were played.</source>
        <translation>无法验证：此版本的闭环无法重新模拟该存档（%1）。回放显示的是存档中记录的结果，与当时的对局完全一致。</translation>
    </message>
    <message>
        <source>Verified: re-simulating the recorded decisions gives the same result in all %1 quarters.</source>
        <translation>验证通过：用记录的决策重新模拟，全部 %1 个季度的结果完全相同。</translation>
    </message>
    <message>
        <source>Cannot verify: the save was made by Closed Loop %1 and this is %2. A different engine computes different results from the same decisions (here from %3 on), so a replay cannot confirm it. The viewer shows the stored results, exactly as they were played.</source>
        <translation>无法验证：该存档由闭环 %1 生成，当前版本为 %2。不同版本的引擎对同样的决策会算出不同的结果（此处自 %3 起），因此重演无法确认它。回放显示的是存档中记录的结果，与当时的对局完全一致。</translation>
    </message>
    <message>
        <source>The replay diverges at %1 (quarter %2 of %3): the model code of this build differs from the one that saved the file (for example a development build), or the file was altered. The viewer shows the stored results, exactly as they were played.</source>
        <translation>重演在 %1 出现分歧（第 %2 / %3 季度）：当前版本的模型代码与保存该文件时的不同（例如开发版本），或是文件被改动过。回放显示的是存档中记录的结果，与当时的对局完全一致。</translation>
    </message>
    <message>
        <source>The replay diverges at %1 (quarter %2 of %3): the same version re-simulating the recorded decisions gets another result there, so the file was altered or was made on a machine that computes differently (numpy %4 then, %5 now).</source>
        <translation>重演在 %1 出现分歧（第 %2 / %3 季度）：同一版本用记录的决策重新模拟，在该季度得到不同的结果，说明文件被改动过，或是在计算方式不同的机器上生成的（当时 numpy %4，现在 %5）。</translation>
    </message>
    <message>
        <source>The decisions replay exactly, but the results stored for %1 differ from the replay&apos;s: the file was altered after it was saved.</source>
        <translation>决策可以精确重演，但 %1 存储的结果与重演结果不同：文件在保存后被改动过。</translation>
    </message>
    <message>
        <source>Replay — %1</source>
        <translation>回放 — %1</translation>
    </message>
    <message>
        <source>Facilitator view: everything</source>
        <translation>主持人视角：全部信息</translation>
    </message>
    <message>
        <source>Team view: %1</source>
        <translation>团队视角：%1</translation>
    </message>
    <message>
        <source>A team view shows only what that team could see after the quarter shown: rivals&apos; private figures read —.</source>
        <translation>团队视角只显示该团队在所示季度之后能看到的信息：对手的保密数据显示为 —。</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>决策</translation>
    </message>
    <message>
        <source>nobody (every firm by the computer)</source>
        <translation>无（所有企业均由电脑控制）</translation>
    </message>
    <message>
        <source>%1 – %2 · %3 of %4 quarters played · seed %5 · played by teams: %6</source>
        <translation>%1 – %2 · 已玩 %3 / %4 个季度 · 随机种子 %5 · 团队操作：%6</translation>
    </message>
    <message>
        <source>saved by Closed Loop %1</source>
        <translation>由闭环 %1 保存</translation>
    </message>
    <message>
        <source>A fork of %1 at %2: %3</source>
        <translation>%1 于 %2 的分支：%3</translation>
    </message>
    <message>
        <source>Stored results, exactly as played: nothing is re-simulated to show them.</source>
        <translation>存档中记录的结果，与当时的对局完全一致：显示时不做任何重新模拟。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open replay…</source>
        <translation>打开回放(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;recent replay</source>
        <translation>最近的回放(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export a copy (safe to e-mail)…</source>
        <translation>导出副本（可邮件发送）(&amp;E)…</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>导出 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>Start &amp;screen</source>
        <translation>开始界面(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Replay</source>
        <translation>回放(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Verify replay</source>
        <translation>验证回放(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Fork from this quarter…</source>
        <translation>从本季度分支(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Compare with another branch…</source>
        <translation>与另一分支比较(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Luck versus skill…</source>
        <translation>运气与实力(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Play / pause</source>
        <translation>播放 / 暂停(&amp;P)</translation>
    </message>
    <message>
        <source>P&amp;revious quarter</source>
        <translation>上一季度(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Next quarter</source>
        <translation>下一季度(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;First quarter</source>
        <translation>第一个季度(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Last quarter</source>
        <translation>最后一个季度(&amp;L)</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>交付</translation>
    </message>
    <message>
        <source>Backlog at quarter end</source>
        <translation>季末积压订单</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>  of which cars</source>
        <translation>  其中：整车</translation>
    </message>
    <message>
        <source>  of which services</source>
        <translation>  其中：服务</translation>
    </message>
    <message>
        <source>  of which ecosystem devices</source>
        <translation>  其中：生态设备</translation>
    </message>
    <message>
        <source>Cost of sales</source>
        <translation>销售成本</translation>
    </message>
    <message>
        <source>Gross profit</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>Gross margin</source>
        <translation>毛利率</translation>
    </message>
    <message>
        <source>R&amp;D</source>
        <translation>研发费用</translation>
    </message>
    <message>
        <source>Selling and admin</source>
        <translation>销售及管理费用</translation>
    </message>
    <message>
        <source>Operating profit</source>
        <translation>经营利润</translation>
    </message>
    <message>
        <source>Capex</source>
        <translation>资本开支</translation>
    </message>
    <message>
        <source>Financing received</source>
        <translation>获得融资</translation>
    </message>
    <message>
        <source>Emergency funding</source>
        <translation>紧急融资</translation>
    </message>
    <message>
        <source>Cash at quarter end</source>
        <translation>季末现金</translation>
    </message>
    <message>
        <source>Debt</source>
        <translation>负债</translation>
    </message>
    <message>
        <source>Closed-loop ratio</source>
        <translation>闭环比例</translation>
    </message>
    <message>
        <source>Why orders changed</source>
        <translation>订单为何变化</translation>
    </message>
    <message>
        <source>Why operating profit changed</source>
        <translation>经营利润为何变化</translation>
    </message>
    <message>
        <source>The waterfalls start with the second quarter: the first has no previous quarter to compare with.</source>
        <translation>瀑布图从第二个季度开始：第一个季度没有可比较的上一季度。</translation>
    </message>
    <message>
        <source>Profit and loss</source>
        <translation>损益表</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>市场</translation>
    </message>
    <message>
        <source>No quarter has been played yet.</source>
        <translation>还没有进行任何季度。</translation>
    </message>
    <message>
        <source>Quarterly report — %1</source>
        <translation>季度报告 — %1</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
</context>
<context>
    <name>Rivals</name>
    <message>
        <source>Firm</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>交付</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>份额</translation>
    </message>
    <message>
        <source>Avg. price</source>
        <translation>均价</translation>
    </message>
    <message>
        <source>Price
change</source>
        <translation>价格
变化</translation>
    </message>
    <message>
        <source>Capacity
(incl. building)</source>
        <translation>产能
（含在建）</translation>
    </message>
    <message>
        <source>Autonomy
(marketed)</source>
        <translation>智驾
（宣传等级）</translation>
    </message>
    <message>
        <source>(you)</source>
        <translation>（你）</translation>
    </message>
    <message>
        <source>left the market</source>
        <translation>已退出市场</translation>
    </message>
    <message>
        <source>Last quarter, public information only: what any analyst could know.</source>
        <translation>上季度数据，仅限公开信息：任何分析师都能获得的信息。</translation>
    </message>
</context>
<context>
    <name>Saving</name>
    <message>
        <source>Saving and loading games is not available in this version yet.</source>
        <translation>本版本暂不支持保存和读取游戏。</translation>
    </message>
    <message>
        <source>Closed Loop games (*%s);;All files (*)</source>
        <translation>《闭环》游戏存档 (*%s);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>Score</name>
    <message>
        <source>Market share</source>
        <translation>市场份额</translation>
    </message>
    <message>
        <source>Operating margin</source>
        <translation>经营利润率</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Autonomy</source>
        <translation>智驾</translation>
    </message>
    <message>
        <source>Ecosystem</source>
        <translation>生态</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>Valuation</source>
        <translation>估值</translation>
    </message>
    <message>
        <source>met</source>
        <translation>已达成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>未达成</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Objectives</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>This scenario sets you no objectives.</source>
        <translation>本场景没有为你设定目标。</translation>
    </message>
    <message>
        <source>Score: –</source>
        <translation>得分：–</translation>
    </message>
    <message>
        <source>Score %1 · rank %2 of %3</source>
        <translation>得分 %1 · 第 %2 名（共 %3 家）</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>This game has no player&apos;s firm: every firm is played by the computer. Open it as a replay.</source>
        <translation>这局游戏没有玩家控制的企业：所有企业都由电脑操作。请以回放方式打开。</translation>
    </message>
    <message>
        <source>No quarter is open for decisions.</source>
        <translation>当前没有可以决策的季度。</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>修改 %1</translation>
    </message>
    <message>
        <source>Use the advisor&apos;s plan</source>
        <translation>采用顾问方案</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>自动保存失败：%1</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>跟随系统语言</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Futures simulated by the preview</source>
        <translation>预测时模拟的情景数</translation>
    </message>
    <message>
        <source>Autosave after every quarter</source>
        <translation>每个季度结束后自动保存</translation>
    </message>
    <message>
        <source>Open the quarterly report after every quarter</source>
        <translation>每个季度结束后打开季度报告</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Preview futures</source>
        <translation>预测情景数</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>Open game</source>
        <translation>打开游戏</translation>
    </message>
    <message>
        <source>There is no game to continue yet.</source>
        <translation>还没有可以继续的游戏。</translation>
    </message>
    <message>
        <source>Save game</source>
        <translation>保存游戏</translation>
    </message>
    <message>
        <source>Closed Loop</source>
        <translation>闭环</translation>
    </message>
</context>
<context>
    <name>Start</name>
    <message>
        <source>Closed Loop</source>
        <translation>闭环</translation>
    </message>
    <message>
        <source>A business war-game of the Chinese EV market: can system efficiency pay where car margins cannot?</source>
        <translation>一款关于中国电动车市场的商业战棋游戏：当整车利润撑不起来时，体系效率能否赚到钱？</translation>
    </message>
    <message>
        <source>New campaign…</source>
        <translation>新战役…</translation>
    </message>
    <message>
        <source>Pick a scenario, a company, the rivals&apos; difficulty and a seed</source>
        <translation>选择场景、企业、对手难度和随机种子</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Resume the most recent game</source>
        <translation>继续最近的一局</translation>
    </message>
    <message>
        <source>Open saved game…</source>
        <translation>打开存档…</translation>
    </message>
    <message>
        <source>Load a game file</source>
        <translation>读取游戏存档</translation>
    </message>
    <message>
        <source>Open replay…</source>
        <translation>打开回放…</translation>
    </message>
    <message>
        <source>Watch a finished game quarter by quarter</source>
        <translation>逐季度回看一局已完成的游戏</translation>
    </message>
    <message>
        <source>Workshop…</source>
        <translation>工作坊…</translation>
    </message>
    <message>
        <source>Several teams, one facilitator: on this laptop or over the local network</source>
        <translation>多支队伍、一位主持人：在这台电脑上或通过局域网</translation>
    </message>
    <message>
        <source>Join workshop…</source>
        <translation>加入工作坊…</translation>
    </message>
    <message>
        <source>Your team joins a workshop hosted on the local network</source>
        <translation>你的队伍加入局域网上主持的工作坊</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Language, theme, preview size, autosave</source>
        <translation>语言、主题、预测规模、自动保存</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <source>CNY</source>
        <translation>元</translation>
    </message>
    <message>
        <source>10k CNY</source>
        <translation>万元</translation>
    </message>
    <message>
        <source>M CNY/quarter</source>
        <translation>百万元/季度</translation>
    </message>
    <message>
        <source>100M CNY/quarter</source>
        <translation>亿元/季度</translation>
    </message>
    <message>
        <source>M CNY</source>
        <translation>百万元</translation>
    </message>
    <message>
        <source>100M CNY</source>
        <translation>亿元</translation>
    </message>
    <message>
        <source>CNY per car</source>
        <translation>元/辆</translation>
    </message>
    <message>
        <source>cars/quarter</source>
        <translation>辆/季度</translation>
    </message>
</context>
<context>
    <name>Workshop</name>
    <message>
        <source>Teams</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Forecasts and log</source>
        <translation>预测与日志</translation>
    </message>
    <message>
        <source>one laptop</source>
        <translation>单台电脑</translation>
    </message>
    <message>
        <source>local network</source>
        <translation>局域网</translation>
    </message>
    <message>
        <source>%1 · %2 teams · %3</source>
        <translation>%1 · %2 支队伍 · %3</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>工作坊</translation>
    </message>
    <message>
        <source>Projector view</source>
        <translation>投影视图</translation>
    </message>
    <message>
        <source>Leaderboard, market-share race and news for the room (no private data) (F5)</source>
        <translation>为全场展示排行榜、市场份额角逐和新闻（不含私密数据）（F5）</translation>
    </message>
    <message>
        <source>Debrief pack…</source>
        <translation>复盘资料…</translation>
    </message>
    <message>
        <source>Write the debrief as HTML, PDF and CSV</source>
        <translation>以 HTML、PDF 和 CSV 生成复盘资料</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>另存副本…</translation>
    </message>
    <message>
        <source>Close workshop</source>
        <translation>关闭工作坊</translation>
    </message>
    <message>
        <source>not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Workshop console — %1 [%2]</source>
        <translation>工作坊控制台 — %1 [%2]</translation>
    </message>
    <message>
        <source>%1 resolved: teams see their results.</source>
        <translation>%1 已结算：各队可以看到结果。</translation>
    </message>
    <message>
        <source>The workshop is finished: write the debrief pack.</source>
        <translation>工作坊已结束：请生成复盘资料。</translation>
    </message>
    <message>
        <source>Save a copy of the workshop</source>
        <translation>保存工作坊副本</translation>
    </message>
    <message>
        <source>Saved a copy to %1</source>
        <translation>副本已保存到 %1</translation>
    </message>
    <message>
        <source>Folder for the debrief pack</source>
        <translation>复盘资料的文件夹</translation>
    </message>
    <message>
        <source>Close the workshop?</source>
        <translation>关闭工作坊？</translation>
    </message>
    <message>
        <source>The workshop is saved and can be resumed later from its file (Open saved game…). Teams connected over the network are disconnected. Close it?</source>
        <translation>工作坊已保存，之后可从文件继续（打开存档…）。通过网络连接的队伍将断开。确定关闭吗？</translation>
    </message>
    <message>
        <source>Wait: the quarter is being resolved.</source>
        <translation>请稍候：正在结算本季度。</translation>
    </message>
    <message>
        <source>Lock the round before resolving it.</source>
        <translation>请先锁定本轮再结算。</translation>
    </message>
    <message>
        <source>%1&apos;s PIN was reset: its screen opens after a confirmation until it sets a new PIN.</source>
        <translation>%1 的 PIN 已重置：在其设置新 PIN 之前，打开其界面需先确认队名。</translation>
    </message>
    <message>
        <source>Time is up: the round is locked.</source>
        <translation>时间到：本轮已锁定。</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>自动保存失败：%1</translation>
    </message>
    <message>
        <source>Run a workshop as its facilitator: several teams, each running one firm, on this laptop or over the local network.</source>
        <translation>作为主持人运行工作坊：多支队伍各自经营一家企业，在这台电脑上或通过局域网进行。</translation>
    </message>
    <message>
        <source>New workshop…</source>
        <translation>新建工作坊…</translation>
    </message>
    <message>
        <source>Resume a saved workshop…</source>
        <translation>继续已保存的工作坊…</translation>
    </message>
    <message>
        <source>Resume a workshop</source>
        <translation>继续工作坊</translation>
    </message>
    <message>
        <source>Resume the workshop</source>
        <translation>继续工作坊</translation>
    </message>
    <message>
        <source>%1 quarter(s) played, %2 teams. How do teams take part now?</source>
        <translation>已进行 %1 个季度，%2 支队伍。现在队伍如何参与？</translation>
    </message>
    <message>
        <source>On this laptop</source>
        <translation>在这台电脑上</translation>
    </message>
    <message>
        <source>Over the local network</source>
        <translation>通过局域网</translation>
    </message>
    <message>
        <source>Cannot listen on %1:%2 (%3). Choose another port.</source>
        <translation>无法在 %1:%2 上监听（%3）。请换一个端口。</translation>
    </message>
    <message>
        <source>Every firm&apos;s last quarter</source>
        <translation>各企业上季度结果</translation>
    </message>
    <message>
        <source>Leaderboard after %1</source>
        <translation>%1后的排行榜</translation>
    </message>
    <message>
        <source>No quarter resolved yet</source>
        <translation>尚未结算任何季度</translation>
    </message>
    <message>
        <source>Firm</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>unlocked</source>
        <translation>已解锁</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>已结算</translation>
    </message>
    <message>
        <source>opened</source>
        <translation>已开放</translation>
    </message>
    <message>
        <source>reopened</source>
        <translation>已重新开放</translation>
    </message>
    <message>
        <source>deadline extended</source>
        <translation>截止时间已延长</translation>
    </message>
    <message>
        <source>event queued</source>
        <translation>事件已加入</translation>
    </message>
    <message>
        <source>event withdrawn</source>
        <translation>事件已撤回</translation>
    </message>
    <message>
        <source>Forecast accuracy</source>
        <translation>预测准确度</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>open for decisions</source>
        <translation>开放决策</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>time is up</source>
        <translation>时间到</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <source>Reopening %1 discards its results, which teams may already have seen.</source>
        <translation>重新开放 %1 会丢弃其结果，而各队可能已经看过这些结果。</translation>
    </message>
    <message>
        <source>%1 submission(s) and %2 injection(s) for %3 are discarded too.</source>
        <translation>%3 的 %1 份提交和 %2 个事件也会被丢弃。</translation>
    </message>
    <message>
        <source>Teams&apos; turns…</source>
        <translation>队伍轮流操作…</translation>
    </message>
    <message>
        <source>Hand the laptop to the teams: each enters its decisions privately</source>
        <translation>把电脑交给各队：每队私下输入决策</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Close submissions for this round</source>
        <translation>关闭本轮提交</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Let teams submit again</source>
        <translation>允许各队再次提交</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>结算</translation>
    </message>
    <message>
        <source>Play the quarter: teams without a submission get the workshop&apos;s default</source>
        <translation>进行本季度：未提交的队伍采用工作坊的默认决策</translation>
    </message>
    <message>
        <source>Open next round</source>
        <translation>开放下一轮</translation>
    </message>
    <message>
        <source>Start the next quarter&apos;s round (and its timer)</source>
        <translation>开始下一季度的回合（及其计时）</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>重新开放…</translation>
    </message>
    <message>
        <source>Undo the last resolved quarter and open it again</source>
        <translation>撤销最近结算的季度并重新开放</translation>
    </message>
    <message>
        <source>min</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Extend</source>
        <translation>延长</translation>
    </message>
    <message>
        <source>Move the deadline later by these minutes</source>
        <translation>把截止时间推迟这些分钟</translation>
    </message>
    <message>
        <source>%1 of %2 submitted</source>
        <translation>%2 支中已有 %1 支提交</translation>
    </message>
    <message>
        <source>quarter %1 of %2</source>
        <translation>第 %1 / %2 季度</translation>
    </message>
    <message>
        <source>resolving…</source>
        <translation>结算中…</translation>
    </message>
    <message>
        <source>Reopen the last quarter?</source>
        <translation>重新开放上一季度？</translation>
    </message>
    <message>
        <source>Join codes</source>
        <translation>加入码</translation>
    </message>
    <message>
        <source>Teams choose “Join workshop…” on the start screen and enter the host address %1 and their code. A code works once; a team that lost its laptop gets a new one with Reissue.</source>
        <translation>各队在开始界面选择“加入工作坊…”，输入主机地址 %1 和本队的加入码。每个加入码只能用一次；丢失电脑的队伍可通过“重新发放”获得新码。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Reissue…</source>
        <translation>重新发放…</translation>
    </message>
    <message>
        <source>Revoke this team&apos;s access and show a new code (its open connections are closed; its sealed decision is kept)</source>
        <translation>撤销该队的访问权限并显示新码（其现有连接会被关闭；已密封的决策保留）</translation>
    </message>
    <message>
        <source>Copy all codes</source>
        <translation>复制所有加入码</translation>
    </message>
    <message>
        <source>Team PINs</source>
        <translation>队伍 PIN</translation>
    </message>
    <message>
        <source>A team may set a PIN of 4 to 6 digits when it submits; from then on its screen opens only with that PIN. A team without a PIN that has submitted must confirm its name to reopen its screen. Reset a forgotten PIN here (five wrong tries shut the team&apos;s screen until you do).</source>
        <translation>队伍提交时可设置 4 到 6 位数字的 PIN；此后只有输入该 PIN 才能打开其界面。未设 PIN 且已提交的队伍，重新打开界面前须确认队名。队伍忘记 PIN 时可在此重置（连续输错五次后，该队界面会锁定，直到你重置）。</translation>
    </message>
    <message>
        <source>Reset PIN…</source>
        <translation>重置 PIN…</translation>
    </message>
    <message>
        <source>shut after wrong PINs</source>
        <translation>因 PIN 输错已锁定</translation>
    </message>
    <message>
        <source>PIN set</source>
        <translation>已设 PIN</translation>
    </message>
    <message>
        <source>no PIN</source>
        <translation>未设 PIN</translation>
    </message>
    <message>
        <source>Reset %1&apos;s PIN?</source>
        <translation>重置 %1 的 PIN？</translation>
    </message>
    <message>
        <source>Do this only when %1 asks. Its screen then opens after a confirmation until it sets a new PIN when it submits.</source>
        <translation>仅在 %1 要求时执行。此后在其提交时设置新 PIN 之前，打开其界面只需确认队名。</translation>
    </message>
    <message>
        <source>Host: %1</source>
        <translation>主机：%1</translation>
    </message>
    <message>
        <source>Reissue access?</source>
        <translation>重新发放访问权限？</translation>
    </message>
    <message>
        <source>%1&apos;s current code and connections stop working at once; the team joins again with the new code. Continue?</source>
        <translation>%1 的当前加入码和连接将立即失效；该队需用新码重新加入。继续吗？</translation>
    </message>
    <message>
        <source>New code for %1: %2</source>
        <translation>%1 的新加入码：%2</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决策</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Join code</source>
        <translation>加入码</translation>
    </message>
    <message>
        <source>✓ submitted</source>
        <translation>✓ 已提交</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>recorded</source>
        <translation>已记录</translation>
    </message>
    <message>
        <source>%1 connection(s)</source>
        <translation>%1 个连接</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>joined</source>
        <translation>已加入</translation>
    </message>
</context>
<context>
    <name>WorkshopSetup</name>
    <message>
        <source>Teams see the leaderboard</source>
        <translation>各队可见排行榜</translation>
    </message>
    <message>
        <source>The balanced-scorecard ranking of every firm</source>
        <translation>所有企业的平衡计分卡排名</translation>
    </message>
    <message>
        <source>Teams see rivals&apos; history</source>
        <translation>各队可见对手历史</translation>
    </message>
    <message>
        <source>Rivals&apos; public figures for every past quarter (else the latest only)</source>
        <translation>对手过去每个季度的公开数据（否则只显示最近一季）</translation>
    </message>
    <message>
        <source>Teams may ask for an advisor&apos;s plan</source>
        <translation>各队可以请求顾问方案</translation>
    </message>
    <message>
        <source>An AI draft of their own decisions</source>
        <translation>由 AI 起草的本队决策</translation>
    </message>
    <message>
        <source>Teams see rivals&apos; financials</source>
        <translation>各队可见对手财务</translation>
    </message>
    <message>
        <source>Rivals&apos; revenue, operating profit and cash, as listed companies publish them</source>
        <translation>对手的收入、经营利润和现金，如同上市公司披露的那样</translation>
    </message>
    <message>
        <source>New workshop</source>
        <translation>新建工作坊</translation>
    </message>
    <message>
        <source>Firm</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Played by</source>
        <translation>操作方</translation>
    </message>
    <message>
        <source>Team name (optional)</source>
        <translation>队名（可选）</translation>
    </message>
    <message>
        <source>min</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>no timer</source>
        <translation>不计时</translation>
    </message>
    <message>
        <source>the advisor&apos;s plan (AI)</source>
        <translation>顾问方案（AI）</translation>
    </message>
    <message>
        <source>its previous decision again</source>
        <translation>沿用上一次的决策</translation>
    </message>
    <message>
        <source>What teams see</source>
        <translation>各队可见内容</translation>
    </message>
    <message>
        <source>One laptop: teams take turns (“pass the laptop”)</source>
        <translation>单台电脑：各队轮流操作（“传递电脑”）</translation>
    </message>
    <message>
        <source>Local network: each team joins from its own laptop</source>
        <translation>局域网：每队用自己的电脑加入</translation>
    </message>
    <message>
        <source>every network of this laptop</source>
        <translation>这台电脑的所有网络</translation>
    </message>
    <message>
        <source>this laptop only (testing)</source>
        <translation>仅本机（测试用）</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>任意空闲端口</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>剧本</translation>
    </message>
    <message>
        <source>Firms without a team are played by</source>
        <translation>无队伍的企业由谁操作</translation>
    </message>
    <message>
        <source>Quarters to play</source>
        <translation>进行的季度数</translation>
    </message>
    <message>
        <source>Round timer</source>
        <translation>每轮计时</translation>
    </message>
    <message>
        <source>A team that does not submit gets</source>
        <translation>未提交的队伍采用</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Listen on</source>
        <translation>监听</translation>
    </message>
    <message>
        <source>port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Saved as</source>
        <translation>保存为</translation>
    </message>
    <message>
        <source>Start the workshop</source>
        <translation>开始工作坊</translation>
    </message>
    <message>
        <source>Teams and firms</source>
        <translation>队伍与企业</translation>
    </message>
    <message>
        <source>Tick the firms teams run (up to %1); the other firms are rival AIs.</source>
        <translation>勾选由队伍经营的企业（最多 %1 家）；其他企业为 AI 对手。</translation>
    </message>
    <message>
        <source>a team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Tick at least one firm for a team.</source>
        <translation>请至少为一支队伍勾选一家企业。</translation>
    </message>
    <message>
        <source>At most %1 teams.</source>
        <translation>最多 %1 支队伍。</translation>
    </message>
    <message>
        <source>Two teams have the same name.</source>
        <translation>两支队伍重名。</translation>
    </message>
</context>
<context>
    <name>WorkshopTeam</name>
    <message>
        <source>Join a workshop</source>
        <translation>加入工作坊</translation>
    </message>
    <message>
        <source>The facilitator shows the host&apos;s address and your team&apos;s code. The code works once: this computer then remembers your team and reconnects by itself.</source>
        <translation>主持人会展示主机地址和你们队的加入码。加入码只能用一次：之后这台电脑会记住你们队并自动重新连接。</translation>
    </message>
    <message>
        <source>Host address</source>
        <translation>主机地址</translation>
    </message>
    <message>
        <source>Join code</source>
        <translation>加入码</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>加入</translation>
    </message>
    <message>
        <source>Reconnect as before (%1) without a code</source>
        <translation>无需加入码，按之前的身份（%1）重新连接</translation>
    </message>
    <message>
        <source>A join code has %1 letters and digits, e.g. K7P Q2M.</source>
        <translation>加入码由 %1 个字母和数字组成，例如 K7P Q2M。</translation>
    </message>
    <message>
        <source>Enter the host&apos;s address.</source>
        <translation>请输入主机地址。</translation>
    </message>
    <message>
        <source>Our forecast for this quarter (optional)</source>
        <translation>我们对本季度的预测（可选）</translation>
    </message>
    <message>
        <source>cars this quarter, e.g. %1</source>
        <translation>本季度车辆数，例如 %1</translation>
    </message>
    <message>
        <source>in %1, negative for a loss</source>
        <translation>单位：%1，亏损为负数</translation>
    </message>
    <message>
        <source>Why do you expect this? (what you bet on, what could go wrong)</source>
        <translation>为什么这样预期？（押注什么、可能出什么问题）</translation>
    </message>
    <message>
        <source>After the quarter, each forecast scores 0–100 by how close it came; the debrief compares every team&apos;s forecasts.</source>
        <translation>季度结束后，每个预测按接近程度得 0–100 分；复盘时会比较各队的预测。</translation>
    </message>
    <message>
        <source>Deliveries (cars)</source>
        <translation>交付量（辆）</translation>
    </message>
    <message>
        <source>Operating profit (%1)</source>
        <translation>经营利润（%1）</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Enter both numbers: deliveries and operating profit.</source>
        <translation>请同时输入交付量和经营利润。</translation>
    </message>
    <message>
        <source>The rationale is limited to %1 characters.</source>
        <translation>理由最多 %1 个字符。</translation>
    </message>
    <message>
        <source>Deliveries must be between 0 and %1 cars and the profit between −%2 and %2.</source>
        <translation>交付量须在 0 到 %1 辆之间，利润须在 −%2 到 %2 之间。</translation>
    </message>
    <message>
        <source>%1 shift(s)</source>
        <translation>%1 班</translation>
    </message>
    <message>
        <source>Budgets</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Now: cash %1, debt %2, one-shift capacity %3 cars/quarter, brand %4, credible price %5, autonomy %6.</source>
        <translation>当前：现金 %1，负债 %2，单班产能 %3 辆/季度，品牌 %4，可信价格 %5，智驾 %6。</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>交付</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Gross margin</source>
        <translation>毛利率</translation>
    </message>
    <message>
        <source>Operating profit</source>
        <translation>经营利润</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Market share</source>
        <translation>市场份额</translation>
    </message>
    <message>
        <source>Brand equity</source>
        <translation>品牌资产</translation>
    </message>
    <message>
        <source>Autonomy level</source>
        <translation>智驾等级</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>产能</translation>
    </message>
    <message>
        <source>Autonomy sold</source>
        <translation>销售的智驾等级</translation>
    </message>
    <message>
        <source>Quarter by quarter</source>
        <translation>逐季数据</translation>
    </message>
    <message>
        <source>Our results</source>
        <translation>我们的结果</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>市场</translation>
    </message>
    <message>
        <source>News</source>
        <translation>新闻</translation>
    </message>
    <message>
        <source>Leaderboard</source>
        <translation>排行榜</translation>
    </message>
    <message>
        <source>Our forecasts</source>
        <translation>我们的预测</translation>
    </message>
    <message>
        <source>No quarter has been resolved yet: your first results appear here after %1.</source>
        <translation>尚未结算任何季度：%1 之后这里会显示你们的第一份结果。</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>No news yet.</source>
        <translation>暂无新闻。</translation>
    </message>
    <message>
        <source>No results yet.</source>
        <translation>暂无结果。</translation>
    </message>
    <message>
        <source>Firm</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Market (%1)</source>
        <translation>市场（%1）</translation>
    </message>
    <message>
        <source>Not shown in this workshop.</source>
        <translation>本工作坊不显示。</translation>
    </message>
    <message>
        <source>Mean accuracy</source>
        <translation>平均准确度</translation>
    </message>
    <message>
        <source>Deliveries forecast</source>
        <translation>交付预测</translation>
    </message>
    <message>
        <source>Deliveries actual</source>
        <translation>实际交付</translation>
    </message>
    <message>
        <source>Profit forecast</source>
        <translation>利润预测</translation>
    </message>
    <message>
        <source>Profit actual</source>
        <translation>实际利润</translation>
    </message>
    <message>
        <source>Accuracy (0–100)</source>
        <translation>准确度（0–100）</translation>
    </message>
    <message>
        <source>Connecting to the host…</source>
        <translation>正在连接主机…</translation>
    </message>
    <message>
        <source>Connected as %1</source>
        <translation>已作为 %1 连接</translation>
    </message>
    <message>
        <source>Connection lost: reconnecting…</source>
        <translation>连接中断：正在重新连接…</translation>
    </message>
    <message>
        <source>The host refused this code (%1). Check it with the facilitator.</source>
        <translation>主机拒绝了这个加入码（%1）。请与主持人核对。</translation>
    </message>
    <message>
        <source>Your access was reissued by the facilitator: join again with the new code.</source>
        <translation>主持人已重新发放你们的访问权限：请用新码重新加入。</translation>
    </message>
    <message>
        <source>Disconnected.</source>
        <translation>已断开。</translation>
    </message>
    <message>
        <source>Closed Loop — workshop team</source>
        <translation>闭环 — 工作坊队伍</translation>
    </message>
    <message>
        <source>Joining the workshop…</source>
        <translation>正在加入工作坊…</translation>
    </message>
    <message>
        <source>Submit our decisions</source>
        <translation>提交我们的决策</translation>
    </message>
    <message>
        <source>The workshop is finished. Thank you!</source>
        <translation>工作坊已结束。谢谢！</translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2，%3</translation>
    </message>
    <message>
        <source>Submitted at %1. You can change and resubmit until the round is locked.</source>
        <translation>已于 %1 提交。在本轮锁定前可以修改并重新提交。</translation>
    </message>
    <message>
        <source>Decisions and forecast submitted at %1.</source>
        <translation>决策和预测已于 %1 提交。</translation>
    </message>
    <message>
        <source>The host refused: %1</source>
        <translation>主机拒绝：%1</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <source>Resubmit our decisions</source>
        <translation>重新提交我们的决策</translation>
    </message>
</context>
</TS>
