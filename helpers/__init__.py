"""Helpers for the course *Deep-learning regression with Keras*.

Importing this package never imports TensorFlow or Keras, so a lesson's first cell can call
:func:`setup_lesson` before Keras loads.
"""

from helpers.environment import setup_lesson

__all__ = ["setup_lesson"]
