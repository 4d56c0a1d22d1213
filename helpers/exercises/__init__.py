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
from helpers.language import N_, _
from helpers.network import activation_name

#: ``{probe: hint}`` or ``[(probe, hint), ...]``: a probe is a known wrong value or a predicate.
Mistakes = Mapping[Any, str] | Sequence[tuple[Any, str]]

KEEP_DIGITS = N_(
    "Keep at least 2 decimals or 3 significant digits (e.g. 0.58 or 0.576 for 0.5763; 4337.42 "
    "or 4340 for 4337.4219)."
)
CUT_DIGITS = N_(
    "If you cut digits off a longer number, round it instead: cutting 0.5763 after 2 decimals "
    "gives 0.57, rounding gives 0.58."
)
NOT_ATTEMPTED = N_("replace ... with your answer, then run this cell again.")
NONE_MESSAGE = N_(
    "your answer is None: print() returns None, and so do the methods that change something in "
    "place, such as model.compile(...). Assign the thing itself, not the result of such a call."
)
_PREFIXES = {"correct": ("✅", N_("Correct!")), "not_attempted": ("⏳", N_("Not attempted yet:"))}
_PREFIXES |= {"incorrect": ("❌", N_("Incorrect:")), "not_checked": ("⚠️", N_("Not checked:"))}
_PREFIXES |= {"hint": ("💡", N_("Hint:")), "solution": ("📝", N_("Solution:"))}
#: What is printed instead on a console that cannot show these characters (cp949, ascii).
_PLAIN = {"⚠️": "[!]", "✅": "[OK]", "❌": "[X]", "⏳": "[...]", "💡": "[hint]", "📝": "[solution]"}
_PLAIN |= {"²": "2", "−": "-", "…": "...", "×": "x"}


class Incorrect(Exception):
    """Raised by a check for a wrong answer; its message is the hint, translated with ``_()`` and
    filled in with ``values`` (``{name}`` placeholders) when raised. Introduced in lesson 00."""

    def __init__(self, message: str, **values: Any) -> None:
        super().__init__(_(message, **values))


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
    "✅ Correct!"; ``expects`` names the kind of value wanted (default: the checker's)."""

    def __init__(
        self,
        name: str,
        checker: Callable[[Any], None],
        *,
        hint: str,
        solution: str,
        answer_name: str | None = None,
        correct_message: str = "",
        expects: str = "",
    ) -> None:
        self.name, self.checker, self.answer_name = name, checker, answer_name or f"{name}_answer"
        self.hint_text, self.solution_code = hint, solution  # translated when shown
        self.correct_message = correct_message
        self.expects = expects or getattr(checker, "expects", N_("a different kind of value"))

    def __repr__(self) -> str:
        name, answer = self.name, self.answer_name
        return f"<Exercise {name}: {name}.check({answer}), {name}.hint(), {name}.solution()>"

    def evaluate(self, answer: Any = ...) -> CheckResult:
        """Judge ``answer`` without printing; never raises (the stop button still stops it)."""
        if _unanswered(answer):
            return CheckResult("not_attempted", _(NOT_ATTEMPTED))
        if answer is None:
            return CheckResult("incorrect", _(NONE_MESSAGE))
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                returned = self.checker(answer)
        except Incorrect as exc:  # a lesson's own check may raise a message not yet translated
            return CheckResult("incorrect", _(str(exc)))
        except DatasetError as exc:
            unread = _("this check could not read the course's data: your answer was not judged.")
            return CheckResult("not_checked", f"{unread} {exc}", repr(exc))
        except Exception as exc:  # a learner never sees a traceback
            expects = _(self.expects)
            other = N_(
                "this exercise expects {expects}, but your answer is {kind}. Check what you "
                "assigned to {name}."
            )
            kind, name = _a(describe_type(answer)), self.answer_name
            return CheckResult(
                "incorrect", _(other, expects=expects, kind=kind, name=name), repr(exc)
            )
        if returned is not None:  # e.g. a check that returns False: a bug, never "correct"
            return CheckResult("incorrect", _("this check is broken: tell your instructor."))
        return CheckResult("correct", _(self.correct_message).strip())

    def check(self, answer: Any = ...) -> None:
        """Print whether ``answer`` is right, and what is wrong when it is not."""
        result = self.evaluate(answer)
        _say(result.status, result.message)

    def hint(self) -> None:
        """Print a hint that does not give the answer away."""
        _say("hint", _(self.hint_text).strip())

    def solution(self) -> None:
        """Print a solution."""
        _say("solution", _(self.solution_code).strip("\n"), separator="\n")


def expect_number(
    expected: float,
    *,
    rel: float = 1e-3,
    abs: float = 1e-9,
    what: str = N_("answer"),
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
        value, eps = _as_float(answer, what), _eps(answer)
        rounding, cut = _rounding(value, expected, eps=eps), _is_cut(value, expected, eps)
        if rounding == "ok" or (close(value, expected) and not cut):
            return
        yours = {"what": _(what), "value": f"{value:.6g}"}
        wrong = Incorrect(_WRONG[value > expected if reveal_direction else None], **yours)
        known_value = any(close(value, probe) for probe, _hint in known if not callable(probe))
        if known_value and (rounding == "too much" or cut):
            raise wrong  # the right value rounded or cut, or a known wrong value: no guess
        if rounding == "too much":
            rounded = N_("your {what} is {value}: that is the right value rounded too much. {keep}")
            raise Incorrect(rounded, **yours, keep=_(KEEP_DIGITS))
        if cut:  # the right digits cut short: no known mistake can be told apart
            cut_off = N_("your {what} is {value}, which is not right. {cut}")
            raise Incorrect(cut_off, **yours, cut=_(CUT_DIGITS))
        raise_known_mistake(value, known, equal=lambda v, p: close(v, p) or _rounding(v, p) == "ok")
        raise wrong

    return ValueCheck(check, N_("a single number (int or float)"), expected, known, close)


def expect_int(
    expected: int, *, what: str = N_("answer"), known_mistakes: Mistakes = ()
) -> ValueCheck:
    """A check for a whole number equal to ``expected``, such as a count (``3.0`` counts as 3).
    Introduced in lesson 00 (00_start_here.ipynb)."""
    mistakes = _pairs(known_mistakes)

    def check(answer: Any) -> None:
        if isinstance(answer, (int, np.integer)) and not isinstance(answer, bool):
            number = int(answer)  # exact, even beyond 2**53
        elif (value := _as_float(answer, what)).is_integer():
            number = int(value)
        else:
            whole = N_("your {what} is {value}, but a whole number was expected.")
            raise Incorrect(whole, what=_(what), value=f"{value:.6g}")
        if number != expected:
            raise_known_mistake(number, mistakes)
            raise Incorrect(_WRONG[number > expected], what=_(what), value=number)

    return ValueCheck(check, N_("a whole number (int)"), expected, mistakes, operator.eq)


#: A wrong number, by ``answer > expected`` (None: the direction is not revealed).
_WRONG = {
    True: N_("your {what} is {value}, which is too large."),
    False: N_("your {what} is {value}, which is too small."),
    None: N_("your {what} is {value}, which is not right."),
}


def expect_array_close(
    expected: Any,
    *,
    rel: float = 1e-3,
    abs: float = 1e-6,
    what: str = N_("array"),
    squeeze: bool = False,
    known_mistakes: Mistakes = (),
) -> ValueCheck:
    """A check for an array of numbers of ``expected``'s shape, close to it value by value
    (``numpy.isclose``), each by the course's rounding policy. Introduced in lesson 02.
    ``squeeze=True`` ignores axes of length 1 (``model.predict(X)`` of shape (n, 1) matches an
    expected (n,)). A known wrong value matches an answer of its shape that is close (or rounded);
    a predicate gets the answer as an array."""
    target, mistakes = np.asarray(expected, dtype=float), _pairs(known_mistakes)

    def judge(value: np.ndarray, probe: Any, eps: float = 2e-16) -> tuple[str, Any]:
        """("correct", "too much", "cut", "shape" or "" for other values; how many are wrong)."""
        want = np.asarray(probe, dtype=float)
        if squeeze:
            value, want = np.squeeze(value), np.squeeze(want)
        if value.shape != want.shape:
            return "shape", value.size
        rounding = _rounding(value, want, scale=np.max(np.abs(want), initial=0.0), eps=eps)
        cut = np.vectorize(_is_cut, otypes=[bool])(value, want, eps) & (rounding != "ok")
        fine = (np.isclose(value, want, rtol=rel, atol=abs) & ~cut) | (rounding == "ok")
        verdicts = {"correct": fine, "too much": rounding == "too much", "cut": cut}
        return next((v for v, also in verdicts.items() if np.all(fine | also)), ""), np.sum(~fine)

    def same(value: Any, probe: Any) -> bool:
        return judge(np.asarray(value, dtype=float), probe)[0] == "correct"

    def check(answer: Any) -> None:
        value = _as_float_array(answer, what)
        verdict, wrong = judge(value, target, _eps(answer))
        if verdict == "correct":
            return
        raise_known_mistake(value, mistakes, equal=same)
        yours = {"what": _(what), "size": value.size, "wrong": wrong, "shape": value.shape}
        if verdict == "too much":
            rounded = N_("your {what} are the right values rounded too much. {keep}")
            raise Incorrect(rounded, **yours, keep=_(KEEP_DIGITS))
        if verdict == "cut":
            cut_off = N_("some of your {what} are not right. {cut}")
            raise Incorrect(cut_off, **yours, cut=_(CUT_DIGITS))
        if verdict == "shape":
            shapes = N_("the shape of your {what} is {shape}, but {expected} was expected{advice}")
            advice = _shape_advice(value.shape, target.shape)
            raise Incorrect(shapes, **yours, expected=target.shape, advice=advice)
        if not np.all(np.isfinite(value)):
            raise Incorrect(N_("there are NaN or infinite values in your {what}."), **yours)
        if same(np.sort(value, axis=None), np.sort(target, axis=None)):
            flat = value.ravel()  # sorted, and not just the right values backwards
            sort = np.all(flat[:-1] <= flat[1:]) or np.all(flat[:-1] >= flat[1:])
            if sort and not same(flat, np.ravel(target)[::-1]):
                sorted_ = N_(
                    "your {what} hold the right values, but sorted: keep the rows in their "
                    "original order (no sorting)."
                )
                raise Incorrect(sorted_, **yours)
            order = N_(
                "your {what} hold the right values, but in another order: keep the rows in their "
                "original order."
            )
            raise Incorrect(order, **yours)
        values = N_("the shape of your {what} is right; wrong values: {wrong} of {size}.")
        raise Incorrect(values, **yours)

    return ValueCheck(check, N_("an array of numbers"), target, mistakes, same)


def expect_choice(
    correct_option: str,
    hints_per_wrong_option: Mapping[str, str] | None = None,
    *,
    options: Iterable[str] = (),
    aliases: Mapping[str, str] | None = None,
    default_hint: str = N_("that is not the right option: read the question again."),
) -> ValueCheck:
    """A check for a multiple-choice answer given as text, e.g. ``"b"``. Introduced in lesson 00.

    Case, spaces, quotes, ``_`` or ``-`` and a trailing ``)`` or ``.`` do not matter, and natural
    forms are understood: "c) the last 100 days" for "c"; "X_val" or "검증 데이터" for "validation";
    "평균 절대 오차" for "mae". The options are ``correct_option``, the keys of
    ``hints_per_wrong_option`` and ``options`` (messages name these as written if they include
    the correct one); ``aliases`` maps other spellings to an option.

    >>> Exercise("q1", expect_choice("b", {"a": "MSE is in squared units."}), hint="h",
    ...          solution="q1_answer = 'b'").check("A) the MSE")
    ❌ Incorrect: MSE is in squared units.
    """
    hints = {_normal(option): hint for option, hint in (hints_per_wrong_option or {}).items()}
    alias = {_normal(spelling): _normal(option) for spelling, option in (aliases or {}).items()}
    correct = _normal(correct_option)
    valid = sorted({correct, *hints, *map(_normal, options)})
    named = ", ".join(options if correct in map(_normal, options) else valid)

    def check(answer: Any) -> None:
        if not isinstance(answer, str):
            text = N_("answer with one of the options {options} as text in quotes, not {kind}.")
            raise Incorrect(text, options=named, kind=_a(describe_type(answer)))
        chosen = _option_named(answer, valid, alias)
        if chosen not in valid:
            other = N_("{answer} is not one of the options {options}: answer with one, in quotes.")
            raise Incorrect(other, answer=repr(" ".join(answer.split())[:40]), options=named)
        if chosen != correct:
            raise Incorrect(hints.get(chosen, default_hint))

    return ValueCheck(check, N_("one of the options, as text in quotes"))


def expect_keras_model(
    *,
    input_shape: Sequence[int] | None = None,
    dense_units: Sequence[int] | None = None,
    activations: Sequence[str | None] | None = None,
    n_params: int | None = None,
    known_mistakes: Mistakes = (),
) -> ValueCheck:
    """A check for a built Keras model, judged by its public configuration. Introduced in
    lesson 03 (03_sequential_model.ipynb). ``input_shape`` is given to ``keras.Input`` (more axes
    than one row of features is always wrong); ``dense_units`` and ``activations`` (None: none)
    describe the Dense layers as :func:`dense_layers` sees them; ``n_params`` counts trained weights
    and biases."""
    mistakes = _pairs(known_mistakes)
    asked = dense_units if dense_units is not None else activations

    def check(model: Any) -> None:
        import keras

        if isinstance(model, keras.layers.Layer) and not isinstance(model, keras.Model):
            layer = N_(
                "your model is a single layer ({layer}), not a model: put the layers in "
                "keras.Sequential([...])."
            )
            raise Incorrect(layer, layer=type(model).__name__)
        if not isinstance(model, keras.Model):
            not_model = N_("your model should be a Keras model, not {kind}.")
            raise Incorrect(not_model, kind=_a(describe_type(model)))
        if not model.layers:
            raise Incorrect(N_("your model has no layers after keras.Input: add its Dense layers."))
        if not model.built:
            unbuilt = N_(
                "your model is not built yet: start it with "
                "keras.Input(shape=(number_of_features,))."
            )
            raise Incorrect(unbuilt)
        # Keras 3 keeps a Dense(..., input_shape=...) only in a private attribute.
        if any(getattr(layer, "_input_shape_arg", None) for layer in model.layers):
            older = N_(
                "Dense(..., input_shape=...) is the older way, and Keras 3 warns against it: start "
                "the model with keras.Input(shape={shape})."
            )
            raise Incorrect(older, shape=tuple(model.inputs[0].shape)[1:])
        raise_known_mistake(model, mistakes)
        shape, wanted = tuple(model.inputs[0].shape)[1:], tuple(input_shape or ())
        if len(shape) != 1:
            table = N_(
                "your model takes inputs of shape {shape}, a table of tables: each example here is "
                "one row of features, so give keras.Input one number, "
                "shape=(number_of_features,){here}"
            )
            here = _(", here shape={shape}.", shape=wanted) if wanted else "."
            raise Incorrect(table, shape=shape, here=here)
        if input_shape is not None and shape != wanted:
            inputs = N_(
                "your model takes {count} inputs (keras.Input(shape={shape})); it should take "
                "{want}: keras.Input(shape={wanted})."
            )
            raise Incorrect(inputs, count=shape[0], shape=shape, want=wanted[0], wanted=wanted)
        dense = dense_layers(model)
        if asked is not None and len(dense) != len(asked):
            layers = (N_("{count} Dense layer"), N_("{count} Dense layers"))
            has, asked_for = _count(len(dense), *layers), _count(len(asked), *layers)
            told = N_("your model has {has}, but the exercise asks for {asked}.")
            raise Incorrect(told, has=has, asked=asked_for)
        units = N_("Dense layer {index} of your model has {got} units; it should have {want}.")
        for index, (count, _activation) in enumerate(dense, start=1):
            if dense_units is not None and count != dense_units[index - 1]:
                raise Incorrect(units, index=index, got=count, want=dense_units[index - 1])
        uses = N_("Dense layer {index} of your model uses activation {got}; it should use {want}.")
        plain = N_(
            "Dense layer {index} of your model uses activation {got}; it should have none: leave "
            "out activation=... (Keras calls no activation 'linear')."
        )
        for index, (_units, got) in enumerate(dense, start=1):
            if activations is not None and got != (want := activation_name(activations[index - 1])):
                if want == "linear":
                    raise Incorrect(plain, index=index, got=repr(got))
                raise Incorrect(uses, index=index, got=repr(got), want=repr(want))
        total = sum(math.prod(weight.shape) for weight in model.trainable_weights)
        if n_params is None or total == n_params:
            return
        biases = [layer.use_bias for layer in model.layers if isinstance(layer, keras.layers.Dense)]
        if not all(biases):
            no_bias = N_(
                "Dense layer {index} of your model has no bias (use_bias=False); the model asked "
                "for has one bias per node: leave use_bias out."
            )
            raise Incorrect(no_bias, index=biases.index(False) + 1)
        params = N_(
            "your model has {total} trained parameters; the model asked for has {n_params}: check "
            "the number of inputs and of units."
        )
        raise Incorrect(params, total=total, n_params=n_params)

    return ValueCheck(check, N_("a Keras model (e.g. keras.Sequential([...]))"), None, mistakes)


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
            before = N_(
                "your model applies {applied} to its inputs, before any Dense layer: an activation "
                "belongs after a weighted sum."
            )
            raise Incorrect(before, applied=repr(applied))
        if dense[-1][1] != "linear":
            twice = N_(
                "Dense layer {index} of your model gets two activations ({first}, then {second}): "
                "give it one."
            )
            raise Incorrect(twice, index=len(dense), first=repr(dense[-1][1]), second=repr(applied))
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
    Introduced in lesson 08 (08_project_concrete.ipynb). ``fit_on`` names them in messages, e.g.
    "split.X_train". A known mistake is a set of rows (matched by :func:`scaler_fitted_on`) or a
    predicate on the scaler."""
    known, rows, columns = _pairs(known_mistakes), len(train_rows), np.shape(train_rows)[1]

    def check(scaler: Any) -> None:
        from sklearn.preprocessing import MinMaxScaler, StandardScaler

        yours = {"fit_on": _(fit_on), "rows": rows, "columns": columns}
        yours |= {"name": getattr(scaler, "__name__", ""), "kind": _a(describe_type(scaler))}
        if isinstance(scaler, type):
            the_class = N_(
                "that is the class {name} itself: make a scaler with {name}() and fit it, "
                "{name}().fit({fit_on})."
            )
            raise Incorrect(the_class, **yours)
        if isinstance(scaler, np.ndarray) or hasattr(scaler, "iloc"):
            data = N_(
                "that is scaled data; the answer is the fitted scaler itself: fit(...) returns it, "
                "e.g. StandardScaler().fit({fit_on})."
            )
            raise Incorrect(data, **yours)
        if not isinstance(scaler, (MinMaxScaler, StandardScaler)):
            other = N_(
                "this exercise expects a fitted StandardScaler or MinMaxScaler "
                "(sklearn.preprocessing), not {kind}."
            )
            raise Incorrect(other, **yours)
        if not hasattr(scaler, "n_samples_seen_"):
            unfitted = N_("your scaler is not fitted yet: call .fit({fit_on}) on it.")
            raise Incorrect(unfitted, **yours)
        for setting in ("with_mean", "with_std"):
            if not getattr(scaler, setting, True):
                settings = N_(
                    "your StandardScaler was made with {setting}=False: use StandardScaler() with "
                    "its default settings (it subtracts the mean, then divides by the standard "
                    "deviation)."
                )
                raise Incorrect(settings, setting=setting)
        if scaler_fitted_on(scaler, {"train": train_rows}):
            return
        raise_known_mistake(scaler, known, equal=lambda s, x: bool(scaler_fitted_on(s, {"x": x})))
        yours |= {"count": scaler.n_features_in_, "learned": int(np.max(scaler.n_samples_seen_))}
        if scaler.n_features_in_ != columns:
            fitted = N_(
                "your scaler was fitted on {count} columns; fit it on the {columns} feature "
                "columns of {fit_on}."
            )
            raise Incorrect(fitted, **yours)
        if np.max(scaler.n_samples_seen_) == rows:
            other_rows = N_(
                "your scaler learned from {learned} rows, but not those of {fit_on}: fit it on "
                "{fit_on} itself."
            )
            raise Incorrect(other_rows, **yours)
        fewer = N_("your scaler learned from {learned} rows; fit it on {fit_on} ({rows} rows).")
        raise Incorrect(fewer, **yours)

    return ValueCheck(check, N_("a fitted StandardScaler or MinMaxScaler"), train_rows, known)


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


def _rounding(values: Any, targets: Any, scale: Any = None, eps: float = 2e-16) -> np.ndarray:
    """Per value: "ok" if it is its target rounded as the policy allows (3 significant digits, or
    2 decimals within 5 % of ``scale``: the target, or an array's largest value, so 0.0064 may be
    0.01 among values near 1), "too much" if rounded further (a single number to 0 is no rounding),
    else "". Rounded to 10**k is a multiple of it within half a step, at precision ``eps``."""
    v, x = np.broadcast_arrays(np.asarray(values, dtype=float), np.asarray(targets, dtype=float))
    ok, too_much = np.zeros(v.shape, dtype=bool), np.zeros(v.shape, dtype=bool)
    with np.errstate(all="ignore"):
        first_digit = np.floor(np.log10(np.where(x != 0, np.abs(x), 1.0)))
        share = np.abs(v - x) / (np.abs(x) if scale is None else scale)
        for k in range(-9, 10):
            step = 10.0**k
            off = np.abs(v / step - np.round(v / step)) <= np.maximum(
                1e-6, 8 * eps * np.abs(v / step)
            )
            multiple = (np.abs(v) < 1e9 * step) & off
            near = np.abs(v - x) <= step / 2 * (1 + 1e-9) + 1e-12 + 8 * eps * np.abs(x)
            hit = multiple & near & (k <= np.maximum(first_digit, 0))
            allowed = (k <= first_digit - 2) | ((k <= -2) & (share <= 0.05))
            ok, too_much = ok | (hit & allowed), too_much | (hit & ~allowed)
    too_much &= ~ok & ((v != 0) | (scale is not None))
    return np.where(ok, "ok", np.where(too_much, "too much", ""))


def _is_cut(value: float, target: float, eps: float = 2e-16) -> bool:
    """True when ``value`` is ``target`` with digits cut off instead of rounded, at precision
    ``eps``. A cut keeping 5 significant digits is precise enough."""
    if value == 0 or target == 0 or not math.isfinite(value) or not math.isfinite(target):
        return False
    for decimals in range(min(6, 3 - math.floor(math.log10(abs(target)))) + 1):
        scaled = target * 10**decimals
        whole = round(scaled) if math.isclose(scaled, round(scaled), abs_tol=1e-9) else int(scaled)
        if math.isclose(cut := whole / 10**decimals, target, rel_tol=1e-9):
            return False  # no digit left to cut
        if cut != 0 and math.isclose(value, cut, rel_tol=max(1e-12, 8 * eps)):
            return True
    return False


def _eps(answer: Any) -> float:
    """The precision of ``answer``'s numbers: float32's (1.2e-7) for float32, else float64's."""
    with contextlib.suppress(Exception):
        if (dtype := np.asarray(answer).dtype).kind == "f":
            return float(np.finfo(dtype).eps)
    return float(np.finfo(float).eps)


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
    yours = {"what": _(what), "kind": _a(describe_type(answer))}
    if isinstance(answer, (str, bytes)):
        text = N_("your {what} is text (a {type}), not a number: remove the quotes.")
        raise Incorrect(text, **yours, type=type(answer).__name__)
    if callable(answer):  # cars["mpg"].mean without the ()
        raise Incorrect(
            N_("your {what} is a method or function, not its result: call it with ()."), **yours
        )
    shape = getattr(answer, "shape", None)  # a tuple, or a tensor's TensorShape
    shape = tuple(shape) if isinstance(shape, Iterable) else ()
    if math.prod(shape) != 1:  # an array, Series or tensor of one value is that number
        array = N_("your {what} is {kind} of shape {shape}, but a single number was expected.")
        raise Incorrect(array, **yours, shape=shape)
    if isinstance(answer, (list, tuple, dict, set)):
        items = _count(len(answer), N_("{count} item"), N_("{count} items"))
        many = N_("your {what} is {kind} of {items}, but a single number was expected.")
        raise Incorrect(many, **yours, items=items)
    try:
        value = float(np.asarray(answer).ravel()[0] if shape else answer)
    except Exception:
        value = None
    if value is None or isinstance(answer, (bool, np.bool_)):  # float(True) would be 1.0
        raise Incorrect(N_("your {what} should be a single number, not {kind}."), **yours)
    if not math.isfinite(value):
        nan = N_("your {what} is {value}: is a value missing in the data, or did you divide by 0?")
        raise Incorrect(nan, **yours, value=value)
    return value


def _as_float_array(answer: Any, what: str) -> np.ndarray:
    """``answer`` as an array of floats, or Incorrect saying why it is not one."""
    yours = {"what": _(what), "kind": _a(describe_type(answer))}
    if isinstance(answer, (str, bytes)):
        yours["kind"] = _("text (a {type})", type=type(answer).__name__)
    if isinstance(answer, (str, bytes, dict, set)) or callable(answer):
        raise Incorrect(N_("your {what} should be an array of numbers, not {kind}."), **yours)
    try:
        return np.asarray(answer, dtype=float)
    except Exception:
        unreadable = N_(
            "your {what} could not be read as an array of numbers (it is {kind}): does it "
            "contain text or lists of different lengths?"
        )
        raise Incorrect(unreadable, **yours) from None


def _shape_advice(got: tuple[int, ...], wanted: tuple[int, ...]) -> str:
    if got == (*wanted, 1):
        return _(": .ravel() makes a column flat.")
    if wanted == (*got, 1):
        return _(": .reshape(-1, 1) makes a flat array a column.")
    if len(got) == 2 and got == wanted[::-1]:
        return _(": rows and columns are swapped (.T transposes).")
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


def _count(n: int, one: str, many: str) -> str:
    """``one`` or ``many`` (templates with {count}) for ``n``, in the chosen language."""
    return _(one if n == 1 else many, count=n)


def _a(noun: str) -> str:
    """ "a float", "an int": a type's name with its article (Korean has none)."""
    return _(N_("an {noun}") if noun[:1].lower() in "aeiou" else N_("a {noun}"), noun=noun)


def _say(status: str, message: str, separator: str = " ") -> None:
    """Print "✅ Correct! ``message``" (by ``status``), with plain symbols on a console that cannot
    show them (cp949, ascii)."""
    symbol, word = _PREFIXES[status]
    text = f"{symbol} {_(word)}{separator}{message}".rstrip()
    try:
        print(text)
    except UnicodeEncodeError:
        for symbol, plain in _PLAIN.items():
            text = text.replace(symbol, plain)
        encoding = sys.stdout.encoding or "ascii"
        print(text.encode(encoding, errors="replace").decode(encoding))
