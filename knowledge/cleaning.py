"""Turn a raw seed article into the cleaned text archived in ``knowledge/data/sources``.

Cleaning removes only what is not the article (forum chrome, anti-scraping junk, image file
names, placeholders, publisher watermarks); every other character stays as the seed has it.
The per-source rules live in the source's metadata file (``cleaning:``), so the archive can be
rebuilt from the seeds and a test can prove the archived text is exactly what the rules give.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

# Discuz! forums insert "jammer" text around real lines to spoil copying: runs of 1-2
# printable ASCII characters separated by spaces or no-break spaces, e.g.
# "( e* H8 f6 L1 b' Q! T3 t5 h". A run sits on its own line, before the real text (then
# separated from it by the two-space paragraph indent) or glued to the end of a real line.
_JAMMER_TOKEN = r"[!-~]{1,2}"
# Inside a run, tokens are parted by one space or by no-break spaces; two plain spaces are the
# article's paragraph indent, which is where real text starts.
_JAMMER_SEP = r"(?:\u00a0[ \u00a0]*| (?! ))"
_JAMMER_RUN = rf"{_JAMMER_TOKEN}(?:{_JAMMER_SEP}{_JAMMER_TOKEN})*"
# A whole line of jammer has several tokens; a lone short token ("02") is a section number.
_JAMMER_LINE = re.compile(rf"^[ \u00a0]*{_JAMMER_TOKEN}(?:{_JAMMER_SEP}{_JAMMER_TOKEN}){{2,}}[ \u00a0]*$")
_JAMMER_PREFIX = re.compile(rf"^[ \u00a0]*{_JAMMER_RUN}(?=[ \u00a0]{{2}})")
# The suffix run starts right after the last non-ASCII character of the real text
# (a no-break space is not text: it belongs to the jammer).
_JAMMER_SUFFIX = re.compile(rf"(?<=[^\x00-\x7f\u00a0])(?P<gap>[ \u00a0]*)(?P<run>{_JAMMER_RUN})[ \u00a0]*$")
# A section number ("03") glued to a jammer run.
_JAMMER_AFTER_NUMBER = re.compile(rf"^(?P<number>\d{{2}})(?P<run>{_JAMMER_RUN})$")
# Short Latin words after a space end real lines ("用的 AI"); a jammer run after a gap is longer.
_MIN_TOKENS_AFTER_GAP = 3
# The article uses half-width sentence punctuation; after a Chinese character it is real text,
# not the jammer's first token ("持续*吗?5 x( v" keeps the "?").
_SENTENCE_PUNCT = "?:!;,)"
# A question or an exclamation that ends on a quotation closes after its closing mark ("是“老师”还是“裁判”? k; p9 …"):
# the half-width mark there is the sentence's own, a space before the run or not.
_QUESTION_OR_EXCLAMATION = "?!"
_CLOSING_QUOTES = "”’」』"


def _is_cjk_letter(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def strip_jammer(line: str) -> str | None:
    """Return ``line`` without Discuz jammer text, or None when the whole line is jammer."""
    if _JAMMER_LINE.match(line):
        return None
    prefix = _JAMMER_PREFIX.match(line)
    if prefix:
        line = line[prefix.end() :]
    suffix = _JAMMER_SUFFIX.search(line)
    if suffix and (not suffix.group("gap") or len(re.split(_JAMMER_SEP, suffix.group("run"))) >= _MIN_TOKENS_AFTER_GAP):
        start = suffix.start("run")
        run = line[start:]
        before = line[start - 1]
        after_letter = _is_cjk_letter(before) and (len(run) == 1 or run[1] not in " \u00a0")
        after_quote = run[0] in _QUESTION_OR_EXCLAMATION and before in _CLOSING_QUOTES
        if (run[0] in _SENTENCE_PUNCT and after_letter) or after_quote:
            start += 1
        line = line[:start]
    numbered = _JAMMER_AFTER_NUMBER.match(line.strip(" \u00a0"))
    if numbered and len(re.split(_JAMMER_SEP, numbered.group("run"))) >= _MIN_TOKENS_AFTER_GAP:
        line = numbered.group("number")
    return line


# A line ends its sentence with one of these, perhaps followed by closing quotes or brackets.
_ENDS_SENTENCE = re.compile(r"[。!?！？…;；:：](?:[”’」』\"')）】]*)$")
# A mirror that wraps the text at a fixed width breaks lines within a few columns of that width (a wide character
# does not fit in the last column, a Latin word moves down whole).
_WRAP_SLACK = 6
# The width is the page's only when several lines break mid-sentence there, and it is a line's, not a label's.
_MIN_WRAPPED_LINES, _MIN_WRAP_WIDTH = 4, 40
# Lines wider than the width (a long URL, a signature) are fewer than a quarter of the breaks.
_WIDER_SHARE = 4
_WRAP_BLANK = " \t\u00a0\u3000"


def display_width(line: str) -> int:
    """Columns a line takes in a fixed-width font: a wide (CJK) character takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line.strip(_WRAP_BLANK))


def _breaks_mid_sentence(lines: list[str], i: int) -> bool:
    line = lines[i].strip(_WRAP_BLANK)
    return (
        bool(line) and i + 1 < len(lines) and bool(lines[i + 1].strip(_WRAP_BLANK)) and not _ENDS_SENTENCE.search(line)
    )


def wrap_width(lines: list[str]) -> int | None:
    """The width a page's text was wrapped at, when consecutive lines of about one width end mid-sentence.

    A forum mirror or a mail archive breaks every paragraph at a fixed width, so the text's lines end anywhere in
    a sentence (after a comma, inside a word) and the line after goes on with it; the widest such break is the
    width, and at least four breaks must sit within a few columns of it.
    """
    widths = [display_width(lines[i]) for i in range(len(lines)) if _breaks_mid_sentence(lines, i)]
    every = [display_width(line) for line in lines]
    best: tuple[int, int] | None = None
    for top in sorted(set(widths)):
        if top < _MIN_WRAP_WIDTH:
            continue
        count = sum(1 for w in widths if top - _WRAP_SLACK <= w <= top)
        # A wrapped text has no line wider than its width: a page of long paragraphs whose headings and labels end
        # without a full stop (中国大模型生态推演:巨头是重要玩家,但不止是巨头的游戏) was not wrapped.
        wider = sum(1 for w in every if w > top)
        if count >= _MIN_WRAPPED_LINES and wider * _WIDER_SHARE < count and (best is None or count >= best[0]):
            best = (count, top)
    return best[1] if best else None


def join_wrapped(lines: list[str], width: int) -> tuple[list[str], list[int]]:
    """Join each line broken mid-sentence at ``width`` (within a few columns) with the line after it.

    Returns the joined lines and, for each, the index of its first line in ``lines``. Two Latin words meet with
    a space, as the wrap broke at one; every other join adds nothing.
    """
    joined: list[str] = []
    origin: list[int] = []
    carry = False
    for i, line in enumerate(lines):
        if carry:
            head, tail = joined[-1].rstrip(_WRAP_BLANK), line.strip(_WRAP_BLANK)
            space = (
                " " if head[-1:].isascii() and head[-1:].isalnum() and tail[:1].isascii() and tail[:1].isalnum() else ""
            )
            joined[-1] = head + space + tail
        else:
            joined.append(line)
            origin.append(i)
        carry = width - _WRAP_SLACK <= display_width(line) <= width and _breaks_mid_sentence(lines, i)
    return joined, origin


# A page whose lines break at the space mixed text sets beside a Latin word, mid-sentence, at no one width (…瓦解。而
# Jane / Doe 则指出,… / 尽管 Orion / 等项目…): the line before the break ends with the Latin word, after a space, a
# Chinese character or a mark. Headings and name lines end so too, short ones: the page breaks so only when several
# lines a sentence's width long (``_MIN_WRAP_WIDTH``) do.
_LATIN_AT_BREAK = re.compile(r"(?:^|(?<=[\s\u4e00-\u9fff、,，。;；:：!！?？”」』)）]))[A-Za-z][A-Za-z0-9.+-]*$")


def _breaks_after_latin(lines: list[str], i: int) -> bool:
    return _breaks_mid_sentence(lines, i) and bool(_LATIN_AT_BREAK.search(lines[i].strip(_WRAP_BLANK)))


def breaks_at_latin_words(lines: list[str]) -> bool:
    """Whether the page's lines break mid-sentence after a Latin word, at a space, on several long lines."""
    long_breaks = sum(
        1 for i in range(len(lines)) if _breaks_after_latin(lines, i) and display_width(lines[i]) >= _MIN_WRAP_WIDTH
    )
    return long_breaks >= _MIN_WRAPPED_LINES


def join_latin_breaks(lines: list[str]) -> tuple[list[str], list[int]]:
    """Join each line broken mid-sentence after a Latin word with the line after it, with the space it broke at.

    Returns the joined lines and, for each, the index of its first line in ``lines``.
    """
    joined: list[str] = []
    origin: list[int] = []
    carry = False
    for i, line in enumerate(lines):
        if carry:
            joined[-1] = joined[-1].rstrip(_WRAP_BLANK) + " " + line.strip(_WRAP_BLANK)
        else:
            joined.append(line)
            origin.append(i)
        carry = _breaks_after_latin(lines, i)
    return joined, origin


@dataclass(frozen=True)
class CleaningRules:
    """How one seed becomes its archived text; all patterns are regular expressions."""

    discuz_jammer: bool = False
    drop_spans: tuple[str, ...] = ()
    """Removed wherever they occur inside a line (watermarks, image file names)."""
    isolate_spans: tuple[str, ...] = ()
    """Moved onto a line of their own (captions glued between two sentences)."""
    drop_lines: tuple[str, ...] = ()
    """A whole line (stripped) that fully matches one of these is removed (chrome)."""
    wrap_width: int | None = None
    """If set, the text was wrapped at this many columns: a line broken mid-sentence there joins the next."""
    join_at_latin: bool = False
    """If set, a line broken mid-sentence after a Latin word joins the next, with a space."""
    keep_from: str | None = None
    """If set, everything before the first line matching it is chrome."""
    keep_until: str | None = None
    """If set, the first line matching it and everything after are chrome."""
    notes: tuple[str, ...] = field(default=())

    @classmethod
    def from_mapping(cls, data: dict) -> CleaningRules:
        def strings(key: str) -> tuple[str, ...]:
            value = data.get(key) or ()
            if isinstance(value, str):
                value = (value,)
            return tuple(str(v) for v in value)

        return cls(
            discuz_jammer=bool(data.get("discuz_jammer", False)),
            drop_spans=strings("drop_spans"),
            isolate_spans=strings("isolate_spans"),
            drop_lines=strings("drop_lines"),
            wrap_width=int(data["wrap_width"]) if data.get("wrap_width") else None,
            join_at_latin=bool(data.get("join_at_latin", False)),
            keep_from=data.get("keep_from"),
            keep_until=data.get("keep_until"),
            notes=strings("notes"),
        )


def clean_text(raw: str, rules: CleaningRules) -> str:
    """Apply ``rules`` to a raw seed and return the cleaned article text.

    Paragraphs are separated by one blank line; white space at line ends is dropped;
    nothing inside a sentence is rewritten.
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    # Spans first: an image file name sitting in front of jammer text would hide the jammer.
    for pattern in rules.drop_spans:
        text = re.sub(pattern, "", text, flags=re.MULTILINE)
    lines = text.split("\n")
    if rules.discuz_jammer:
        lines = [kept for line in lines if (kept := strip_jammer(line)) is not None]
    if rules.wrap_width:
        lines, _ = join_wrapped(lines, rules.wrap_width)
    if rules.join_at_latin:
        lines, _ = join_latin_breaks(lines)
    if rules.keep_from:
        start = re.compile(rules.keep_from)
        first = next((i for i, line in enumerate(lines) if start.search(line)), None)
        if first is None:
            raise ValueError(f"keep_from pattern {rules.keep_from!r} matches no line")
        lines = lines[first:]
    if rules.keep_until:
        stop = re.compile(rules.keep_until)
        last = next((i for i, line in enumerate(lines) if stop.search(line)), None)
        if last is None:
            raise ValueError(f"keep_until pattern {rules.keep_until!r} matches no line")
        lines = lines[:last]
    text = "\n".join(lines)
    for pattern in rules.isolate_spans:
        text = re.sub(pattern, lambda m: "\n" + m.group(0).strip() + "\n", text)
    dropped = [re.compile(p) for p in rules.drop_lines]
    paragraphs: list[str] = []
    for line in text.split("\n"):
        stripped = line.strip(" \t\u00a0\u3000")
        if not stripped or any(p.fullmatch(stripped) for p in dropped):
            continue
        paragraphs.append(stripped)
    return "\n\n".join(paragraphs) + "\n"
