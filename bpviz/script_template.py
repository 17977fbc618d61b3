"""The text of the training script bpviz writes (bpviz.script fills it in): a ``string.Template`` of the whole
script, and the few alternative pieces of code (activation, output layer and loss, regularization) it is made of.

Each piece is complete Python in the seeds' notation: net = a·w + b, out = f(net), δ = ∂E/∂net, ∂E/∂w = aᵀ·δ,
learning rate η. ``$`` marks what bpviz fills in; the script itself never needs a dollar sign.
"""

from __future__ import annotations

_MINIBATCHES = '''def minibatches(rng, n_train):
    """The indices of the points of each step of one epoch, as bpviz takes them: shuffled anew every epoch, then
    consecutive slices of BATCH_SIZE (the last may be shorter); the whole set in order for full-batch descent."""
    if BATCH_SIZE >= n_train:
        return [np.arange(n_train)]
    order = rng.permutation(n_train)
    return [order[start:start + BATCH_SIZE] for start in range(0, n_train, BATCH_SIZE)]
'''

_REPORT = '''def report(epoch, x_train, t_train, x_test, t_test):
    """Print one line: bpviz's loss history records these (the data loss, without the regularization term)."""
    $report_names = evaluate(x_train, t_train)
    $report_test_names = evaluate(x_test, t_test)
    $report_print
    return train_loss
'''

_HEAD = '''\
"""$title

Written by bpviz $version. It reproduces the run bpviz's playground makes with these settings: the same points,
the same starting weights, the same mini-batches in the same order and the same updates, so the losses it prints
are the ones bpviz records (to the last digits or so: sums may be added up in another order).

$summary

Notation as in the articles: for each layer, net = a·w + b is the net input of its neurons (the warm-up's
h = x.dot(w1)), out = f(net) their output, δ = ∂E/∂net the error signal, ∂E/∂w = aᵀ·δ the gradient, η the
learning rate. The loss E is the mean over the points of a batch.
$needs: python this_file.py
"""

$imports

# ------------------------------------------------------------------------------------------------ settings
LEARNING_RATE = $lr  # η
BATCH_SIZE = $batch_size  # $batch_words
EPOCHS = $epochs  # passes over the training set
SHUFFLE_SEED = $seed  # bpviz shuffles the training points with np.random.default_rng([seed, 1])
$regularization_settings

# ------------------------------------------------------------------------------------------------ data
# The raw 2-D points (x1, x2) and their $label_words, as bpviz made them$data_source.
$data

# ------------------------------------------------------------------------------------------------ starting weights
# weights[l] is (inputs, outputs) of layer l, as the warm-up's w1 (D_in, H); biases[l] has one bias per neuron.
$weights


def features(X):
    """The network's inputs computed from points X (n, 2), in bpviz's order: $feature_names."""
    x1, x2 = X[:, 0], X[:, 1]
    return np.stack([$feature_columns], axis=1)


def targets(y):
    """$targets_doc"""
    return $targets_expression
'''

_NUMPY_BODY = '''
$activation
$output_and_loss

def forward(x):
    """The net input and output of every layer; outs[0] is the input x itself, outs[-1] the network's output."""
    nets, outs = [], [x]
    for l, (w, b) in enumerate(zip(weights, biases)):
        net = outs[-1].dot(w) + b  # net = a·w + b
        out = output_activation(net) if l == len(weights) - 1 else activation(net)  # out = f(net)
        nets.append(net)
        outs.append(out)
    return nets, outs


def backward(nets, outs, target):
    """∂E/∂w and ∂E/∂b of every layer for one batch, from the output layer back (the chain rule)."""
    grad_w, grad_b = [None] * len(weights), [None] * len(weights)
    delta = output_delta(outs[-1], target)  # δ of the output layer
    for l in reversed(range(len(weights))):
        grad_w[l] = outs[l].T.dot(delta)  # ∂E/∂w = aᵀ·δ (the warm-up's grad_w2 = h_relu.T.dot(grad_y_pred))
        grad_b[l] = delta.sum(axis=0)  # ∂E/∂b = Σ δ over the points of the batch
        if l > 0:
            grad_out = delta.dot(weights[l].T)  # ∂E/∂out of the layer below (grad_h_relu = grad_y_pred.dot(w2.T))
            delta = grad_out * activation_derivative(nets[l - 1], outs[l])  # δ = ∂E/∂out · f'(net)
    return grad_w, grad_b


def train_step(x, target):
    """One step of gradient descent on a batch: forward, backward, then every weight and bias at once."""
    nets, outs = forward(x)
    grad_w, grad_b = backward(nets, outs, target)
$regularize
    for w, b, gw, gb in zip(weights, biases, grad_w, grad_b):
        w -= LEARNING_RATE * gw  # w⁺ = w − η·∂E/∂w (in place: weights[l] is updated)
        b -= LEARNING_RATE * gb


''' + _MINIBATCHES + '''

def evaluate(x, target):
    """$evaluate_doc"""
    if len(x) == 0:  # no test set
        return $no_points
    nets, outs = forward(x)
    $evaluate_return


''' + _REPORT + '''

def main():
    # As bpviz: a saturated sigmoid's e^(−net) overflows to inf and gives the right 0; a diverging run's inf and
    # NaN are caught below.
    np.seterr(over="ignore", invalid="ignore", divide="ignore")
    x_train, t_train = features(X_train), targets(y_train)
    x_test, t_test = features(X_test), targets(y_test)
    rng = np.random.default_rng([SHUFFLE_SEED, 1])
    report(0, x_train, t_train, x_test, t_test)  # before training
    for epoch in range(1, EPOCHS + 1):
        for batch in minibatches(rng, len(x_train)):
            train_step(x_train[batch], t_train[batch])
        if not np.isfinite(report(epoch, x_train, t_train, x_test, t_test)):
            print("the loss is no longer a finite number: training diverged (a smaller learning rate may help)")
            break


if __name__ == "__main__":
    main()
'''

SCRIPT = _HEAD + _NUMPY_BODY

#: each hidden activation f(net) and its derivative f'(net), written with out = f(net) where the article does
ACTIVATIONS = {
    "tanh": '''
def activation(net):
    """Hidden layers: tanh."""
    return np.tanh(net)


def activation_derivative(net, out):
    """tanh'(net) = 1 − out²."""
    return 1.0 - out * out
''',
    "sigmoid": '''
def activation(net):
    """Hidden layers: the sigmoid 1 / (1 + e^(−net))."""
    return 1.0 / (1.0 + np.exp(-net))


def activation_derivative(net, out):
    """σ'(net) = out·(1 − out)."""
    return out * (1.0 - out)
''',
    "relu": '''
def activation(net):
    """Hidden layers: ReLU, max(0, net) (the warm-up's h_relu = np.maximum(h, 0))."""
    return np.maximum(net, 0.0)


def activation_derivative(net, out):
    """ReLU'(net): 0 below zero, 1 from zero up, as the warm-up's grad_h[h < 0] = 0 leaves it."""
    return np.where(net < 0, 0.0, 1.0)
''',
    "linear": '''
def activation(net):
    """Hidden layers: linear, out = net."""
    return net


def activation_derivative(net, out):
    """The slope of out = net is 1."""
    return np.ones_like(net)
''',
}

_SIGMOID_OUTPUT = '''
def output_activation(net):
    """The output neuron: the sigmoid 1 / (1 + e^(−net)), the probability of class 1 (blue)."""
    return 1.0 / (1.0 + np.exp(-net))

'''

_SOFTMAX_OUTPUT = '''
def output_activation(net):
    """The output layer: softmax, one probability per class (shifted by the largest net: the same, no overflow)."""
    e = np.exp(net - net.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)

'''

_LINEAR_OUTPUT = '''
def output_activation(net):
    """The output neuron: linear, out = net, the predicted value."""
    return net

'''

#: the output layer, the loss E (the mean over the n points of a set or batch) and δ of the output layer, by
#: (loss, output activation)
OUTPUTS_AND_LOSSES = {
    ("bce", "sigmoid"): _SIGMOID_OUTPUT + '''
def loss(nets, outs, target):
    """Binary cross-entropy −[t·ln out + (1 − t)·ln(1 − out)], written softplus(net) − t·net: the same number, and
    finite even where out rounds to 0 or 1."""
    net = nets[-1]
    return float((np.logaddexp(0.0, net) - target * net).sum() / len(net))


def output_delta(out, target):
    """δ = ∂E/∂net = (out − t) / n: the sigmoid's slope cancels against the cross-entropy's."""
    return (out - target) / len(out)
''',
    ("half_sse", "sigmoid"): _SIGMOID_OUTPUT + '''
def loss(nets, outs, target):
    """Squared error ½·(t − out)², averaged over the points."""
    out = outs[-1]
    return float((0.5 * (target - out) ** 2).sum() / len(out))


def output_delta(out, target):
    """δ = ∂E/∂out · σ'(net) = (out − t) / n · out·(1 − out)."""
    return (out - target) / len(out) * (out * (1.0 - out))
''',
    ("half_sse", "linear"): _LINEAR_OUTPUT + '''
def loss(nets, outs, target):
    """Squared error ½·(t − out)², averaged over the points."""
    out = outs[-1]
    return float((0.5 * (target - out) ** 2).sum() / len(out))


def output_delta(out, target):
    """δ = ∂E/∂net = (out − t) / n: the linear output's slope is 1."""
    return (out - target) / len(out)
''',
    ("softmax_ce", "softmax"): _SOFTMAX_OUTPUT + '''
def loss(nets, outs, target):
    """Cross-entropy −Σₖ tₖ·ln outₖ, with ln out = net − ln Σ e^net (finite even where out underflows to 0)."""
    net = nets[-1]
    m = net.max(axis=1, keepdims=True)
    log_out = net - (m + np.log(np.exp(net - m).sum(axis=1, keepdims=True)))
    return float((-target * log_out).sum() / len(net))


def output_delta(out, target):
    """δ = ∂E/∂net = (out − t) / n for one-hot targets (Softmax-with-Loss: its backward is y − t)."""
    return (out - target) / len(out)
''',
}

#: the settings line and the gradient of the penalty, by regularization (the penalty is not in the printed loss)
REGULARIZATIONS = {
    "none": ("# no regularization (L1 or L2 would add a penalty on the weights to the loss)",
             "    # no regularization: the gradients are the data loss's alone"),
    "l2": ("L2_RATE = {rate!r}  # λ: the penalty ½·λ·Σw² over every weight (not the biases)",
           "    for l, w in enumerate(weights):\n"
           "        grad_w[l] += L2_RATE * w  # ∂(½·λ·Σw²)/∂w = λ·w"),
    "l1": ("L1_RATE = {rate!r}  # λ: the penalty λ·Σ|w| over every weight (not the biases)",
           "    for l, w in enumerate(weights):\n"
           "        grad_w[l] += L1_RATE * np.sign(w)  # ∂(λ·Σ|w|)/∂w = λ·sign(w)"),
}

#: how each of bpviz's features is computed from x1, x2 (bpviz.engine.features: sin(x) means sin(π·x))
FEATURE_CODE = {"x1": "x1", "x2": "x2", "x1^2": "x1 * x1", "x2^2": "x2 * x2", "x1*x2": "x1 * x2",
                "sin(x1)": "np.sin(np.pi * x1)", "sin(x2)": "np.sin(np.pi * x2)"}

#: (docstring, expression) of ``targets(y)`` by kind of problem
TARGETS = {
    "softmax": ("One-hot rows: t[i, k] = 1 where point i is of class k.", "np.eye({n_classes})[y]"),
    "classes": ("One column: 1 for blue (class 1), 0 for red (class 0).", "y.reshape(-1, 1).astype(float)"),
    "values": ("One column: the value to predict at each point.", "y.reshape(-1, 1)"),
}

#: what ``evaluate`` returns, and how ``report`` prints it, for classification and regression
CLASSIFICATION_REPORT = {
    "evaluate_doc": "The loss and the accuracy on a whole set (NaN for an empty one).",
    "no_points": 'float("nan"), float("nan")',
    "evaluate_return": "correct = {predicted} == {actual}\n"
                       "    return loss(nets, outs, target), float(np.mean(correct))",
    "report_names": "train_loss, train_accuracy",
    "report_test_names": "test_loss, test_accuracy",
    "report_print": 'print(f"epoch {epoch}  train loss {train_loss!r}  test loss {test_loss!r}"\n'
                    '          f"  train accuracy {train_accuracy!r}  test accuracy {test_accuracy!r}")',
}
REGRESSION_REPORT = {
    "evaluate_doc": "The loss on a whole set (NaN for an empty one).",
    "no_points": 'float("nan")',
    "evaluate_return": "return loss(nets, outs, target)",
    "report_names": "train_loss",
    "report_test_names": "test_loss",
    "report_print": 'print(f"epoch {epoch}  train loss {train_loss!r}  test loss {test_loss!r}")',
}
#: the class a row of outputs stands for, and the true class of a target row
PREDICTED = {
    "sigmoid": ("(outs[-1][:, 0] > 0.5)", "target[:, 0]"),  # P(blue) > 0.5
    "softmax": ("outs[-1].argmax(axis=1)", "target.argmax(axis=1)"),  # the most probable class
}

# ---------------------------------------------------------------------------------------------- PyTorch
# The same run with PyTorch's autograd for the backward pass: the same points, weights and NumPy shuffles.
_TORCH_BODY = '''
$activation
$output_and_loss
$penalty


def forward(x):
    """The net input and output of every layer; outs[0] is the input x itself, outs[-1] the network's output."""
    nets, outs = [], [x]
    for l, (w, b) in enumerate(zip(weights, biases)):
        net = outs[-1] @ w + b  # net = a·w + b
        out = output_activation(net) if l == len(weights) - 1 else activation(net)  # out = f(net)
        nets.append(net)
        outs.append(out)
    return nets, outs


def train_step(x, target):
    """One step of gradient descent on a batch: forward, autograd's backward, then every weight and bias."""
    nets, outs = forward(x)
    objective = loss(nets, outs, target) + penalty()
    for p in weights + biases:
        p.grad = None
    objective.backward()  # every ∂E/∂w and ∂E/∂b by the chain rule
    with torch.no_grad():
        for p in weights + biases:
            p -= LEARNING_RATE * p.grad  # w⁺ = w − η·∂E/∂w


''' + _MINIBATCHES + '''

@torch.no_grad()
def evaluate(x, target):
    """$evaluate_doc"""
    if len(x) == 0:  # no test set
        return $no_points
    nets, outs = forward(x)
    $evaluate_return


''' + _REPORT + '''

def main():
    x_train, t_train = torch.tensor(features(X_train)), torch.tensor(targets(y_train))
    x_test, t_test = torch.tensor(features(X_test)), torch.tensor(targets(y_test))
    rng = np.random.default_rng([SHUFFLE_SEED, 1])  # NumPy's generator even here: bpviz's shuffles
    report(0, x_train, t_train, x_test, t_test)  # before training
    for epoch in range(1, EPOCHS + 1):
        for batch in minibatches(rng, len(x_train)):
            batch = torch.from_numpy(batch)
            train_step(x_train[batch], t_train[batch])
        if not np.isfinite(report(epoch, x_train, t_train, x_test, t_test)):
            print("the loss is no longer a finite number: training diverged (a smaller learning rate may help)")
            break


if __name__ == "__main__":
    main()
'''

TORCH_SCRIPT = _HEAD + _TORCH_BODY

TORCH_ACTIVATIONS = {
    "tanh": '''
def activation(net):
    """Hidden layers: tanh."""
    return torch.tanh(net)
''',
    "sigmoid": '''
def activation(net):
    """Hidden layers: the sigmoid 1 / (1 + e^(−net))."""
    return 1.0 / (1.0 + torch.exp(-net))
''',
    "relu": '''
def activation(net):
    """Hidden layers: ReLU, max(0, net). Written with where so that its slope at exactly 0 is 1, as bpviz's (and
    the warm-up's grad_h[h < 0] = 0); torch.relu's is 0 there."""
    return torch.where(net < 0, torch.zeros_like(net), net)
''',
    "linear": '''
def activation(net):
    """Hidden layers: linear, out = net."""
    return net
''',
}

TORCH_OUTPUTS = {
    "sigmoid": ('The output neuron: the sigmoid 1 / (1 + e^(−net)), the probability of class 1 (blue).',
                "1.0 / (1.0 + torch.exp(-net))"),
    "softmax": ("The output layer: softmax, one probability per class.", "torch.softmax(net, dim=1)"),
    "linear": ("The output neuron: linear, out = net, the predicted value.", "net"),
}
_TORCH_OUTPUT = '''
def output_activation(net):
    """{doc}"""
    return {expression}

'''
#: the loss E as a tensor (autograd differentiates it), by loss
TORCH_LOSSES = {
    "bce": ("Binary cross-entropy, written softplus(net) − t·net: finite even where out rounds to 0 or 1.",
            "net = nets[-1]\n    return (torch.logaddexp(torch.zeros_like(net), net) - target * net).sum() / len(net)"),
    "half_sse": ("Squared error ½·(t − out)², averaged over the points.",
                 "out = outs[-1]\n    return (0.5 * (target - out) ** 2).sum() / len(out)"),
    "softmax_ce": ("Cross-entropy −Σₖ tₖ·ln outₖ, averaged over the points.",
                   "return (-target * torch.log_softmax(nets[-1], dim=1)).sum() / len(nets[-1])"),
}
_TORCH_LOSS = '''
def loss(nets, outs, target):
    """{doc}"""
    {code}
'''
TORCH_PENALTIES = {
    "none": "return 0.0  # no regularization",
    "l2": "return 0.5 * L2_RATE * sum((w * w).sum() for w in weights)  # ½·λ·Σw², weights only",
    "l1": "return L1_RATE * sum(w.abs().sum() for w in weights)  # λ·Σ|w|, weights only",
}
_TORCH_PENALTY = '''
def penalty():
    """The regularization term added to the loss (bpviz's printed losses leave it out)."""
    {code}'''
TORCH_PREDICTED = {
    "sigmoid": ("(outs[-1][:, 0] > 0.5).to(target.dtype)", "target[:, 0]"),
    "softmax": ("outs[-1].argmax(dim=1)", "target.argmax(dim=1)"),
}
TORCH_EVALUATE = {
    "classification": "correct = {predicted} == {actual}\n"
                      "    return loss(nets, outs, target).item(), correct.double().mean().item()",
    "regression": "return loss(nets, outs, target).item()",
}


def torch_output_and_loss(loss: str, output: str) -> str:
    doc, expression = TORCH_OUTPUTS[output]
    return _TORCH_OUTPUT.format(doc=doc, expression=expression) + _TORCH_LOSS.format(
        doc=TORCH_LOSSES[loss][0], code=TORCH_LOSSES[loss][1])


def torch_penalty(regularization: str) -> str:
    return _TORCH_PENALTY.format(code=TORCH_PENALTIES[regularization])
