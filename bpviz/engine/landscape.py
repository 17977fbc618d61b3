"""The loss landscape: the loss over a plane of parameter space, evaluated for a whole grid at once.

Two uses, NumPy and the standard library only:

- The worked example: E_total over any two of w1..w8, b1, b2 (``EXAMPLE_AXES``), every other number fixed,
  with the path of the passes run so far (``example_path``) and the gradient as an arrow (``example_gradient``).
- The playground: the loss over the plane θ + a·d1 + b·d2 through the current parameters θ, spanned by two
  random filter-normalised directions (``random_directions``) or the two principal directions of the recorded
  trajectory (``pca_directions``), with the trajectory projected onto it (``project``). As in Li et al., 2018,
  "Visualizing the Loss Landscape of Neural Nets".

Both are one computation, ``plane_losses``: the (G, n_params) stack of parameter vectors of a chunk of grid points
is run through the network's forward pass as batched matrix products over (G, width, N), and the data loss is
the network's own (``Network.loss_value``: the same activations and ``Loss.terms``, no regularisation penalty).
The fixed cost of NumPy calls (about 10 µs a ``loss_value`` call) is paid once per chunk, not once per point.
The worked example is the plane spanned by the two unit directions of its chosen parameters, so the w1..w8 mapping
stays in ``bpviz.engine.presets``: a direction is the parameter vector of an example whose numbers are all 0 but
the chosen one, 1 (b1, a bias shared by the hidden layer, is then 1 in both of its entries).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from bpviz.engine.checks import is_real, is_whole, show
from bpviz.engine.phrases import QT_TRANSLATE_NOOP
from bpviz.engine.presets import ExampleParams, worked_example

EXAMPLE_AXES = ("w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "b1", "b2")
MIN_STEPS, MAX_STEPS = 2, 401
# Working memory of one chunk of grid points: chunks that stay in the CPU's cache ran 2-3x faster here than one
# chunk of the whole grid (and the peak memory stays a few MB whatever the grid).
CHUNK_BYTES = 2 * 2**20
PATH_PROGRESS_EVERY = 500  # passes of the worked example between two progress calls (~25 ms)


@dataclass(frozen=True)
class Landscape:
    """The loss over a grid: ``loss[i, j]`` is at (``x[j]``, ``y[i]``), row 0 = the lowest y, as an image is
    drawn. ``axes`` name what x and y are: two parameters of the worked example, or two directions of a plane
    (then x and y are the coefficients a and b of θ + a·d1 + b·d2). The arrays are read-only."""

    axes: tuple[str, str]
    x: np.ndarray  # (steps,)
    y: np.ndarray  # (steps,)
    loss: np.ndarray  # (steps, steps)

    def __post_init__(self):
        for name in ("x", "y", "loss"):
            array = np.array(getattr(self, name), dtype=np.float64)
            array.flags.writeable = False
            object.__setattr__(self, name, array)
        object.__setattr__(self, "axes", tuple(self.axes))

    def lowest(self) -> tuple[float, float, float]:
        """(x, y, loss) of the grid point with the lowest loss."""
        i, j = np.unravel_index(int(np.argmin(self.loss)), self.loss.shape)
        return float(self.x[j]), float(self.y[i]), float(self.loss[i, j])


# ---------------------------------------------------------------------------------------------------- the grid
def grid_offsets(span, steps) -> np.ndarray:
    """``steps`` equal steps from −span to +span; for an odd count the middle one is exactly 0 (the centre is a
    grid point) and the ends are exactly ±span."""
    if not is_real(span) or not math.isfinite(float(span)) or float(span) <= 0.0:
        raise ValueError(QT_TRANSLATE_NOOP("Landscape", "the span must be a finite number > 0, got {value}").format(
            value=show(span)))
    if not is_whole(steps) or not MIN_STEPS <= int(steps) <= MAX_STEPS:
        raise ValueError(QT_TRANSLATE_NOOP("Landscape", "the number of steps must be a whole number from {low} to "
                                                        "{high}, got {value}").format(
            low=MIN_STEPS, high=MAX_STEPS, value=show(steps)))
    steps = int(steps)
    # Integers over integers: symmetric, and exactly 0 in the middle (a linspace may miss it by an ulp).
    return float(span) * ((2.0 * np.arange(steps) - (steps - 1)) / (steps - 1))


def _layout(sizes) -> list[tuple[int, int, int]]:
    """(offset, n_in, n_out) of each layer's block in the parameter vector: an (n_in + 1, n_out) block, row-major,
    whose last row is the bias (bpviz.engine.network)."""
    layout, offset = [], 0
    for n_in, n_out in zip(sizes[:-1], sizes[1:]):
        layout.append((offset, n_in, n_out))
        offset += (n_in + 1) * n_out
    return layout


def _chunk_size(sizes, n_samples: int, n_points: int) -> int:
    """Grid points per chunk: the buffers of ``_BatchedForward`` (each hidden layer's net input and output, the
    output layer's net input, output, loss terms and targets) and the parameter vectors, per point."""
    floats = n_samples * (sum(2 * w + 1 for w in sizes[1:-1]) + 4 * sizes[-1])
    floats += 3 * sum((n_in + 1) * n_out for n_in, n_out in zip(sizes[:-1], sizes[1:]))
    return max(1, min(n_points, CHUNK_BYTES // (8 * floats)))


def plane_losses(net, X, Y, centre, d1, d2, a, b, progress=None) -> np.ndarray:
    """The data loss of ``net`` on (X, Y) at the parameters centre + a[j]·d1 + b[i]·d2, for every i, j:
    an array (len(b), len(a)), as ``net.loss_value`` gives it point by point (to ~1e-15 relative).

    ``centre``, ``d1``, ``d2`` are vectors in ``net.get_parameters()``'s layout; ``Y`` are the network's targets
    (N, n_outputs). The network is not changed; a loss that is not a finite number (parameters far out, a network
    that diverged) comes out as inf or nan for the caller to say in words. ``progress(done, total)``, if given, is
    called after each chunk of grid points (a worker shows how far it is; an exception it raises stops the work and
    propagates)."""
    X = np.asarray(X, dtype=np.float64)
    Y = np.asarray(Y, dtype=np.float64)
    sizes = net.sizes
    if X.ndim != 2 or X.shape[1] != sizes[0]:
        raise ValueError(f"the inputs must have shape (N, {sizes[0]}), got {X.shape}")
    if Y.ndim == 1 and sizes[-1] == 1:
        Y = Y.reshape(-1, 1)
    if Y.shape != (len(X), sizes[-1]):
        raise ValueError(f"the targets must have shape ({len(X)}, {sizes[-1]}), got {Y.shape}")
    n_params = net.get_parameters().size
    centre, d1, d2 = (np.asarray(v, dtype=np.float64) for v in (centre, d1, d2))
    for name, v in (("centre", centre), ("d1", d1), ("d2", d2)):
        if v.shape != (n_params,):
            raise ValueError(f"{name} must be a vector of the network's {n_params} parameters, got shape {v.shape}")
    a = np.asarray(a, dtype=np.float64).ravel()
    b = np.asarray(b, dtype=np.float64).ravel()
    A, B = (g.ravel() for g in np.meshgrid(a, b))  # point k = (a[k % len(a)], b[k // len(a)])
    total, n = A.size, len(X)
    chunk = _chunk_size(sizes, n, total)
    forward = _BatchedForward(net, X, Y, chunk)
    scale = net.loss.scale(n)
    losses = np.empty(total)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):  # as Network: a saturated sigmoid is fine
        for start in range(0, total, chunk):
            stop = min(start + chunk, total)
            params = centre + A[start:stop, None] * d1 + B[start:stop, None] * d2  # (g, n_params)
            losses[start:stop] = forward.terms(params).reshape(stop - start, -1).sum(axis=1) * scale
            if progress is not None:
                progress(stop, total)
    return losses.reshape(b.size, a.size)


class _BatchedForward:
    """The forward pass of up to ``chunk`` parameter vectors at once on the same N inputs, in buffers made once.

    Samples lie along the last axis, (g, width, N): a layer is one batched product of each point's Wᵀ (with the
    bias as its last column) and the layer's input (with a last row of ones), as Network does a·W + b in one
    product; the activation writes straight into the next layer's input. (Samples first, the bias added apart,
    ran 1.5x slower here: broadcasting a bias over rows of 8 numbers is slow.)"""

    def __init__(self, net, X, Y, chunk: int):
        self.net, self.layout = net, _layout(net.sizes)
        n = len(X)
        self.inputs = np.vstack([X.T, np.ones((1, n))])  # (n_in + 1, N), shared by every grid point
        self.hidden = [np.ones((chunk, n_out + 1, n)) for _, _, n_out in self.layout[:-1]]
        self.nets = [np.empty((chunk, n_out, n)) for _, _, n_out in self.layout]
        self.targets = np.tile(Y, (chunk, 1))  # (chunk·N, n_out), as the loss terms want them

    def terms(self, params: np.ndarray) -> np.ndarray:
        """The loss terms (g·N, n_out) of the g parameter vectors (g, n_params)."""
        g, net, last = len(params), self.net, len(self.layout) - 1
        act = self.inputs
        for l, (offset, n_in, n_out) in enumerate(self.layout):
            weights_t = params[:, offset : offset + (n_in + 1) * n_out].reshape(g, n_in + 1, n_out).transpose(0, 2, 1)
            z = np.matmul(weights_t, act, out=self.nets[l][:g])  # (g, n_out, N)
            if l < last:
                act = self.hidden[l][:g]
                net.hidden.forward(z, act[:, :-1])
        z = z.transpose(0, 2, 1).reshape(-1, z.shape[1])  # (g·N, n_out): softmax and the losses work along axis 1
        y = np.empty_like(z)
        net.output.forward(z, y)
        return net.loss.terms(y, self.targets[: len(z)], z)


def plane_landscape(net, X, Y, d1, d2, span, steps, centre=None, axes=("d1", "d2"),
                    progress=None) -> Landscape:
    """The loss over the plane centre + a·d1 + b·d2 (centre: the network's current parameters unless given),
    a and b each in ``steps`` equal steps from −span to span. ``loss[i, j]`` is at a = x[j], b = y[i]."""
    offsets = grid_offsets(span, steps)
    centre = net.get_parameters() if centre is None else centre
    return Landscape(axes, offsets, offsets, plane_losses(net, X, Y, centre, d1, d2, offsets, offsets, progress))


# ---------------------------------------------------------------------------------------------------- directions
def random_directions(net, seed) -> tuple[np.ndarray, np.ndarray]:
    """Two random directions (normal draws from ``default_rng(seed)``), filter-normalised as Li et al.: in each
    layer the incoming weights of each neuron (a column of W, (n_in, n_out)) are rescaled to the norm of that
    neuron's incoming weights in the network's current parameters, so that the plane's scale follows the
    network's own. The direction is 0 for every bias: Li et al. leave biases (and batch norm) out of their
    directions, so the plane keeps the current biases."""
    theta = net.get_parameters()
    rng = np.random.default_rng(seed)
    directions = []
    for _ in range(2):
        d = np.zeros_like(theta)
        for offset, n_in, n_out in _layout(net.sizes):
            weights = theta[offset : offset + n_in * n_out].reshape(n_in, n_out)
            draw = rng.standard_normal((n_in, n_out))
            drawn_norms = np.linalg.norm(draw, axis=0)
            factors = np.divide(np.linalg.norm(weights, axis=0), drawn_norms, out=np.zeros(n_out),
                                where=drawn_norms > 0)
            d[offset : offset + n_in * n_out] = (draw * factors).ravel()
        directions.append(d)
    return directions[0], directions[1]


def pca_directions(trajectory) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The two principal directions of a recorded trajectory (T, n_params) and the fraction of its variance each
    explains, as Li et al. plot a training path: PCA (by SVD) of the parameter vectors minus the final one, centred
    on their mean as scikit-learn's PCA, which they use, centres them. The plane to plot is the final vector plus
    these directions: a path that lies in a plane lies in it. The directions are orthonormal; the sign of each
    makes its largest component positive (SVD libraries differ in sign). ValueError for fewer than 3 points or a
    trajectory that does not move."""
    traj = np.asarray(trajectory, dtype=np.float64)
    if traj.ndim != 2:
        raise ValueError(f"a trajectory is an array (T, n_params) of parameter vectors, got shape {traj.shape}")
    if len(traj) < 3:
        raise ValueError(QT_TRANSLATE_NOOP("Landscape", "the principal directions need at least 3 recorded points, "
                                                        "got {n}").format(n=len(traj)))
    if traj.shape[1] < 2:
        raise ValueError(QT_TRANSLATE_NOOP("Landscape", "the principal directions need at least 2 parameters"))
    if not np.all(np.isfinite(traj)):
        raise ValueError(QT_TRANSLATE_NOOP("Landscape", "the trajectory holds a value that is not a finite number "
                                                        "(did the run diverge?)"))
    diffs = traj - traj[-1]
    diffs -= diffs.mean(axis=0)
    _, singular, vt = np.linalg.svd(diffs, full_matrices=False)
    variance = singular**2
    if not variance[0] > 0.0 or variance[0] <= (1e-14 * np.abs(traj).max()) ** 2 * len(traj):
        raise ValueError(QT_TRANSLATE_NOOP("Landscape", "the trajectory does not move: its points are all the same, "
                                                        "so it has no directions"))
    d1, d2 = (v * (1.0 if v[np.argmax(np.abs(v))] >= 0 else -1.0) for v in vt[:2])
    return d1.copy(), d2.copy(), variance[:2] / variance.sum()


def project(trajectory, centre, d1, d2) -> np.ndarray:
    """Coordinates (T, 2) of each parameter vector of ``trajectory`` on the plane centre + a·d1 + b·d2: the (a, b)
    of the nearest point of the plane (least squares; for orthonormal directions, the dot products)."""
    traj = np.atleast_2d(np.asarray(trajectory, dtype=np.float64))
    basis = np.column_stack([np.asarray(d1, dtype=np.float64), np.asarray(d2, dtype=np.float64)])
    if traj.shape[1] != len(basis):
        raise ValueError(f"the trajectory has {traj.shape[1]} parameters, the directions {len(basis)}")
    offsets = traj - np.asarray(centre, dtype=np.float64)
    coords, _, rank, _ = np.linalg.lstsq(basis, offsets.T, rcond=None)
    if rank < 2:
        raise ValueError(QT_TRANSLATE_NOOP("Landscape", "the two directions do not span a plane (one is zero or they "
                                                        "are parallel)"))
    return coords.T


# ---------------------------------------------------------------------------------------------- worked example
def check_example_axes(axes) -> tuple[str, str]:
    """Two different names of ``EXAMPLE_AXES``; ValueError with one sentence otherwise."""
    if isinstance(axes, str) or not isinstance(axes, (tuple, list)) or len(axes) != 2:
        raise ValueError(QT_TRANSLATE_NOOP("Landscape", "expected two parameter names such as w5,w1 (any two of "
                                                        "{names}), got {value}").format(
            names=" ".join(EXAMPLE_AXES), value=show(axes)))
    for name in axes:
        if name not in EXAMPLE_AXES:
            raise ValueError(QT_TRANSLATE_NOOP("Landscape", "unknown parameter {name}: choose two of {names}").format(
                name=show(name), names=" ".join(EXAMPLE_AXES)))
    if axes[0] == axes[1]:
        raise ValueError(QT_TRANSLATE_NOOP("Landscape", "the two axes must be different parameters, got {name} "
                                                        "twice").format(name=axes[0]))
    return axes[0], axes[1]


def _unit_direction(name: str) -> np.ndarray:
    """The worked example's parameter vector for the numbers all 0 but ``name``, 1: the direction of ``name``."""
    numbers = dict.fromkeys(EXAMPLE_AXES, 0.0)
    numbers[name] = 1.0
    return worked_example(ExampleParams(**numbers)).get_parameters()


def example_landscape(params: ExampleParams, axes, span, steps) -> Landscape:
    """The worked example's E_total = Σ ½(t − out)² over the two parameters ``axes`` (e.g. ("w5", "w1")), each its
    current value ± span in ``steps`` equal steps; every other number as in ``params``. ``loss[i, j]`` is at
    axes[0] = x[j], axes[1] = y[i]. ValueError (one sentence) for a bad name, span or count, or when a value of
    the grid is too large for a float64."""
    axes = check_example_axes(axes)
    offsets = grid_offsets(span, steps)
    with np.errstate(over="ignore", invalid="ignore"):
        x = getattr(params, axes[0]) + offsets
        y = getattr(params, axes[1]) + offsets
    if not (np.all(np.isfinite(x)) and np.all(np.isfinite(y))):
        raise ValueError(QT_TRANSLATE_NOOP("Landscape", "the span {span:g} takes {x} or {y} beyond the largest "
                                                        "float64").format(span=float(span), x=axes[0], y=axes[1]))
    net = worked_example(params)
    loss = plane_losses(net, params.inputs, params.targets, net.get_parameters(), _unit_direction(axes[0]),
                        _unit_direction(axes[1]), offsets, offsets)
    if not np.all(np.isfinite(loss)):
        raise ValueError(QT_TRANSLATE_NOOP("Landscape", "E_total is too large for a float64 (overflow) at some "
                                                        "points of the grid: use a smaller span or smaller starting "
                                                        "numbers"))
    return Landscape(axes, x, y, loss)


def example_path(params: ExampleParams, axes, iterations, update_biases: bool = False,
                 progress=None) -> np.ndarray:
    """The two parameters ``axes`` after each of ``iterations`` full passes of the worked example (forward,
    backward, every weight updated at once from the weights of that pass: ``Network.train_batch``), an array
    (iterations, 2); empty for 0 passes. A run that diverges shows as values that are not finite.
    ``progress(done, total)``, if given, is called every ``PATH_PROGRESS_EVERY`` passes and at the end: 100,000
    passes take seconds, and a worker must be able to drop them (its callback raises)."""
    axes = check_example_axes(axes)
    if not is_whole(iterations) or int(iterations) < 0:
        raise ValueError(QT_TRANSLATE_NOOP("Landscape", "the number of passes must be a whole number >= 0, got "
                                                        "{value}").format(value=show(iterations)))
    # The vector index of each parameter (a shared bias is in two entries, always equal: the first will do).
    where = [int(np.flatnonzero(_unit_direction(name))[0]) for name in axes]
    net = worked_example(params, update_biases)
    batch = net.batch(1).load(params.inputs, params.targets)
    path = np.empty((int(iterations), 2))
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        for k in range(int(iterations)):
            net.train_batch(batch, params.lr)
            path[k] = net.get_parameters()[where]
            if progress is not None and ((k + 1) % PATH_PROGRESS_EVERY == 0 or k + 1 == iterations):
                progress(k + 1, int(iterations))
    return path


def example_gradient(params: ExampleParams, axes) -> tuple[float, float]:
    """(∂E_total/∂axes[0], ∂E_total/∂axes[1]) at ``params``: the arrow of steepest ascent on the map (a shared
    bias gets the sum over the neurons it feeds, as ``Network`` computes it)."""
    axes = check_example_axes(axes)
    net = worked_example(params)
    _, dW, db = net.gradients(params.inputs, params.targets)
    # The gradient's entries where each unit direction is 1: the first of a shared bias holds its whole sum.
    grad = np.concatenate([np.vstack([w, bias]).ravel() for w, bias in zip(dW, db)])
    return tuple(float(grad[np.flatnonzero(_unit_direction(name))[0]]) for name in axes)
