"""Unit costs: battery index with learning and lithium swings, Wright's law, automation, chips.

    unit cost_j = (1 + VAT) * ( kWh_j * battery index
                + body_j * (cumulative output_f / reference) ^ log2(1 - body learning rate) * (1 - saving * automation_f)
                + autonomy hardware_j * (1 + event change) * (1 - chip saving * chip done_f) )

Unit costs are in list-price terms (grossed up by the VAT that list prices include), so
``price - unit cost`` is a margin in the same terms as list prices; the model books revenue and
production cost net of VAT (``model.vat_rate``; 0 makes list prices revenue).
"""

import numpy as np

LEARNING_FACTOR_BOUNDS = (0.35, 2.5)


def battery_index(battery, battery_cum, lithium):
    """Pack price index (CNY/kWh), shape (B,).

    Falls by ``learning_rate`` per doubling of global cumulative volume (Wright's law) and swings
    with the lithium price on the ``lithium_share`` of pack cost.
    """
    learning = (battery_cum / battery.global_cum_gwh) ** np.log2(1.0 - battery.learning_rate)
    return battery.index_cny_per_kwh * learning * (1.0 - battery.lithium_share + battery.lithium_share * np.exp(lithium))


def body_learning(mp, cum_output):
    """Wright's-law factor on body cost per firm (B, F), bounded for very new and very old firms."""
    factor = ((cum_output + 1.0) / mp.body_reference_units) ** np.log2(1.0 - mp.body_learning_rate)
    return np.clip(factor, *LEARNING_FACTOR_BOUNDS)


def unit_costs(a, mp, index, cum_output, hw_change, chip_done):
    """Variable cost per vehicle in list-price terms (CNY incl. VAT), shape (B, J).

    Args:
        a: scenario arrays; mp: :class:`ModelParams`.
        index: (B,) battery index (CNY/kWh).
        cum_output: (B, F) cumulative units built; hw_change: (B, F) event change of hardware cost.
        chip_done: (B, F) 1 where the firm's own chip succeeded.
    """
    own = a.owner
    automation = a.firm["automation"][own]
    body = a.body_cost * body_learning(mp, cum_output)[:, own] * (1.0 - mp.automation_saving * automation)
    hardware = a.hw_cost * (1.0 + hw_change[:, own]) * (1.0 - mp.chip_hw_saving * chip_done[:, own])
    return (a.battery_kwh * index[:, None] + body + hardware) * (1.0 + mp.vat_rate)


def battery_step(battery, cum, flow, lithium, z, shock):
    """Next (cumulative GWh, GWh/quarter, lithium log deviation), each (B,).

    The lithium deviation mean-reverts, takes a normal shock ``z`` times ``lithium_sd`` and the
    event shock ``shock``.
    """
    new_lithium = (1.0 - battery.lithium_reversion) * lithium + battery.lithium_sd * z + shock
    return cum + flow, flow * (1.0 + battery.global_growth_per_quarter), np.clip(new_lithium, -3.0, 3.0)
