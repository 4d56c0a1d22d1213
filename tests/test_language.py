"""The helpers speak English and Korean: every learner-visible text is marked for translation, and
every marked message has its Korean version (helpers/locale/ko/*.po, made by tools/messages.py).

The AST test finds text that a learner reads but that is not marked with ``_()`` or ``N_()``:
messages of ``Incorrect(...)``, of ``raise ...Error(...)`` and ``warnings.warn(...)``, what
``print(...)`` prints, and the ``hint=``, ``correct_message=``, ``what=``, ``expects=`` and
``default_hint=`` arguments, known-mistake hints and ``expect_choice`` option hints. A variable is
followed to what it is assigned in the same file.
"""

from __future__ import annotations

import ast
import importlib
import io
import textwrap
from collections.abc import Iterator
from pathlib import Path

import messages
import pytest
from exercise_harness import exercises_of
from messages import HANGUL, english_left, needs_korean

from helpers import language
from helpers.exercises import Exercise, ValueCheck

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "helpers").rglob("*.py"))
LESSONS = sorted((ROOT / "helpers" / "exercises").glob("lesson[0-9][0-9].py"))
MARKS = {"_", "N_"}
TEXT_ARGUMENTS = {"hint", "correct_message", "what", "expects", "default_hint"}
HINT_ARGUMENTS = {"known_mistakes", "hints_per_wrong_option"}
ATTRIBUTE_NAMES = {"getattr", "hasattr", "setattr"}  # their strings are names, not text


def unmarked(source: str, lesson: bool = False) -> list[str]:
    """``"line N: 'text'"`` for each learner-visible text of ``source`` that is not marked; in a
    ``lesson`` module (helpers/exercises/), the texts that tools/messages.py extracts by their
    place (:func:`messages.framework_texts`) count as marked."""
    tree = ast.parse(source)
    extracted = {id(text) for text in messages.framework_texts(tree)} if lesson else set()
    assigned: dict[str, list[ast.expr]] = {}
    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)) and node.value:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name):
                    assigned.setdefault(target.id, []).append(node.value)
    found: list[str] = []

    def texts(expr: ast.expr | None, seen: frozenset[str] = frozenset()) -> Iterator[ast.expr]:
        """The unmarked texts with English words in ``expr`` (and in what its names hold)."""
        if expr is None:
            return
        if isinstance(expr, ast.Call) and _name(expr.func) in MARKS:
            if expr.args and isinstance(expr.args[0], (ast.JoinedStr, ast.BinOp)):
                found.append(
                    f"line {expr.lineno}: {_name(expr.func)}() of an f-string or of "
                    "computed text: Babel cannot extract it"
                )
            for keyword in expr.keywords:
                yield from texts(keyword.value, seen)
        elif isinstance(expr, ast.Call) and _name(expr.func) in ATTRIBUTE_NAMES:
            return
        elif isinstance(expr, ast.Call):  # a function of texts, or a text's format() or join()
            method = expr.func.attr if isinstance(expr.func, ast.Attribute) else ""
            if method:
                yield from texts(expr.func.value, seen)
            if method in ("", "format", "join"):
                for argument in [*expr.args, *(keyword.value for keyword in expr.keywords)]:
                    yield from texts(argument, seen)
        elif isinstance(expr, ast.Constant):
            if (
                isinstance(expr.value, str)
                and needs_korean(expr.value)
                and id(expr) not in extracted
            ):
                yield expr
        elif isinstance(expr, ast.JoinedStr):
            parts = [v.value for v in expr.values if isinstance(v, ast.Constant)]
            if needs_korean(" {} ".join(map(str, parts))):
                yield expr
            for value in expr.values:
                if isinstance(value, ast.FormattedValue):
                    yield from texts(value.value, seen)
        elif isinstance(expr, ast.Name) and expr.id not in seen:
            for value in assigned.get(expr.id, []):
                yield from texts(value, seen | {expr.id})
        elif isinstance(expr, ast.Dict):
            for value in expr.values:
                yield from texts(value, seen)
        elif isinstance(expr, (ast.Subscript, ast.Starred)):
            yield from texts(expr.value, seen)
        else:  # operators, conditional expressions, tuples, lists
            for child in ast.iter_child_nodes(expr):
                if isinstance(child, ast.expr):
                    yield from texts(child, seen)

    def hints(expr: ast.expr, seen: frozenset[str] = frozenset()) -> Iterator[ast.expr]:
        """The unmarked hints of ``{probe: hint}``, ``[(probe, hint), ...]`` or a name of one."""
        if isinstance(expr, ast.Name) and expr.id not in seen:
            for value in assigned.get(expr.id, []):
                yield from hints(value, seen | {expr.id})
        elif isinstance(expr, ast.Dict):
            for value in expr.values:
                yield from texts(value)
        elif isinstance(expr, (ast.List, ast.Tuple)):
            for pair in expr.elts:
                elements = pair.elts if isinstance(pair, (ast.List, ast.Tuple)) else [pair]
                yield from texts(elements[-1])

    for node in ast.walk(tree):
        shown, hint_lists = _shown(node)
        for expr in hint_lists:
            found.extend(f"line {text.lineno}: {ast.unparse(text)[:80]}" for text in hints(expr))
        for expr in shown:
            found.extend(f"line {text.lineno}: {ast.unparse(text)[:80]}" for text in texts(expr))
    return sorted(set(found), key=lambda line: int(line.split(":")[0].split()[1]))


def _shown(node: ast.AST) -> tuple[list[ast.expr], list[ast.expr]]:
    """(texts that ``node`` shows to a learner, lists of hints that it may show)."""
    if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
        if _name(node.exc.func).endswith(("Error", "Exception", "Warning")):
            return list(node.exc.args), []
    if not isinstance(node, ast.Call):
        return [], []
    name, keywords = _name(node.func), {keyword.arg: keyword.value for keyword in node.keywords}
    shown = [value for key, value in keywords.items() if key in TEXT_ARGUMENTS]
    shown += node.args[:1] if name in ("Incorrect", "warn") else []
    shown += node.args if name == "print" else []
    shown += node.args[1:2] if name == "ValueCheck" else []
    hint_lists = [value for key, value in keywords.items() if key in HINT_ARGUMENTS]
    return shown, hint_lists + (node.args[1:2] if name == "expect_choice" else [])


def _name(func: ast.expr) -> str:
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def test_the_ast_test_finds_unmarked_messages() -> None:
    source = textwrap.dedent("""
        message = "your answer is too large."                      # 2: followed from its use
        def check(answer):
            if answer > 1:
                raise Incorrect(message)
            raise Incorrect(f"your answer is {answer}, not right")  # 6
        def load(name):
            raise ValueError(_(f"no dataset named {name}"))         # 8: not extractable
            warnings.warn("this data is old", RuntimeWarning)       # 9
            print("Loaded", name, "rows")                           # 10: "Loaded" and "rows"
        q1 = Exercise("q1", expect_number(2.0, what="mean value", known_mistakes={  # 11
            4.0: "that is the sum",                                 # 12
            1.0: N_("that is the count"),
        }), hint="Add them up.", correct_message=N_("Yes."), solution="q1_answer = 2.0")  # 14
        q2 = Exercise("q2", expect_choice("b", {"a": "MSE is squared"}), hint=N_("h"),  # 15
                      solution="q2_answer = 'b'")
        mistakes = [(lambda v: v < 0, "a negative count")]           # 17
        q3 = expect_int(3, known_mistakes=mistakes)
        ok = [Incorrect(N_("your {what} is {value}"), what=_(what), value=f"{v:.3g}"),
              Incorrect(_("a {noun}", noun=name)), print(f"{name:<9} {n:>5}"),
              expect_choice("train", {"test": N_("used once")}, aliases={"x train": "train"}),
              ValueCheck(check, N_("a number")), raise_known_mistake(v, {1: _(hint)})]
        found = getattr(history, "history", history)
        raise ValueError(_("no {keys}", keys=sorted(found)))
        q4 = Exercise("q4", check, hint=f"Add the {count} values.", solution="q4_answer = 1")  # 25
    """)
    assert [line.split(":")[0] for line in unmarked(source)] == [
        f"line {n}" for n in (2, 6, 8, 9, 10, 10, 11, 12, 14, 15, 17, 25)
    ]
    assert "Babel cannot extract it" in unmarked(source)[2]
    # In a lesson module, tools/messages.py extracts the texts given to the framework by place.
    assert [line.split(":")[0] for line in unmarked(source, lesson=True)] == [
        f"line {n}" for n in (2, 6, 8, 9, 10, 10, 25)
    ]


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT / "helpers")))
def test_every_learner_visible_text_is_marked(path: Path) -> None:
    lesson = path.parent.name == "exercises"
    assert unmarked(path.read_text(encoding="utf-8"), lesson) == [], (
        "mark these with _() (translated here) or N_() (translated where shown), then run "
        "tools/messages.py update and translate them in helpers/locale/ko/"
    )


def test_the_catalogs_are_complete() -> None:
    problems = messages.check()
    assert problems == [], "tools/messages.py check:\n" + "\n".join(problems)


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_every_exercise_speaks_korean(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Rendered in Korean, each exercise's hint, correct message, solution comments, expected kind
    of value, what= name and known-mistake hints are Korean."""
    lesson = importlib.import_module(f"helpers.exercises.{path.stem}")
    missing = []
    language.choose("ko")
    try:
        for exercise in exercises_of(lesson):
            exercise.hint()
            shown = {"hint": capsys.readouterr().out}
            shown["correct message"] = language._(exercise.correct_message)
            if "#" in exercise.solution_code:
                shown["solution"] = language._(exercise.solution_code)
            check = exercise.checker
            if isinstance(check, ValueCheck):
                shown["expects"] = (
                    check.expects() if callable(check.expects) else language._(check.expects)
                )
                shown |= {
                    f"known mistake {probe!r}": language._(hint)
                    for probe, hint in check.known_mistakes
                }
            for label, text in shown.items():
                if text.strip() and (not HANGUL.search(text) or english_left(text)):
                    missing.append(f"{exercise.name} {label}: {text.strip()!r}")
    finally:
        language.choose("en")
    assert missing == [], "\n".join(missing)


def test_choose_and_translate() -> None:
    assert language.chosen() == "en"
    with pytest.raises(
        ValueError, match=r'language must be "en" \(English\) or "ko" \(Korean\), not \'kr\''
    ):
        language.choose("kr")
    assert language.chosen() == "en"
    assert language._("{count} items", count=3) == "3 items"
    assert language._("no {placeholder} without values") == "no {placeholder} without values"
    language.choose("ko")
    try:
        assert language._("{count} items", count=3) == "항목 3개"
        assert (
            language._("a message that has no translation") == "a message that has no translation"
        )
        assert language._("") == ""
    finally:
        language.choose("en")


def test_the_messages_tool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """update keeps translations and marks changed English fuzzy; check finds every kind of
    problem; compile is deterministic and what gettext reads."""
    helpers, catalogs = tmp_path / "helpers", tmp_path / "helpers" / "locale" / "ko"
    (helpers / "exercises").mkdir(parents=True)
    monkeypatch.setattr(messages, "ROOT", tmp_path)
    monkeypatch.setattr(messages, "HELPERS", helpers)
    monkeypatch.setattr(messages, "CATALOGS", catalogs)
    monkeypatch.setattr(messages, "MO", catalogs / "LC_MESSAGES" / "helpers.mo")
    (helpers / "metrics.py").write_text('_("your MAE is {value}", value=1)\nN_("the mean")\n')
    (helpers / "exercises" / "__init__.py").write_text('N_("the mean")\n')
    assert messages.update() == [
        "wrote helpers/locale/ko/exercises.po",
        "wrote helpers/locale/ko/metrics.po",
    ]
    assert messages.update() == []  # stable
    po = catalogs / "metrics.po"
    assert "#:" not in po.read_text() and "POT-Creation" not in po.read_text()
    assert sorted(messages.check()) == [
        "exercises.po: 'the mean': not translated",
        "helpers/locale/ko/LC_MESSAGES/helpers.mo is not compiled from the .po files: run compile",
        "metrics.po: 'the mean': not translated",
        "metrics.po: 'your MAE is {value}': not translated",
    ]
    text = po.read_text().replace('msgid "the mean"\nmsgstr ""', 'msgid "the mean"\nmsgstr "평균"')
    text = text.replace(
        'value}"\nmsgstr ""', 'value}"\nmsgstr "MAE 값 {valeu}: the error is too large"'
    )
    po.write_text(text)
    (catalogs / "exercises.po").write_text('msgid "the mean"\nmsgstr "the mean"\n')
    messages.compile_catalogs()
    assert messages.check() == [
        "'the mean' is translated differently in exercises.po, metrics.po",
        "exercises.po: 'the mean': the translation has no Korean",
        "metrics.po: 'your MAE is {value}': English left in the translation ('the error')",
        "metrics.po: 'your MAE is {value}': placeholders ['{valeu}'] in the translation, "
        "['{value}'] in the English",
    ]
    (catalogs / "exercises.po").write_text('msgid "the mean"\nmsgstr "평균값"\n')
    (helpers / "metrics.py").write_text('_("your MAE is {value}.", value=1)\nN_("the mean")\n')
    assert messages.update()[-1] == "wrote helpers/locale/ko/metrics.po"
    assert "#, fuzzy" in po.read_text() and "MAE 값 {valeu}" in po.read_text()
    assert sorted(messages.check())[:2] == [
        "'the mean' is translated differently in exercises.po, metrics.po",
        "helpers/locale/ko/LC_MESSAGES/helpers.mo is not compiled from the .po files: run compile",
    ]
    assert "fuzzy" in " ".join(messages.check())
    messages.compile_catalogs()
    first = messages.MO.read_bytes()
    messages.compile_catalogs()
    assert messages.MO.read_bytes() == first
    import gettext

    assert gettext.GNUTranslations(io.BytesIO(first)).gettext("the mean") in ("평균", "평균값")
    (helpers / "exercises" / "__init__.py").write_text("")
    assert messages.update() == ["removed exercises.po: its source has no marked messages"]


def test_every_framework_status_is_translated(capsys: pytest.CaptureFixture[str]) -> None:
    from helpers.exercises import expect_int

    exercise = Exercise("q1", expect_int(3), hint=language.N_("answer"), solution="q1_answer = 3")
    language.choose("ko")
    try:
        for answer in (..., 4, 3, "3"):
            exercise.check(answer)
        exercise.hint()
        exercise.solution()
    finally:
        language.choose("en")
    assert capsys.readouterr().out.splitlines() == [
        "⏳ 아직 풀지 않음: ... 자리에 답을 넣은 뒤 이 셀을 다시 실행하십시오.",
        "❌ 오답: 입력한 답 값(4)이 너무 큽니다.",
        "✅ 정답입니다!",
        "❌ 오답: 입력한 답 값이 숫자가 아니라 문자열(str)입니다. 따옴표를 지우십시오.",
        "💡 힌트: 답",
        "📝 풀이:",
        "q1_answer = 3",
    ]
