"""Answers that the checks of lesson 00 are tested with, in the lesson's own notebook.

tests/exercise_harness.py runs each one in the live namespace of the lesson, after the exercise's
cell. WRONG: code a typical learner writes, and a piece of the hint it must get. CORRECT: other
correct ways to write the answer; each must be judged correct.
"""

WRONG = {
    "q1": [
        ("q1_answer = cars.shape[1]", "number of columns"),
        ("q1_answer = cars.size", "rows × columns"),
        ("q1_answer = cars.shape", "a single number"),
        ("q1_answer = len(cars) - 1", "too small"),
    ],
    "q2": [
        ('q2_answer = load_dataset("concrete").columns[0]', "first feature"),
        ('q2_answer = "age"', "age is a feature"),
        ('q2_answer = "water"', "a column the model reads"),
        ('q2_answer = "Fine Aggregate"', "a column the model reads"),
        # A name that is not a column was told "not one of the options age, ..., compressive
        # strength, ...": the list gave the answer away. So did a non-text answer.
        ('q2_answer = "strength"', "not a column name"),
        ('q2_answer = load_dataset("concrete").columns[-1:]', "[-1:]"),
        ("q2_answer = 8", "as text in quotes"),
        ('q2_answer = list(load_dataset("concrete").columns[-1:])', "[-1:]"),
        ('q2_answer = load_dataset("concrete")["compressive_strength"]', "as text in quotes"),
    ],
    "q3": [
        ('q3_answer = cars["mpg"].median()', "median"),
        # The course's rounding policy: 23 is the mean (23.446) rounded too much, not a wrong value.
        ("q3_answer = 23", "rounded too much"),
        ('q3_answer = round(cars["mpg"].mean())', "rounded too much"),
    ],
}

CORRECT = {
    "q1": [
        "q1_answer = cars.shape[0]",
        "q1_answer = len(cars.index)",
        "q1_answer = 392",
        "q1_answer = float(len(cars))",
    ],
    "q2": [
        'q2_answer = "compressive_strength"',
        'q2_answer = list(load_dataset("concrete"))[-1]',
        'q2_answer = load_dataset("concrete").columns.tolist()[-1]',
        'q2_answer = "compressive strength"',
        'q2_answer = "Compressive_Strength"',
        'q2_answer = "compressive-strength"',
        'q2_answer = " compressive_strength "',
        'q2_answer = str(load_dataset("concrete").columns[-1])',
    ],
    "q3": [
        "q3_answer = 23.45",
        "q3_answer = 23.4",
        "q3_answer = 23.446",
        'q3_answer = round(cars["mpg"].mean(), 2)',
        "q3_answer = cars.mpg.mean()",
        'q3_answer = sum(cars["mpg"]) / len(cars)',
        'q3_answer = cars.describe().loc["mean", "mpg"]',
    ],
}
