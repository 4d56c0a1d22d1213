"""The Korean versions of the helpers' messages: gettext catalogs made with Babel.

Usage: python tools/messages.py update [NAME ...]  extract the marked messages into the .po files
       python tools/messages.py check [NAME ...]   every problem of the catalogs (exit 1 if any)
       python tools/messages.py compile            write helpers/locale/ko/LC_MESSAGES/helpers.mo
NAME limits update and check to some catalogs, e.g. exercises.lesson03 (default: all).
(``make translations`` runs update, then compile.)

Messages are written in English in helpers/ and marked with ``_("...")`` (translated where it is
called) or ``N_("...")`` (only marked: a hint, translated when it is shown). Each source file has
its own catalog, named after its module: helpers/exercises/lesson03.py -> exercises.lesson03.po,
helpers/exercises/__init__.py -> exercises.po, helpers/metrics.py -> metrics.po.

``update`` adds each new message with an empty msgstr (or with the translation that the same
message already has in another catalog; a message without English words, such as split.X_train,
is its own translation), keeps existing translations, marks a message whose English
changed a little as ``#, fuzzy`` with the old translation to edit (``git diff`` shows the old
English; delete the ``#, fuzzy`` line when the translation fits the new English), and drops
messages that are no longer in the source. The .po files are sorted by msgid, without header,
dates or line numbers, so that a diff shows only what changed. A comment ``# TRANSLATORS: ...``
above a message reaches its entry.

``check`` reports: messages not extracted yet or no longer in the source (run update), untranslated,
fuzzy and obsolete (``#~``) entries, {placeholders} that differ, a translation without Korean (of a
message with English words), English sentences left in a translation, a message translated
differently in two catalogs, and a helpers.mo that is not the compiled result of the .po files.

``compile`` writes all catalogs into ONE helpers.mo (what helpers/language.py reads at run time;
Babel is not needed there): the same .po files always give the same bytes.
"""

from __future__ import annotations

import ast
import datetime
import io
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
HELPERS = ROOT / "helpers"
CATALOGS = HELPERS / "locale" / "ko"
MO = CATALOGS / "LC_MESSAGES" / "helpers.mo"
KEYWORDS = {"_": None, "N_": None}
FRAMEWORK_TEXTS = {"hint", "correct_message", "what", "expects", "fit_on"}
#: A fixed date in the .mo header, so that compiling twice gives the same bytes.
FIXED_DATE = datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc)

HANGUL = re.compile(r"[\uac00-\ud7a3]")
#: Two lower-case English words in a row: a sentence a Korean reader would have to read in English.
ENGLISH_WORDS = re.compile(r"\b[a-z]{2,}\s+[a-z]{2,}\b")
#: A word of English prose (not an abbreviation such as MAE, not code).
ENGLISH_WORD = re.compile(r"\b[A-Za-z]?[a-z]{2,}\b")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
#: Code and quotations inside a message: {placeholders}, `code`, 'text', "text", an English term
#: in parentheses right after Korean ("데이터 누수(data leakage)"), tokens such as split.X_train,
#: .fit(...), use_bias=False, keras.Input(shape=(8,)), and keyboard or menu names like Kernel > ...
_CODE = [
    _PLACEHOLDER,
    re.compile(r"`[^`]*`"),
    re.compile(r"'[^'\n]*'|\"[^\"\n]*\"|‘[^’\n]*’|“[^”\n]*”"),
    re.compile(r"(?<=[\uac00-\ud7a3])\s?\([^()]*\)"),
    re.compile(r"\S*(?:\w\(|[_=\[\]<>/\\0-9]|\.\w)\S*"),
]


def prose(text: str) -> str:
    """``text`` without code, placeholders and quotations: what a reader reads as language."""
    for pattern in _CODE:
        text = pattern.sub(" ", text)
    return text


def english_left(text: str) -> str:
    """The first English phrase (two lower-case words in a row) in ``text`` outside code, or ""."""
    found = ENGLISH_WORDS.search(prose(text))
    return found.group(0) if found else ""


def needs_korean(message: str) -> bool:
    """True when ``message`` has English words (an article alone, as in "an {noun}", is none), so
    that its translation must have Hangul."""
    return bool(ENGLISH_WORD.search(re.sub(r"\b(?:a|an|the)\b", " ", prose(message))))


def placeholders(text: str) -> list[str]:
    """The {placeholders} of ``text``, each once (a translation may use one twice, or once)."""
    return sorted(set(_PLACEHOLDER.findall(text)))


def catalog_name(source: Path) -> str:
    """exercises.lesson03 for helpers/exercises/lesson03.py, exercises for its __init__.py."""
    parts = source.relative_to(HELPERS).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def extract(source: Path) -> Catalog:
    """The messages of ``source``, as a template catalog: those marked with _() or N_(), and in
    helpers/exercises/ the texts given to the exercise framework (:func:`framework_texts`)."""
    template = Catalog(locale=None, fuzzy=False)
    found = extract_from_file(
        "python", source, KEYWORDS, comment_tags=("TRANSLATORS:",), strip_comment_tags=True
    )
    for _, message, comments, context in found:
        template.add(message, auto_comments=comments, context=context)
    if source.parent.name == "exercises":
        for text in framework_texts(ast.parse(source.read_text(encoding="utf-8"))):
            template.add(text.value)
    return template


def framework_texts(tree: ast.Module) -> list[ast.Constant]:
    """The string literals of a lesson module that the exercise framework translates (with _())
    when it shows them, so that they need no marker: the ``hint=``, ``correct_message=``,
    ``what=``, ``expects=`` and ``fit_on=`` arguments of any call, and the hints of known mistakes
    (``known_mistakes=`` or the 2nd argument of ``expect_choice``: the values of a dict, the last
    item of each ``(probe, hint)`` pair). A name is followed to what it is assigned in the file."""
    assigned: dict[str, list[ast.expr]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            assigned.setdefault(node.targets[0].id, []).append(node.value)

    def followed(expr: ast.expr, seen: frozenset[str] = frozenset()) -> list[ast.expr]:
        if isinstance(expr, ast.Name) and expr.id not in seen:
            return [
                e for value in assigned.get(expr.id, []) for e in followed(value, seen | {expr.id})
            ]
        return [expr]

    def hints(expr: ast.expr) -> list[ast.expr]:
        if isinstance(expr, ast.Dict):
            return [value for value in expr.values if value is not None]
        if isinstance(expr, (ast.List, ast.Tuple)):
            pairs = [pair for pair in expr.elts if isinstance(pair, (ast.List, ast.Tuple))]
            return [pair.elts[-1] for pair in pairs if pair.elts]
        return []

    found: list[ast.expr] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        keywords = {keyword.arg: keyword.value for keyword in node.keywords}
        found += [value for key, value in keywords.items() if key in FRAMEWORK_TEXTS]
        mistakes = [keywords.get(key) for key in ("known_mistakes", "hints_per_wrong_option")]
        if getattr(node.func, "id", getattr(node.func, "attr", "")) == "expect_choice":
            mistakes += node.args[1:2]
        found += [hint for expr in mistakes if expr for e in followed(expr) for hint in hints(e)]
    texts = [e for expr in found for e in followed(expr)]
    return [e for e in texts if isinstance(e, ast.Constant) and isinstance(e.value, str)]


def sources() -> dict[str, Catalog]:
    """``{catalog name: template}`` for every helpers/ source file that has marked messages."""
    found = {catalog_name(path): extract(path) for path in sorted(HELPERS.rglob("*.py"))}
    return {name: template for name, template in found.items() if len(template)}


def read(path: Path) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale="ko")


def po_text(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(
        buffer,
        catalog,
        no_location=True,
        omit_header=True,
        sort_output=True,
        ignore_obsolete=True,
        include_previous=False,  # Babel would read "#| msgid" back as a comment
    )
    return buffer.getvalue()


def existing() -> dict[str, Catalog]:
    return {path.stem: read(path) for path in sorted(CATALOGS.glob("*.po"))}


def translations(catalogs: Iterable[Catalog]) -> dict[str, str]:
    """The (first) finished translation of each message in ``catalogs``."""
    known: dict[str, str] = {}
    for catalog in catalogs:
        for message in catalog:
            if message.id and message.string and not message.fuzzy:
                known.setdefault(message.id, message.string)
    return known


def update(only: Iterable[str] = ()) -> list[str]:
    """Extract every source's messages into its .po file (``only`` these catalogs, if given);
    return what was written or removed."""
    old, new = existing(), sources()
    known, done = translations(old.values()), []
    CATALOGS.mkdir(parents=True, exist_ok=True)
    for name, template in new.items():
        if only and name not in only:
            continue
        catalog = old.get(name) or Catalog(locale="ko", fuzzy=False)
        catalog.update(template, update_creation_date=False)
        for message in catalog:
            if message.id and not message.string and message.id in known:
                message.string = known[message.id]
            elif message.id and not message.string and not needs_korean(message.id):
                message.string = message.id  # code only, such as my_split.X_train
        path = CATALOGS / f"{name}.po"
        text = po_text(catalog)
        if not path.exists() or path.read_bytes() != text:
            path.write_bytes(text)
            done.append(f"wrote {path.relative_to(ROOT)}")
    for name in sorted(old.keys() - new.keys()):
        if only and name not in only:
            continue
        (CATALOGS / f"{name}.po").unlink()
        done.append(f"removed {name}.po: its source has no marked messages")
    return done


def compiled(catalogs: dict[str, Catalog]) -> bytes:
    """helpers.mo made of ``catalogs``: translated, not fuzzy messages; the first translation of a
    message wins (check reports a message translated differently in two catalogs)."""
    merged = Catalog(
        locale="ko",
        project="keras-regression-course",
        version="1",
        creation_date=FIXED_DATE,
        revision_date=FIXED_DATE,
        last_translator="the course's authors",
        language_team="Korean",
        fuzzy=False,
    )
    for message_id, string in sorted(translations(catalogs.values()).items()):
        merged.add(message_id, string)
    buffer = io.BytesIO()
    write_mo(buffer, merged)
    return buffer.getvalue()


def compile_catalogs() -> None:
    MO.parent.mkdir(parents=True, exist_ok=True)
    MO.write_bytes(compiled(existing()))


def entry_problems(name: str, message_id: str, string: str, fuzzy: bool) -> list[str]:
    """What is wrong with one translation."""
    where = f"{name}.po: {message_id[:70]!r}"
    if not string:
        return [f"{where}: not translated"]
    problems = [f"{where}: fuzzy (check the translation, then delete its '#, fuzzy' line)"] * fuzzy
    if placeholders(message_id) != placeholders(string):
        want, got = placeholders(message_id), placeholders(string)
        problems.append(f"{where}: placeholders {got} in the translation, {want} in the English")
    if needs_korean(message_id) and not HANGUL.search(string):
        problems.append(f"{where}: the translation has no Korean")
    elif phrase := english_left(string):
        problems.append(f"{where}: English left in the translation ({phrase!r})")
    return problems


def check() -> list[str]:
    """Every problem of the catalogs, one line each."""
    catalogs, templates = existing(), sources()
    problems = [
        f"{name}.po: no source file has its messages" for name in catalogs.keys() - templates
    ]
    seen: dict[str, dict[str, str]] = {}
    for name, template in templates.items():
        if name not in catalogs:
            problems.append(f"{name}.po is missing: run tools/messages.py update")
            continue
        catalog = catalogs[name]
        wanted = {message.id for message in template if message.id}
        have = {message.id for message in catalog if message.id}
        problems += [f"{name}.po: not extracted yet, run update: {m[:70]!r}" for m in wanted - have]
        problems += [
            f"{name}.po: no longer in the source, run update: {m[:70]!r}" for m in have - wanted
        ]
        problems += [f"{name}.po: obsolete entry (#~): {str(m)[:70]!r}" for m in catalog.obsolete]
        for message in catalog:
            if message.id:
                problems += entry_problems(name, message.id, message.string, message.fuzzy)
                if message.string and not message.fuzzy:
                    seen.setdefault(message.id, {})[name] = message.string
    for message_id, by_catalog in seen.items():
        if len(set(by_catalog.values())) > 1:
            names = ", ".join(f"{name}.po" for name in by_catalog)
            problems.append(f"{message_id[:70]!r} is translated differently in {names}")
    if not MO.exists() or MO.read_bytes() != compiled(catalogs):
        problems.append(f"{MO.relative_to(ROOT)} is not compiled from the .po files: run compile")
    return sorted(problems)


def main(argv: list[str]) -> int:
    command, names = (argv[1], argv[2:]) if len(argv) > 1 else ("", [])
    if command == "update":
        print("\n".join(update(names)) or "the .po files were up to date")
    elif command == "compile":
        compile_catalogs()
        print(f"wrote {MO.relative_to(ROOT)}")
    elif command == "check":
        problems = [line for line in check() if not names or line.startswith(tuple(names))]
        print("\n".join(problems) or "the catalogs are complete")
        return 1 if problems else 0
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
