"""Exercises of lesson 00 (notebooks/00_start_here.ipynb): a first try of check, hint and solution."""

from __future__ import annotations

from helpers.datasets import load_dataset
from helpers.exercises import Exercise, expect_choice, expect_int, expect_number

_cars = load_dataset("auto_mpg")

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
    wrong_answers=[("q1_answer = cars.shape[1]", "number of columns")],
    correct_message="Every row of the table is one car.",
)

q2 = Exercise(
    "q2",
    expect_choice("compressive_strength", {
        "age": "age is a feature (how old the concrete is); the target is the column we want to predict.",
        "cement": "cement is the first feature; the target is the last column.",
    }, options=list(load_dataset("concrete").columns)),
    hint='The .columns of a DataFrame lists its column names; the last item of a list-like is at index -1.',
    solution='q2_answer = load_dataset("concrete").columns[-1]',
    answer_name="q2_answer",
    wrong_answers=[('q2_answer = load_dataset("concrete").columns[0]', "first feature")],
    correct_message="Compressive strength, in megapascals, is what the capstone project predicts.",
)

q3 = Exercise(
    "q3",
    expect_number(float(_cars["mpg"].mean()), rel=0, abs=0.05, what="mean fuel efficiency", known_mistakes=[
        (float(_cars["mpg"].median()), "that is the median (the middle value); the question asks for the mean."),
    ]),
    hint="Select the mpg column; pandas columns have methods for summary statistics.",
    solution='q3_answer = cars["mpg"].mean()',
    answer_name="q3_answer",
    wrong_answers=[('q3_answer = cars["mpg"].median()', "median")],
    correct_message="About 23.4 mpg, roughly 10 km per litre.",
)
