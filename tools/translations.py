"""Keep the Korean edition (notebooks/ko/) in step with the English lessons: `make translations`.

Usage: python tools/translations.py check       every stale or mismatched cell (exit 1 if any)
       python tools/translations.py new 03      start notebooks/ko/03_*.ipynb from the English one
       python tools/translations.py stamp 03 [CELL_ID ...]   record that cells are translated

A Korean lesson has the same cells as its English lesson, in the same order and with the same cell
ids. Each Korean cell records which version of the English cell it translates, as metadata
``{"translation": {"en_sha256": <hash of the English cell's source>}}``. `check` then reports:

- a Korean cell whose English cell changed since it was translated (stale), by lesson and cell id;
- cells missing, added, moved, or of another type;
- a markdown cell left in English, or a comment or printed sentence left in English;
- code that differs from the English code in anything but comments, strings translated into Korean
  (printed text, table labels) and the language of the setup cell (``setup_lesson(language="ko")``).
  Figure text (titles, axis labels, legends) stays English: Korean glyphs need fonts that Colab
  lacks. A string changed into anything but Korean (``"mpg"`` into ``"MPG"``) is a code change.

`stamp` is how a translator says "this cell is translated from the current English cell"; it never
changes a cell's text.
"""

from __future__ import annotations

import ast
import hashlib
import io
import re
import sys
import tokenize
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
ENGLISH = ROOT / "notebooks"
KOREAN = ENGLISH / "ko"
KEY = "translation"
HANGUL = re.compile(r"[\uac00-\ud7a3]")
# Two lower-case English words in a row: a sentence a Korean learner would have to read in English
# (units and abbreviations such as "mpg MAPE" are not sentences).
ENGLISH_WORDS = re.compile(r"\b[a-z]{2,}\s+[a-z]{2,}\b")
# Where a string becomes figure text; matplotlib draws Korean as empty boxes without a Korean font.
FIGURE_TEXT = {
    "xlabel",
    "ylabel",
    "title",
    "suptitle",
    "set_xlabel",
    "set_ylabel",
    "set_title",
    "legend",
    "text",
    "annotate",
    "plot",
    "scatter",
    "bar",
    "barh",
    "hist",
    "axhline",
    "axvline",
    "fill_between",
    "plot_history",
    "plot_predictions",
    "set_xticklabels",
    "set_yticklabels",
    "xticks",
    "yticks",
}
MAGIC = re.compile(r"^(\s*)[%!].*$", re.M)


BADGE = re.compile(r"\[!\[Open In Colab\]\([^)]*\)\]\([^)]*\)")


def digest(source: str) -> str:
    """The hash of an English cell's source; the Colab badge (made by a tool) does not count."""
    return hashlib.sha256(BADGE.sub("", source).encode("utf-8")).hexdigest()


def korean_path(english: Path) -> Path:
    return KOREAN / english.name


def english_lessons() -> list[Path]:
    return sorted(ENGLISH.glob("[0-9][0-9]_*.ipynb"))


def _parse(source: str) -> ast.Module:
    """The cell as Python: IPython magics (``%pip ...``) become ``pass`` (compared as text)."""
    return ast.parse(MAGIC.sub(r"\1pass", source))


def _text_last(tree: ast.Module) -> ast.Module:
    """Each f-string as its values in order, then its text with {} for each value, so that a
    translation may move a value within its sentence ("{n} hidden layers" -> "은닉층 {n}개")."""
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            text = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
            values = [v for v in node.values if isinstance(v, ast.FormattedValue)]
            node.values = [*values, ast.Constant(text)]
    return tree


def _without_language(tree: ast.Module) -> ast.Module:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "setup_lesson":
            node.keywords = [k for k in node.keywords if k.arg != "language"]
    return tree


def _call_name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Call):
        return getattr(node.func, "id", None) or getattr(node.func, "attr", None)
    return None


def _in_print(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    """True for text printed by print(...); a format such as ``:.2f`` is code, not text."""
    spec = parents.get(parents.get(node))
    if isinstance(spec, ast.FormattedValue) and spec.format_spec is parents.get(node):
        return False
    while node in parents:
        node = parents[node]
        if _call_name(node) == "print":
            return True
    return False


def _translatable(english: str, korean: str, node: ast.AST, parents: dict) -> bool:
    """May the English string become ``korean``? Printed text always, other text into Korean."""
    if _in_print(node, parents):
        return True
    spec = parents.get(parents.get(node))
    if isinstance(spec, ast.FormattedValue) and spec.format_spec is parents.get(node):
        return False
    while node in parents:
        node = parents[node]
        if _call_name(node) in FIGURE_TEXT:
            return False
    return bool(HANGUL.search(korean))


def _comments(source: str) -> list[str]:
    tokens = tokenize.generate_tokens(io.StringIO(MAGIC.sub(r"\1pass", source)).readline)
    return [tok.string for tok in tokens if tok.type == tokenize.COMMENT]


def code_problems(english: str, korean: str) -> list[str]:
    """How a Korean code cell differs from its English cell beyond what a translation may change."""
    if MAGIC.findall(english) != MAGIC.findall(korean) or [
        m.group(0).strip() for m in MAGIC.finditer(english)
    ] != [m.group(0).strip() for m in MAGIC.finditer(korean)]:
        return ["its IPython magics (%...) differ from the English cell"]
    try:
        en_tree = _text_last(_parse(english))
        ko_tree = _text_last(_without_language(_parse(korean)))
    except SyntaxError as exc:
        return [f"it is not valid Python: {exc.msg} (line {exc.lineno})"]
    en_nodes, ko_nodes = list(ast.walk(en_tree)), list(ast.walk(ko_tree))
    same_shape = len(en_nodes) == len(ko_nodes) and all(
        type(a) is type(b) for a, b in zip(en_nodes, ko_nodes, strict=True)
    )
    if not same_shape:
        return ["its code differs from the English cell (only comments and printed text may)"]
    parents = {child: node for node in ko_nodes for child in ast.iter_child_nodes(node)}
    problems = []
    for en, ko in zip(en_nodes, ko_nodes, strict=True):
        if isinstance(en, ast.Constant) and en.value != ko.value:
            if not (
                isinstance(en.value, str)
                and isinstance(ko.value, str)
                and _translatable(en.value, ko.value, ko, parents)
            ):
                problems.append(
                    f"the value {en.value!r} must stay as in English (figure text, code)"
                )
        elif not isinstance(en, ast.Constant):
            fields = {k: v for k, v in ast.iter_fields(en) if not isinstance(v, (ast.AST, list))}
            ko_fields = {k: v for k, v in ast.iter_fields(ko) if not isinstance(v, (ast.AST, list))}
            if fields != ko_fields:
                problems.append(
                    "its code differs from the English cell (only comments and printed text may)"
                )
                break
    for node in ko_nodes:
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and _in_print(node, parents)
        ):
            if ENGLISH_WORDS.search(node.value) and not HANGUL.search(node.value):
                problems.append(f"the printed text {node.value!r} is still English")
    for comment in _comments(korean):
        if ENGLISH_WORDS.search(comment) and not HANGUL.search(comment):
            problems.append(f"the comment {comment!r} is still English")
    return problems


def _has_prose(markdown: str) -> bool:
    """True when a markdown cell has words to translate (not only code, links or images)."""
    text = re.sub(r"```.*?```|`[^`]*`|\]\([^)]*\)|<[^>]+>|https?://\S+", " ", markdown, flags=re.S)
    return bool(ENGLISH_WORDS.search(text))


def lesson_problems(english_path: Path, korean_file: Path | None = None) -> list[str]:
    """Every way the Korean lesson is out of step with its English lesson (empty when in step)."""
    korean_file = korean_file or korean_path(english_path)
    name = f"ko/{english_path.name}"
    if not korean_file.exists():
        return [
            f"{name}: missing (start it: python tools/translations.py new {english_path.name[:2]})"
        ]
    en_cells = nbformat.read(english_path, as_version=4).cells
    ko_cells = nbformat.read(korean_file, as_version=4).cells
    problems = []
    if [c.get("id") for c in en_cells] != [c.get("id") for c in ko_cells]:
        problems.append(
            f"{name}: its cells are not those of the English lesson, in the same order (cell ids "
            f"differ: {len(en_cells)} English cells, {len(ko_cells)} Korean cells)"
        )
        return problems
    install_cell = next((c.id for c in en_cells if c.cell_type == "code"), None)
    for index, (en, ko) in enumerate(zip(en_cells, ko_cells, strict=True)):
        where = f"{name}: cell {index} (id {en.id})"
        if en.cell_type != ko.cell_type:
            problems.append(f"{where} is {ko.cell_type}, the English cell is {en.cell_type}")
            continue
        recorded = ko.metadata.get(KEY, {}).get("en_sha256")
        if en.id == install_cell:  # written by tools/colab_links.py in both editions
            problems.extend(f"{where}: {p}" for p in code_problems(en.source, ko.source))
            continue
        if recorded is None:
            problems.append(f"{where} is not stamped as translated")
        elif recorded != digest(en.source):
            problems.append(f"{where} is stale: its English cell changed since it was translated")
        if en.cell_type == "markdown":
            if _has_prose(en.source) and (ko.source == en.source or not HANGUL.search(ko.source)):
                problems.append(f"{where} is still in English")
        elif en.cell_type == "code":
            problems.extend(f"{where}: {p}" for p in code_problems(en.source, ko.source))
    return problems


def all_problems() -> list[str]:
    problems = [p for path in english_lessons() for p in lesson_problems(path)]
    english_names = {p.name for p in english_lessons()}
    for extra in sorted(KOREAN.glob("*.ipynb")):
        if extra.name not in english_names:
            problems.append(f"ko/{extra.name}: has no English lesson of the same name")
    return problems


def _lesson(number: str) -> Path:
    found = [p for p in english_lessons() if p.name.startswith(f"{int(number):02d}_")]
    if not found:
        raise SystemExit(f"translations: no English lesson {number}")
    return found[0]


def new(number: str) -> Path:
    """Copy the English lesson to notebooks/ko/ (outputs cleared, nothing stamped), to translate."""
    english = _lesson(number)
    target = korean_path(english)
    if target.exists():
        raise SystemExit(f"translations: {target.relative_to(ROOT)} exists already")
    nb = nbformat.read(english, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    KOREAN.mkdir(exist_ok=True)
    nbformat.write(nb, target)
    return target


def stamp(number: str, cell_ids: list[str]) -> int:
    """Record the current English source of the given cells (all when none given) as translated."""
    english = _lesson(number)
    en = {cell.id: cell for cell in nbformat.read(english, as_version=4).cells}
    target = korean_path(english)
    nb = nbformat.read(target, as_version=4)
    count = 0
    for cell in nb.cells:
        if cell.id in en and (not cell_ids or cell.id in cell_ids):
            cell.metadata[KEY] = {"en_sha256": digest(en[cell.id].source)}
            count += 1
    nbformat.write(nb, target)
    return count


def main(argv: list[str]) -> int:
    if argv[:1] == ["check"]:
        problems = all_problems()
        print("\n".join(problems) or "the Korean edition is in step with the English lessons")
        return 1 if problems else 0
    if len(argv) == 2 and argv[0] == "new":
        print(f"created {new(argv[1]).relative_to(ROOT)}: translate it, then stamp it")
        return 0
    if len(argv) >= 2 and argv[0] == "stamp":
        print(f"stamped {stamp(argv[1], argv[2:])} cells")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
