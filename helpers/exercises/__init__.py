"""Exercises: check your answer, get a hint, see a solution. Introduced in lesson 00.

    q1_answer = ...          # replace ... with your answer
    ex.q1.check(q1_answer)   # ✅ Correct!, ❌ Incorrect: what is wrong, or ⏳ Not attempted yet
    ex.q1.hint()             # 💡 a hint that does not give the answer away
    ex.q1.solution()         # 📝 a solution

A number may be rounded to 2 decimals or 3 significant digits, or not at all (0.58, 0.576, 0.5763
for 0.5763); rounded further (0.6) it is "rounded too much"; cut short (0.57), "round it instead".
An answer that could be two different known mistakes gets no specific hint. A check that cannot
read the course's data says "Not checked", not "Incorrect".
"""

from __future__ import annotations

import contextlib
import itertools
import math
import operator
import re
import sys
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from helpers.datasets import DatasetError
from helpers.network import activation_name

#: ``{probe: hint}`` or ``[(probe, hint), ...]``: a probe is a known wrong value or a predicate.
Mistakes = Mapping[Any, str] | Sequence[tuple[Any, str]]

ROUNDED_TOO_MUCH = (
    "rounded too much. Keep at least 2 decimals or 3 significant digits (e.g. 0.58 or 0.576 for "
    "0.5763; 4337.4 or 4340 for 4337.42)."
)
CUT_DIGITS = (
    "If you cut digits off a longer number, round it instead: cutting 0.5763 after 2 decimals "
    "gives 0.57, rounding gives 0.58."
)
NOT_ATTEMPTED = "replace ... with your answer, then run this cell again."
NONE_MESSAGE = (
    "your answer is None: did you assign the result of print() or of a method that changes "
    "things in place?"
)
_PREFIXES = {"correct": "✅ Correct!", "not_attempted": "⏳ Not attempted yet:"}
_PREFIXES |= {"incorrect": "❌ Incorrect:", "not_checked": "⚠️ Not checked:"}
#: What is printed instead on a console that cannot show these characters (cp949, ascii).
_PLAIN = {"⚠️": "[!]", "✅": "[OK]", "❌": "[X]", "⏳": "[...]", "💡": "[hint]", "📝": "[solution]"}
_PLAIN |= {"²": "2", "−": "-", "…": "...", "×": "x"}


class Incorrect(Exception):
    """Raised by a check for a wrong answer; its message is the hint. Introduced in lesson 00."""


@dataclass(frozen=True)
class CheckResult:
    """What :meth:`Exercise.evaluate` found; ``detail`` is for the course's tests (the exception
    that a check raised, ...). "not_checked": the check could not read the course's data."""

    status: Literal["correct", "not_attempted", "incorrect", "not_checked"]
    message: str
    detail: str = ""

    @property
    def is_correct(self) -> bool:
        return self.status == "correct"


@dataclass(frozen=True)
class ValueCheck:
    """A check: ``func(answer)`` returns None for a right answer, raises :class:`Incorrect`
    otherwise; ``expects`` names the kind of value wanted. Introduced in lesson 00. The tests audit
    the ``expected`` value, ``known_mistakes`` and ``same`` that the ``expect_*`` helpers keep."""

    func: Callable[[Any], None]
    expects: str
    expected: Any = None
    known_mistakes: Sequence[tuple[Any, str]] = ()
    same: Callable[[Any, Any], bool] | None = None

    def __call__(self, answer: Any) -> None:
        self.func(answer)


class Exercise:
    """One exercise: ``check(answer)``, ``hint()``, ``solution()``. Introduced in lesson 00.

    ``checker(answer)`` returns None for a right answer and raises :class:`Incorrect` otherwise;
    ``solution`` assigns ``answer_name`` (``q1_answer`` for ``q1``); ``correct_message`` follows
    "✅ Correct!"; ``expects`` names the kind of value wanted (default: the checker's).
    """

    def __init__(
        self,
        name: str,
        checker: Callable[[Any], None],
        *,
        hint: str,
        solution: str,
        answer_name: str | None = None,
        correct_message: str = "",
        expects: str | None = None,
    ) -> None:
        self.name, self.checker, self.answer_name = name, checker, answer_name or f"{name}_answer"
        self.hint_text, self.solution_code = hint.strip(), solution.strip("\n")
        self.correct_message = correct_message.strip()
        self.expects = expects or getattr(checker, "expects", "a different kind of value")

    def __repr__(self) -> str:
        name, answer = self.name, self.answer_name
        return f"<Exercise {name}: {name}.check({answer}), {name}.hint(), {name}.solution()>"

    def evaluate(self, answer: Any = ...) -> CheckResult:
        """Judge ``answer`` without printing; never raises (the stop button still stops it)."""
        if _unanswered(answer):
            return CheckResult("not_attempted", NOT_ATTEMPTED)
        if answer is None:
            return CheckResult("incorrect", NONE_MESSAGE)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                returned = self.checker(answer)
        except Incorrect as exc:
            return CheckResult("incorrect", str(exc))
        except DatasetError as exc:
            message = "this check could not read the course's data, so your answer was not judged."
            return CheckResult("not_checked", f"{message} {exc}", repr(exc))
        except Exception as exc:  # a learner never sees a traceback
            kind = _a(describe_type(answer))
            message = f"this exercise expects {self.expects}, but your answer is {kind}."
            fix = f" Check what you assigned to {self.answer_name}."
            return CheckResult("incorrect", message + fix, repr(exc))
        if returned is not None:  # e.g. a check that returns False: a bug, never "correct"
            return CheckResult("incorrect", "this check is broken: tell your instructor.")
        return CheckResult("correct", self.correct_message)

    def check(self, answer: Any = ...) -> None:
        """Print whether ``answer`` is right, and what is wrong when it is not."""
        result = self.evaluate(answer)
        _say(f"{_PREFIXES[result.status]} {result.message}".rstrip())

    def hint(self) -> None:
        """Print a hint that does not give the answer away."""
        _say(f"💡 Hint: {self.hint_text}")

    def solution(self) -> None:
        """Print a solution."""
        _say(f"📝 Solution:\n{self.solution_code}")


def expect_number(
    expected: float,
    *,
    rel: float = 1e-3,
    abs: float = 1e-9,
    what: str = "answer",
    known_mistakes: Mistakes = (),
    reveal_direction: bool = True,
) -> ValueCheck:
    """A check for one number close to ``expected`` (``math.isclose`` with ``rel`` and ``abs``),
    by the course's rounding policy. Introduced in lesson 00 (00_start_here.ipynb). A known wrong
    value matches like the answer (close, or rounded); a predicate gets the answer as a float.
    ``reveal_direction=False`` says "not right" instead of "too large" or "too small"."""
    expected, known = float(expected), _pairs(known_mistakes)

    def close(value: Any, probe: Any) -> bool:
        return math.isclose(float(value), float(probe), rel_tol=rel, abs_tol=abs)

    def check(answer: Any) -> None:
        value = _as_float(answer, what)
        rounding, cut = _rounding(value, expected), _is_cut(value, expected)
        if rounding == "ok" or (close(value, expected) and not cut):
            return
        yours = f"your {what} is {value:.6g}"
        direction = "too large" if value > expected else "too small"
        wrong = Incorrect(f"{yours}, which is {direction if reveal_direction else 'not right'}.")
        known_value = any(close(value, probe) for probe, _ in known if not callable(probe))
        if known_value and (rounding == "too much" or cut):
            raise wrong  # the right value rounded or cut, or a known wrong value: no guess
        if rounding == "too much":
            raise Incorrect(f"{yours}: that is the right value {ROUNDED_TOO_MUCH}")
        if cut:  # the right digits cut short: no known mistake can be told apart
            raise Incorrect(f"{yours}, which is not right. {CUT_DIGITS}")
        raise_known_mistake(value, known, equal=lambda v, p: close(v, p) or _rounding(v, p) == "ok")
        raise wrong

    return ValueCheck(check, "a single number (int or float)", expected, known, close)


def expect_int(expected: int, *, what: str = "answer", known_mistakes: Mistakes = ()) -> ValueCheck:
    """A check for a whole number equal to ``expected``, such as a count (``3.0`` counts as 3).
    Introduced in lesson 00 (00_start_here.ipynb)."""
    mistakes = _pairs(known_mistakes)

    def check(answer: Any) -> None:
        if isinstance(answer, (int, np.integer)) and not isinstance(answer, bool):
            number = int(answer)  # exact, even beyond 2**53
        elif (value := _as_float(answer, what)).is_integer():
            number = int(value)
        else:
            raise Incorrect(f"your {what} is {value:.6g}, but a whole number was expected.")
        if number != expected:
            raise_known_mistake(number, mistakes)
            direction = "too large" if number > expected else "too small"
            raise Incorrect(f"your {what} is {number}, which is {direction}.")

    return ValueCheck(check, "a whole number (int)", expected, mistakes, operator.eq)


def expect_array_close(
    expected: Any,
    *,
    rel: float = 1e-3,
    abs: float = 1e-6,
    what: str = "array",
    squeeze: bool = False,
    known_mistakes: Mistakes = (),
) -> ValueCheck:
    """A check for an array of numbers of ``expected``'s shape, close to it value by value
    (``numpy.isclose``), each by the course's rounding policy. Introduced in lesson 02.
    ``squeeze=True`` ignores axes of length 1 (``model.predict(X)`` of shape (n, 1) matches an
    expected (n,)). A known wrong value matches an answer of its shape that is close (or rounded);
    a predicate gets the answer as an array."""
    target, mistakes = np.asarray(expected, dtype=float), _pairs(known_mistakes)

    def judge(value: np.ndarray, probe: Any) -> tuple[str, Any]:
        """("correct", "too much", "cut", "shape" or "" for other values; how many are wrong)."""
        want = np.asarray(probe, dtype=float)
        if squeeze:
            value, want = np.squeeze(value), np.squeeze(want)
        if value.shape != want.shape:
            return "shape", value.size
        rounding = _rounding(value, want, scale=np.max(np.abs(want), initial=0.0))
        cut = np.vectorize(_is_cut, otypes=[bool])(value, want) & (rounding != "ok")
        fine = (np.isclose(value, want, rtol=rel, atol=abs) & ~cut) | (rounding == "ok")
        verdicts = {"correct": fine, "too much": rounding == "too much", "cut": cut}
        return next((v for v, also in verdicts.items() if np.all(fine | also)), ""), np.sum(~fine)

    def same(value: Any, probe: Any) -> bool:
        return judge(np.asarray(value, dtype=float), probe)[0] == "correct"

    def check(answer: Any) -> None:
        value = _as_float_array(answer, what)
        verdict, wrong = judge(value, target)
        if verdict == "correct":
            return
        raise_known_mistake(value, mistakes, equal=same)
        if verdict == "too much":
            raise Incorrect(f"your {what} are the right values {ROUNDED_TOO_MUCH}")
        if verdict == "cut":
            raise Incorrect(f"some of your {what} are not right. {CUT_DIGITS}")
        if verdict == "shape":
            shapes = f"the shape of your {what} is {value.shape}, but {target.shape} was expected"
            raise Incorrect(shapes + _shape_advice(value.shape, target.shape))
        if not np.all(np.isfinite(value)):
            raise Incorrect(f"there are NaN or infinite values in your {what}.")
        if same(np.sort(value, axis=None), np.sort(target, axis=None)):
            order = "keep the rows in their original order (no sorting)"
            raise Incorrect(f"your {what} hold the right values, but in another order: {order}.")
        values = f"{wrong} of its {value.size} values {'is' if wrong == 1 else 'are'} not"
        raise Incorrect(f"the shape of your {what} is right, but {values}.")

    return ValueCheck(check, f"an array of numbers of shape {target.shape}", target, mistakes, same)


def expect_choice(
    correct_option: str,
    hints_per_wrong_option: Mapping[str, str] | None = None,
    *,
    options: Iterable[str] = (),
    aliases: Mapping[str, str] | None = None,
    default_hint: str = "that is not the right option: read the question again.",
) -> ValueCheck:
    """A check for a multiple-choice answer given as text, e.g. ``"b"``. Introduced in lesson 00.

    Case, spaces, quotes, ``_`` or ``-`` and a trailing ``)`` or ``.`` do not matter, and natural
    forms are understood: "c) the last 100 days" for "c"; "the validation set", "X_val" or "검증
    데이터" for "validation"; "mean absolute error" or "평균 절대 오차" for "mae". The options
    are ``correct_option``, the keys of ``hints_per_wrong_option`` and ``options``; ``aliases``
    maps other spellings to an option. Other text is "not one of the options".

    >>> Exercise("q1", expect_choice("b", {"a": "MSE is in squared units."}), hint="h",
    ...          solution="q1_answer = 'b'").check("A) the MSE")
    ❌ Incorrect: MSE is in squared units.
    """
    hints = {_normal(option): hint for option, hint in (hints_per_wrong_option or {}).items()}
    alias = {_normal(spelling): _normal(option) for spelling, option in (aliases or {}).items()}
    correct = _normal(correct_option)
    valid = sorted({correct, *hints, *map(_normal, options)})
    one_of = f"one of the options {', '.join(valid)}"

    def check(answer: Any) -> None:
        if not isinstance(answer, str):
            kind = _a(describe_type(answer))
            raise Incorrect(f"answer with {one_of} as text in quotes, not {kind}.")
        chosen = _option_named(answer, valid, alias)
        if chosen not in valid:
            shown = " ".join(answer.split())[:40]
            raise Incorrect(f"{shown!r} is not {one_of}: answer with one, in quotes.")
        if chosen != correct:
            raise Incorrect(hints.get(chosen, default_hint))

    return ValueCheck(check, f"{one_of} as text in quotes")


def expect_keras_model(
    *,
    input_shape: Sequence[int] | None = None,
    dense_units: Sequence[int] | None = None,
    activations: Sequence[str | None] | None = None,
    n_params: int | None = None,
    known_mistakes: Mistakes = (),
) -> ValueCheck:
    """A check for a built Keras model, judged by its public configuration. Introduced in
    lesson 03 (03_sequential_model.ipynb).

    ``input_shape`` is given to ``keras.Input`` (more axes than one row of features is always
    wrong); ``dense_units`` and ``activations`` (None: none) describe the Dense layers as
    :func:`dense_layers` sees them; ``n_params`` counts trained weights and biases.
    """
    mistakes = _pairs(known_mistakes)
    asked = dense_units if dense_units is not None else activations

    def check(model: Any) -> None:
        import keras

        if isinstance(model, keras.layers.Layer) and not isinstance(model, keras.Model):
            layer = f"a single layer ({type(model).__name__}), not a model"
            raise Incorrect(f"your model is {layer}: put the layers in keras.Sequential([...]).")
        if not isinstance(model, keras.Model):
            raise Incorrect(f"your model should be a Keras model, not {_a(describe_type(model))}.")
        one_row = "shape=(number_of_features,)"
        if not model.layers:
            raise Incorrect("your model has no layers after keras.Input: add its Dense layers.")
        if not model.built:
            raise Incorrect(f"your model is not built yet: start it with keras.Input({one_row}).")
        raise_known_mistake(model, mistakes)
        shape = tuple(model.inputs[0].shape)[1:]
        if len(shape) != 1:
            raise Incorrect(
                f"your model takes inputs of shape {shape}, a table of tables: each example here "
                f"is one row of features, so give keras.Input one number, {one_row}"
                + (f", here shape={tuple(input_shape)}." if input_shape else ".")
            )
        if input_shape is not None and shape != tuple(input_shape):
            raise Incorrect(
                f"your model takes {shape[0]} inputs (keras.Input(shape={shape})); it should take "
                f"{input_shape[0]}: keras.Input(shape={tuple(input_shape)})."
            )
        dense = dense_layers(model)
        if asked is not None and len(dense) != len(asked):
            has = f"your model has {_count(len(dense), 'Dense layer')}"
            were = f"{_count(len(asked), 'Dense layer')} {'was' if len(asked) == 1 else 'were'}"
            raise Incorrect(f"{has}, but {were} asked for.")
        for index, (units, _) in enumerate(dense):
            if dense_units is not None and units != dense_units[index]:
                layer = f"Dense layer {index + 1} of your model has {units} units"
                raise Incorrect(f"{layer}; it should have {dense_units[index]}.")
        for index, (_, got) in enumerate(dense):
            if activations is not None and got != (want := activation_name(activations[index])):
                should = "no activation (leave out activation=..., Keras calls this 'linear')"
                should = repr(want) if want != "linear" else should
                layer = f"Dense layer {index + 1} of your model"
                raise Incorrect(f"{layer} uses activation {got!r}; it should use {should}.")
        total = sum(math.prod(weight.shape) for weight in model.trainable_weights)
        if n_params is None or total == n_params:
            return
        biases = [layer.use_bias for layer in model.layers if isinstance(layer, keras.layers.Dense)]
        if not all(biases):
            layer = f"Dense layer {biases.index(False) + 1} of your model"
            raise Incorrect(
                f"{layer} has no bias (use_bias=False); the model asked for has one bias per node: "
                "leave use_bias out."
            )
        raise Incorrect(
            f"your model has {total} trained parameters; the model asked for has {n_params}: check "
            "the number of inputs and of units."
        )

    return ValueCheck(check, "a Keras model (e.g. keras.Sequential([...]))", None, mistakes)


#: Layers that only apply an activation, and the activation they apply.
_ACTIVATION_LAYERS = {"ReLU": "relu", "LeakyReLU": "leaky_relu", "ELU": "elu", "PReLU": "prelu"}
_ACTIVATION_LAYERS |= {"Softmax": "softmax"}


def dense_layers(model: Any) -> list[tuple[int, str]]:
    """``(units, activation)`` of each Dense layer of a Keras model ("linear": none); an
    ``Activation``, ``ReLU``, ... layer right after a Dense layer without one is its activation;
    :class:`Incorrect` for an activation before any Dense layer, or two in a row. Introduced in
    lesson 03 (03_sequential_model.ipynb)."""
    import keras

    dense: list[tuple[int, str]] = []
    for layer in model.layers:
        config = layer.get_config()
        if isinstance(layer, keras.layers.Dense):
            dense.append((config["units"], activation_name(config["activation"])))
            continue
        if isinstance(layer, keras.layers.Activation):
            applied = activation_name(config["activation"])
        else:
            applied = _ACTIVATION_LAYERS.get(type(layer).__name__, "linear")
        if applied == "linear":
            continue
        if not dense:
            before = f"applies {applied!r} to its inputs, before any Dense layer"
            raise Incorrect(f"your model {before}: an activation belongs after a weighted sum.")
        if dense[-1][1] != "linear":
            twice = f"two activations ({dense[-1][1]!r}, then {applied!r})"
            raise Incorrect(f"Dense layer {len(dense)} of your model gets {twice}: give it one.")
        dense[-1] = (dense[-1][0], applied)
    return dense


def scaler_fitted_on(scaler: Any, row_sets: Mapping[str, Any]) -> str | None:
    """The name of the first set of rows in ``row_sets`` that a fitted MinMaxScaler or
    StandardScaler learned from, else None. Introduced in lesson 08 (08_project_concrete.ipynb).
    Its whole state is compared (both statistics and the row count; columns by name): other rows
    may share a part of it, so put the right rows first."""
    from sklearn.preprocessing import MinMaxScaler

    minmax = isinstance(scaler, MinMaxScaler)
    learned = (scaler.data_min_, scaler.data_max_) if minmax else (scaler.mean_, scaler.var_)
    statistics: tuple[Callable, ...] = (np.min, np.max) if minmax else (np.mean, np.var)
    names = [str(name) for name in getattr(scaler, "feature_names_in_", [])]
    for label, rows in row_sets.items():
        if names and sorted(names) == sorted(map(str, getattr(rows, "columns", []))):
            rows = rows[names]
        values = np.asarray(rows, dtype=float)
        if values.shape != (np.max(scaler.n_samples_seen_), len(learned[0])):
            continue
        # rtol 1e-5: a scaler fitted on float32 copies of the rows still learned from these rows
        of_rows = np.concatenate([statistic(values, axis=0) for statistic in statistics])
        if np.allclose(np.concatenate(learned), of_rows, rtol=1e-5, atol=1e-8):
            return label
    return None


def expect_fitted_scaler(
    train_rows: Any, *, fit_on: str, known_mistakes: Mistakes = ()
) -> ValueCheck:
    """A check for a MinMaxScaler or StandardScaler fitted on ``train_rows`` and no other rows.
    Introduced in lesson 08 (08_project_concrete.ipynb).

    ``fit_on`` names them in messages, e.g. "split.X_train". A known mistake is a set of rows
    (matched by :func:`scaler_fitted_on`) or a predicate on the scaler.
    """
    known, rows, columns = _pairs(known_mistakes), len(train_rows), np.shape(train_rows)[1]

    def check(scaler: Any) -> None:
        from sklearn.preprocessing import MinMaxScaler, StandardScaler

        if isinstance(scaler, type):
            make = f"make a scaler with {scaler.__name__}() and fit it, {scaler.__name__}()"
            raise Incorrect(f"that is the class {scaler.__name__} itself: {make}.fit({fit_on}).")
        if isinstance(scaler, np.ndarray) or hasattr(scaler, "iloc"):
            raise Incorrect(
                "that is scaled data; the answer is the fitted scaler itself: fit(...) returns it, "
                f"e.g. StandardScaler().fit({fit_on})."
            )
        if not isinstance(scaler, (MinMaxScaler, StandardScaler)):
            kind = f"(sklearn.preprocessing), not {_a(describe_type(scaler))}."
            raise Incorrect(f"this exercise expects a fitted StandardScaler or MinMaxScaler {kind}")
        if not hasattr(scaler, "n_samples_seen_"):
            raise Incorrect(f"your scaler is not fitted yet: call .fit({fit_on}) on it.")
        tasks = {"with_mean": "subtract the mean", "with_std": "divide by the standard deviation"}
        for setting, task in tasks.items():
            if not getattr(scaler, setting, True):
                made = f"your StandardScaler was made with {setting}=False, so it does not {task}"
                raise Incorrect(f"{made}: use StandardScaler() with its default settings.")
        if scaler_fitted_on(scaler, {"train": train_rows}):
            return
        raise_known_mistake(scaler, known, equal=lambda s, x: bool(scaler_fitted_on(s, {"x": x})))
        if scaler.n_features_in_ != columns:
            fitted = f"your scaler was fitted on {scaler.n_features_in_} columns"
            raise Incorrect(f"{fitted}; fit it on the {columns} feature columns of {fit_on}.")
        learned = f"your scaler learned from {int(np.max(scaler.n_samples_seen_))} rows"
        if np.max(scaler.n_samples_seen_) == rows:
            raise Incorrect(f"{learned}, but not those of {fit_on}: fit it on {fit_on} itself.")
        raise Incorrect(f"{learned}; fit it on {fit_on} ({rows} rows).")

    return ValueCheck(check, "a fitted StandardScaler or MinMaxScaler", train_rows, known)


def raise_known_mistake(
    value: Any, known_mistakes: Mistakes, *, equal: Callable = operator.eq
) -> None:
    """Raise :class:`Incorrect` with the hint of the known mistake that ``value`` matches (a
    predicate, or a wrong value compared with ``equal``). A value that matches mistakes with
    different hints gets none: a hint must never name a mistake the learner did not make.
    Introduced in lesson 00 (00_start_here.ipynb)."""
    hints = set()
    for probe, hint in _pairs(known_mistakes):
        with contextlib.suppress(Exception):
            if probe(value) if callable(probe) else equal(value, probe):
                hints.add(hint)
    if len(hints) == 1:
        raise Incorrect(hints.pop())


def describe_type(value: Any) -> str:
    """A short name of the type of ``value``, e.g. 'float' or 'numpy.ndarray'; never calls its
    ``repr``. Introduced in lesson 00 (00_start_here.ipynb)."""
    kind = type(value)
    module = kind.__module__.split(".")[0]
    builtin = module in ("builtins", "__main__")
    return kind.__qualname__ if builtin else f"{module}.{kind.__qualname__}"


def _pairs(known_mistakes: Mistakes) -> list[tuple[Any, str]]:
    return list(known_mistakes.items() if isinstance(known_mistakes, Mapping) else known_mistakes)


def _rounding(values: Any, targets: Any, scale: Any = None) -> np.ndarray:
    """Per value: "ok" if it is its target rounded as the policy allows (3 significant digits, or
    2 decimals within 5 % of ``scale``: the target, or an array's largest value, so that 0.0064 may
    be 0.01 among values near 1), "too much" if rounded further (a single number to 0 is no
    rounding), else "". Rounded to a step 10**k is a multiple of it, within half a step."""
    v, x = np.broadcast_arrays(np.asarray(values, dtype=float), np.asarray(targets, dtype=float))
    ok, too_much = np.zeros(v.shape, dtype=bool), np.zeros(v.shape, dtype=bool)
    with np.errstate(all="ignore"):
        first_digit = np.floor(np.log10(np.where(x != 0, np.abs(x), 1.0)))
        share = np.abs(v - x) / (np.abs(x) if scale is None else scale)
        for k in range(-9, 10):
            step = 10.0**k
            multiple = (np.abs(v) < 1e9 * step) & (np.abs(v / step - np.round(v / step)) <= 1e-6)
            near = np.abs(v - x) <= step / 2 * (1 + 1e-9) + 1e-12
            hit = multiple & near & (k <= np.maximum(first_digit, 0))
            allowed = (k <= first_digit - 2) | ((k <= -2) & (share <= 0.05))
            ok, too_much = ok | (hit & allowed), too_much | (hit & ~allowed)
    too_much &= ~ok & ((v != 0) | (scale is not None))
    return np.where(ok, "ok", np.where(too_much, "too much", ""))


def _is_cut(value: float, target: float) -> bool:
    """True when ``value`` is ``target`` with digits cut off (towards 0) instead of rounded. A cut
    keeping 5 significant digits is precise enough; a value computed in float32 is no cut."""
    if value == 0 or target == 0 or not math.isfinite(value) or not math.isfinite(target):
        return False
    for decimals in range(min(6, 3 - math.floor(math.log10(abs(target)))) + 1):
        scaled = target * 10**decimals
        whole = round(scaled) if math.isclose(scaled, round(scaled), abs_tol=1e-9) else int(scaled)
        if math.isclose(cut := whole / 10**decimals, target, rel_tol=1e-9):
            return False  # no digit left to cut
        typed = math.isclose(value, cut, rel_tol=1e-12) or value == float(np.float32(cut))
        if cut != 0 and typed:
            return True
    return False


def _unanswered(answer: Any, depth: int = 0) -> bool:
    """True when ``answer`` is ``...`` or holds one (among the first 100 items, 4 levels deep)."""
    if answer is Ellipsis:
        return True
    if isinstance(answer, dict):
        answer = [*answer, *answer.values()]
    elif isinstance(answer, np.ndarray) and answer.dtype == object:
        answer = answer.ravel()
    elif not isinstance(answer, (list, tuple, set, frozenset)):
        return False
    return depth < 4 and any(_unanswered(item, depth + 1) for item in itertools.islice(answer, 100))


def _as_float(answer: Any, what: str) -> float:
    """``answer`` as a float, or Incorrect saying why it is not one number."""
    if isinstance(answer, (bool, np.bool_)):
        raise Incorrect(f"your {what} is {bool(answer)} (a bool), but a number was expected.")
    if isinstance(answer, (str, bytes)):
        text = f"text (a {type(answer).__name__})"
        raise Incorrect(f"your {what} is {text}, not a number: remove the quotes.")
    kind, one = _a(describe_type(answer)), "but a single number was expected"
    if isinstance(shape := getattr(answer, "shape", None), tuple) and shape != ():
        item = ": take the number out with .item()." if math.prod(shape) == 1 else "."
        raise Incorrect(f"your {what} is {kind} of shape {shape}, {one}{item}")
    if isinstance(answer, (list, tuple, dict, set)):
        raise Incorrect(f"your {what} is {kind} of {_count(len(answer), 'item')}, {one}.")
    try:
        value = float(answer)
    except Exception:
        raise Incorrect(f"your {what} should be a single number, not {kind}.") from None
    if math.isnan(value):
        raise Incorrect(f"your {what} is NaN (not a number): is there a missing value in the data?")
    if math.isinf(value):
        raise Incorrect(f"your {what} is infinite: did you divide by zero?")
    return value


def _as_float_array(answer: Any, what: str) -> np.ndarray:
    """``answer`` as an array of floats, or Incorrect saying why it is not one."""
    kind = _a(describe_type(answer))
    if isinstance(answer, (str, bytes, dict, set)) or callable(answer):
        kind = f"text (a {type(answer).__name__})" if isinstance(answer, (str, bytes)) else kind
        raise Incorrect(f"your {what} should be an array of numbers, not {kind}.")
    try:
        return np.asarray(answer, dtype=float)
    except Exception:
        raise Incorrect(
            f"your {what} could not be read as an array of numbers (it is {kind}): does it "
            "contain text or lists of different lengths?"
        ) from None


def _shape_advice(got: tuple[int, ...], wanted: tuple[int, ...]) -> str:
    if got == (*wanted, 1):
        return ": .ravel() makes a column flat."
    if wanted == (*got, 1):
        return ": .reshape(-1, 1) makes a flat array a column."
    if len(got) == 2 and got == wanted[::-1]:
        return ": rows and columns are swapped (.T transposes)."
    return "."


#: Other names (Korean among them) of the three sets and of the metrics, as regular expressions.
_SETS = {"train": "훈련|학습|training|[xy] train", "validation": "검증|val|valid|[xy] val"}
_SETS |= {"test": "테스트|평가|시험|testing|[xy] test"}
_METRICS = {
    "mae": "mean absolute error|평균 절대 오차",
    "mse": "mean squared error|평균 제곱 오차",
    "rmse": "root mean squared error|평균 제곱근 오차",
    "mape": "mean absolute percentage error|평균 절대 백분율 오차",
    "r2": r"r squared|r²|r\^2|coefficient of determination|결정 ?계수",
    "sse": "sum of squared errors|오차 제곱합",
}
#: "the validation set", "only the training data", "검증 데이터", "훈련 데이터만": the set's name.
_SET_WORDS = re.compile(
    r"^(?:the\s+|only\s+(?:the\s+)?)?(.*?)"
    r"(?:\s*(?:set|data|dataset|rows|세트|셋|데이터|데이터셋|용 데이터))?(?:\s+only|만)?$"
)


def _normal(text: Any) -> str:
    """Lower case, ``_`` and ``-`` as spaces, no quotes or full stop around; "c)" is "c"."""
    plain = " ".join(re.sub(r"[_\-]", " ", str(text)).split()).casefold()
    plain = plain.strip("'\"` ").rstrip(".").strip()
    if letter := re.fullmatch(r"\(?(\w)\)", plain):
        return letter.group(1)
    return plain[:-1].strip() if plain.endswith(")") and "(" not in plain else plain


def _option_named(answer: str, valid: Sequence[str], alias: Mapping[str, str]) -> str:
    """The option that ``answer`` names: itself, an alias, a letter with its text ("c) ..."), a
    set's or a metric's name ("mean absolute error (MAE)")."""
    plain = _normal(answer)
    words = _SET_WORDS.sub(r"\1", plain).strip()
    letter = re.match(r"\(?([a-z])\s*[).:]\s*\S", plain)
    candidates = [plain, letter.group(1) if letter and all(len(o) == 1 for o in valid) else ""]
    candidates += [words, _name_in(words, _SETS), _name_in(plain, _METRICS)]
    if named := re.fullmatch(r"(.+?)\s*\((.+)\)", plain):
        candidates += [*named.groups(), *(_name_in(name, _METRICS) for name in named.groups())]
    chosen = (alias.get(candidate, candidate) for candidate in candidates)
    return next((option for option in chosen if option in valid), alias.get(plain, plain))


def _name_in(text: str, names: Mapping[str, str]) -> str:
    return next((name for name, pattern in names.items() if re.fullmatch(pattern, text)), "")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _a(noun: str) -> str:
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def _say(text: str) -> None:
    """print(text), with plain symbols on a console that cannot show them (cp949, ascii)."""
    try:
        print(text)
    except UnicodeEncodeError:
        for symbol, plain in _PLAIN.items():
            text = text.replace(symbol, plain)
        encoding = sys.stdout.encoding or "ascii"
        print(text.encode(encoding, errors="replace").decode(encoding))
