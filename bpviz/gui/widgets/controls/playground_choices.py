"""What the training playground offers to choose from: the learning and regularization rates, activations and
losses, the ranges of its spin boxes and sliders, its defaults and the tooltips that explain each setting."""

from __future__ import annotations

from bpviz.engine.datasets import MAX_SAMPLES, MAX_SEED, MIN_SAMPLES, MULTICLASS_DATASETS, DatasetSpec
from bpviz.engine.points import MAX_CLASSES, MIN_CLASSES
from bpviz.gui.i18n import QT_TRANSLATE_NOOP, translate

LEARNING_RATES = (0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
REG_RATES = (0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
ACTIVATIONS = (("tanh", QT_TRANSLATE_NOOP("Playground", "Tanh")), ("relu", QT_TRANSLATE_NOOP("Playground", "ReLU")),
               ("sigmoid", QT_TRANSLATE_NOOP("Playground", "Sigmoid")),
               ("linear", QT_TRANSLATE_NOOP("Playground", "Linear")))  # translated where shown (make_combo)
LOSSES = (("bce", QT_TRANSLATE_NOOP("Playground", "cross-entropy (sigmoid output)")),
          ("half_sse", QT_TRANSLATE_NOOP("Playground", "squared error ½(y−t)²")),
          ("softmax_ce", QT_TRANSLATE_NOOP("Playground", "softmax cross-entropy (2 outputs)")))  # classification
REGRESSION_LOSSES = (("half_sse", QT_TRANSLATE_NOOP("Playground", "squared error (linear output)")),)
MULTICLASS_LOSSES = (("softmax_ce", QT_TRANSLATE_NOOP("Playground", "softmax cross-entropy ({k} outputs)")),)  # 3+
LOSS_TIPS = {
    "bce": QT_TRANSLATE_NOOP("Playground", "Binary cross-entropy −t·ln y − (1−t)·ln(1−y) on one sigmoid output "
                                   "y = P(blue)"),
    "half_sse": QT_TRANSLATE_NOOP("Playground", "½(y−t)² averaged over the points, on one sigmoid output y = P(blue) "
                                              "(the worked example's error)"),
    "softmax_ce": QT_TRANSLATE_NOOP("Playground", "Cross-entropy on two softmax outputs, one per class (red, blue)"),
    "regression": QT_TRANSLATE_NOOP("Playground", "½(y−t)² averaged over the points; the output neuron is linear, "
                                                "so y can take any value"),
    "multiclass": QT_TRANSLATE_NOOP("Playground", "Cross-entropy on {k} softmax outputs, one per class: −ln of the "
                                                "probability the network gives the point's own class"),
}
REGULARIZATIONS = (("none", QT_TRANSLATE_NOOP("Playground", "None")), ("l1", "L1"), ("l2", "L2"))
# What the user picks from. A loaded configuration may hold anything within the limits of DatasetSpec and TrainConfig:
# set_config shows it as it is (a spin box's range widened to LOADED_RANGES, a value kept between slider steps).
POINTS_RANGE, SEED_RANGE = (50, 2000), (0, 99_999)
CLASSES_RANGE = (MIN_CLASSES, MAX_CLASSES)
LOADED_RANGES = {"points": (MIN_SAMPLES, MAX_SAMPLES), "seed": (0, MAX_SEED)}
RATIO_STEP, NOISE_STEP, NOISE_MAX = 10, 5, 50  # percent
SETTLE_MS = 250  # keys and spin arrows: emit once the user pauses this long

#: the panel's defaults (TensorFlow Playground's, with the CLI's seed 1 for the points and the weights)
DEFAULT_CONFIG_ARGS = dict(hidden=(4, 4), activation="tanh", loss="bce", lr=0.03, batch_size=10,
                           regularization="none", reg_rate=0.0, seed=1, features=("x1", "x2"))
DEFAULT_DATASET = DatasetSpec(name="circle", n_samples=200, noise=0.1, test_ratio=0.5, seed=1)

TIPS = {
    "ratio": QT_TRANSLATE_NOOP("Playground", "Share of the points used for training; the rest are test points the "
                                           "network never learns from"),
    "noise": QT_TRANSLATE_NOOP("Playground", "How much the points are jittered: 0 = clean shapes, 50 = the classes "
                                           "overlap (regression: how far from each point its target value is read)"),
    "batch": QT_TRANSLATE_NOOP("Playground", "Samples per step: 1 = stochastic gradient descent, all = full batch "
                                           "(applies at once)"),
    "points": QT_TRANSLATE_NOOP("Playground", "Number of points in the data set, training and test together "
                                            "(50 to 2000)"),
    "seed": QT_TRANSLATE_NOOP("Playground", "Random seed of the points, the starting weights and the batch order: "
                                          "same seed, same run"),
    "new_seed": QT_TRANSLATE_NOOP("Playground", "Pick a new random seed: new points and new starting weights"),
    "lr": QT_TRANSLATE_NOOP("Playground", "Step size η of gradient descent, w ← w − η·∂E/∂w (applies at once, "
                                        "without restarting)"),
    "activation": QT_TRANSLATE_NOOP("Playground", "Activation function of the hidden neurons"),
    "loss": QT_TRANSLATE_NOOP("Playground", "The error E that training minimises, with the output layer it implies"),
    "loss_regression": QT_TRANSLATE_NOOP("Playground", "Regression: the output neuron is linear and E is the squared "
                                                     "error ½(y−t)² averaged over the points (the one loss for "
                                                     "predicting a value)"),
    "loss_multiclass": QT_TRANSLATE_NOOP("Playground", "{k} classes: the output layer is a softmax of {k} neurons, one "
                                                     "per class, and E is its cross-entropy (the one loss for more "
                                                     "than two classes)"),
    "classes": QT_TRANSLATE_NOOP("Playground", "Number of classes ({low} to {high}). Only {sets} come with more than "
                                 "two (one arm or one cluster per class), and your own data has as many as you give "
                                 "it (fewer takes away the points of the classes dropped); the other sets have two, "
                                 "regression sets none. Three or more classes train with the softmax cross-entropy "
                                 "loss, one output neuron per class"),  # shown by tip("classes")
    "regularization": QT_TRANSLATE_NOOP("Playground", "Penalty on large weights added to the error: L1 pushes "
                                                    "weights to 0, L2 shrinks them (applies at once)"),
    "reg_rate": QT_TRANSLATE_NOOP("Playground", "Strength λ of the regularization penalty; 0 turns it off (applies "
                                              "at once)"),
}


def tip(key: str) -> str:
    """``TIPS[key]`` in the window's language (the classes' tip with its numbers and the names of its sets)."""
    text = translate("Playground", TIPS[key])
    if key == "classes":
        sets = translate("Playground", " and ").join(translate("Dataset", n.capitalize())
                                                     for n in MULTICLASS_DATASETS)
        text = text.format(low=MIN_CLASSES, high=MAX_CLASSES, sets=sets)
    return text
