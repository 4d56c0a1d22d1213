"""Exercises of lesson 00 (notebooks/00_start_here.ipynb): a first try of check, hint and solution.

:func:`practice` is not an exercise of the lesson: it returns a check that the lesson calls with a
few roundings of one value, to show the course's rounding policy on real output.
"""

from __future__ import annotations

from typing import Any

from helpers.datasets import load_dataset
from helpers.exercises import (Exercise, Incorrect, ValueCheck, describe_type, expect_choice, expect_int,
                               expect_number)

_cars = load_dataset("auto_mpg")

_TARGET_HINTS = {
    "age": "age is a feature (how old the concrete is); the target is the column we want to predict.",
    "cement": "cement is the first feature; the target is the last column.",
}
_FEATURE_HINT = "that is one of the features, the columns a model reads; the target is the last column."
_choose_target = expect_choice("compressive_strength", _TARGET_HINTS, default_hint=_FEATURE_HINT,
                               options=list(load_dataset("concrete").columns))


def _check_target_column(answer: Any) -> None:
    """expect_choice among the column names, but a wrong answer never lists them: the list holds the answer."""
    if answer is not None and not isinstance(answer, str):
        try:
            items = list(answer) if not isinstance(answer, (bytes, dict)) else []
        except TypeError:  # not a collection: a number, ...
            items = []
        if len(items) == 1 and isinstance(items[0], str):
            raise Incorrect(f"your answer is {_article(describe_type(answer))} that holds one name; give the name "
                            f"itself, as text: index with [-1], not with the slice [-1:].")
        raise Incorrect(f"give the column's name as text in quotes (a str), not {_article(describe_type(answer))}.")
    try:
        _choose_target(answer)
    except Incorrect as exc:
        if answer is None or exc.hint in (*_TARGET_HINTS.values(), _FEATURE_HINT):
            raise
        # Any other message of expect_choice ("... is not one of the options age, ..., compressive strength,
        # ...") would list every column, the answer among them.
        shown = " ".join(answer.split())
        shown = shown if len(shown) <= 40 else shown[:39] + "…"
        raise Incorrect(f"{shown!r} is not a column name of the concrete table: look at "
                        f"load_dataset(\"concrete\").columns and give its last name, as text in quotes.") from None


def _article(noun: str) -> str:
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


q1 = Exercise(
    "q1",
    expect_int(len(_cars), what="number of cars", known_mistakes=[
        (len(_cars) + 1, "that counts one line too many: the CSV file's header line is not a car."),
        (_cars.shape[1], "that is the number of columns; the rows are the cars."),
        (_cars.size, "that is rows × columns (every value in the table); count only the rows."),
    ]),
    hint="A DataFrame knows its own size: Python's built-in function for 'how many' works on it, and so "
         "does its .shape.",
    solution="q1_answer = len(cars)",
    answer_name="q1_answer",
    correct_message="Every row of the table is one car.",
)

q2 = Exercise(
    "q2",
    ValueCheck(_check_target_column, expects="a column name as text in quotes"),
    hint='The .columns of a DataFrame lists its column names; the last item of a list-like is at index -1.',
    solution='q2_answer = load_dataset("concrete").columns[-1]',
    answer_name="q2_answer",
    correct_message="Compressive strength, in megapascals, is what the capstone project predicts.",
)

q3 = Exercise(
    "q3",
    expect_number(float(_cars["mpg"].mean()), what="mean fuel efficiency", known_mistakes=[
        (float(_cars["mpg"].median()), "that is the median (the middle value); the question asks for the mean."),
    ]),
    hint="Select the mpg column; pandas columns have methods for summary statistics.",
    solution='q3_answer = cars["mpg"].mean()',
    answer_name="q3_answer",
    correct_message="About 23.4 mpg, roughly 10 km per litre.",
)


def practice() -> Exercise:
    """A practice check, not an exercise of the lesson: the share of cars with 4 cylinders (0.5077).

    Lesson 00 calls it with a few roundings of that share, to show the course's rounding policy:
    0.51 and 0.508 are correct, 0.5 is rounded too much.
    """
    return Exercise(
        "practice",
        expect_number(float((_cars["cylinders"] == 4).mean()), what="share"),
        hint="Compare the cylinders column with 4, then take the mean of the True/False values.",
        solution='practice_answer = (cars["cylinders"] == 4).mean()',
        answer_name="practice_answer",
    )
