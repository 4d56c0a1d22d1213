"""Exercises of lesson 00 (00_start_here.ipynb): a first try of check, hint and solution."""

from typing import Any

from helpers.datasets import load_dataset
from helpers.exercises import Exercise, Incorrect, describe_type, expect_int, expect_number
from helpers.language import N_

_cars = load_dataset("auto_mpg")
_COLUMNS = list(load_dataset("concrete").columns)
_FEATURE_HINT = N_("that is a feature (a column the model reads); the target is the last column.")
_COLUMN_HINTS = {
    "age": N_("age is a feature (how old the concrete is); the target is what we want to predict."),
    "cement": N_("cement is the first feature; the target is the last column."),
}


def _check_target(answer: Any) -> None:
    """Like expect_choice, but a wrong answer never lists the column names: the answer is one."""
    if isinstance(answer, (list, tuple)) or describe_type(answer) == "pandas.Index":
        raise Incorrect(
            N_(
                "columns[-1:] is a list of one name; the name itself is columns[-1]: give it as "
                "text in quotes."
            )
        )
    if not isinstance(answer, str):
        told = N_("your answer is of type {type}: give a name as text in quotes.")
        raise Incorrect(told, type=describe_type(answer))
    name = "_".join(answer.replace("_", " ").replace("-", " ").split()).lower()
    if name == "compressive_strength":
        return
    if name in _COLUMNS:
        raise Incorrect(_COLUMN_HINTS.get(name, _FEATURE_HINT))
    message = N_(
        "{answer} is not a column name of the concrete table: look at "
        'load_dataset("concrete").columns and give its last name, as text in quotes.'
    )
    raise Incorrect(message, answer=repr(answer[:40]))


q1 = Exercise(
    "q1",
    expect_int(
        len(_cars),
        what="number of cars",
        known_mistakes={
            _cars.shape[1]: "that is the number of columns; the rows are the cars.",
            _cars.size: "that is rows × columns (every value in the table); count only the rows.",
        },
    ),
    hint="A DataFrame knows its own size: Python's built-in function for 'how many' works on it, "
    "and so does its .shape.",
    solution="q1_answer = len(cars)",
    correct_message="Every row of the table is one car.",
)

q2 = Exercise(
    "q2",
    _check_target,
    hint="The .columns of a DataFrame lists its column names; the last item is at index -1.",
    solution='q2_answer = load_dataset("concrete").columns[-1]',
    correct_message="Compressive strength, in megapascals, is what the capstone project predicts.",
)

q3 = Exercise(
    "q3",
    expect_number(
        _cars["mpg"].mean(),
        what="mean fuel efficiency",
        known_mistakes={
            _cars["mpg"].median(): "that is the median (the middle value), not the mean.",
        },
    ),
    hint="Select the mpg column; pandas columns have methods for summary statistics.",
    solution='q3_answer = cars["mpg"].mean()',
    correct_message="About 23.4 mpg, roughly 10 km per litre.",
)


def practice() -> Exercise:
    """A practice check of the share of cars with 4 cylinders (0.5077): lesson 00 shows with it
    how answers may be rounded."""
    return Exercise(
        "practice",
        expect_number((_cars["cylinders"] == 4).mean(), what="share"),
        hint="Compare the cylinders column with 4, then take the mean of the True/False values.",
        solution='practice_answer = (cars["cylinders"] == 4).mean()',
    )
