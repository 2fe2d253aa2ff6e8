"""Levenberg-Marquardt least squares in numpy (no SciPy), deterministic.

Minimises ``sum(fun(z) ** 2)`` over unbounded ``z`` with forward-difference Jacobians and
Marquardt's diagonal scaling. The model is a simulation, so each residual evaluation is a full
history run; the step is taken only when it lowers the cost, otherwise the damping grows and the
same Jacobian is reused. There is no randomness: the same function and start give the same path.
"""

from dataclasses import dataclass

import numpy as np

DAMPING0 = 1e-2
DAMPING_DOWN = 3.0
DAMPING_UP = 4.0
DAMPING_MAX = 1e10


@dataclass(frozen=True)
class LMResult:
    """Outcome of :func:`least_squares`."""

    z: np.ndarray
    cost: float
    cost0: float
    iterations: int
    evaluations: int


def jacobian(fun, z: np.ndarray, r: np.ndarray, step: float) -> np.ndarray:
    """Forward-difference Jacobian (len(r), len(z)) of ``fun`` at ``z`` where ``fun(z) == r``."""
    jac = np.empty((r.size, z.size))
    for i in range(z.size):
        dz = np.zeros_like(z)
        dz[i] = step
        jac[:, i] = (fun(z + dz) - r) / step
    return jac


def least_squares(fun, z0, max_iterations: int, tolerance: float, step: float, progress=None) -> LMResult:
    """Minimise ``||fun(z)||^2`` from ``z0``.

    Args:
        fun: residual function of a 1-D parameter array; must return finite values.
        z0: starting parameters.
        max_iterations: Jacobians to compute at most.
        tolerance: stop once an accepted step lowers the cost by less than this share of it.
        step: forward-difference step.
        progress: optional callable(iteration, cost) after each iteration.

    Returns:
        An :class:`LMResult`.
    """
    z = np.array(z0, dtype=float)
    r = fun(z)
    cost = cost0 = float(r @ r)
    evaluations, damping, iteration = 1, DAMPING0, 0
    while iteration < max_iterations:
        iteration += 1
        jac = jacobian(fun, z, r, step)
        evaluations += z.size
        gradient = jac.T @ r
        curvature = jac.T @ jac
        scale = np.maximum(np.diag(curvature), 1e-12)
        improved = False
        while damping < DAMPING_MAX:
            delta = np.linalg.solve(curvature + damping * np.diag(scale), -gradient)
            r_new = fun(z + delta)
            evaluations += 1
            cost_new = float(r_new @ r_new)
            if np.isfinite(cost_new) and cost_new < cost:
                improved = True
                break
            damping *= DAMPING_UP
        if progress is not None:
            progress(iteration, cost_new if improved else cost)
        if not improved:
            break
        gain = (cost - cost_new) / max(cost, 1e-300)
        z, r, cost = z + delta, r_new, cost_new
        damping = max(damping / DAMPING_DOWN, 1e-12)
        if gain < tolerance:
            break
    return LMResult(z, cost, cost0, iteration, evaluations)
