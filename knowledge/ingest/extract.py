"""Reading a saved article: plain text, Markdown or a web page (main text via trafilatura)."""

from __future__ import annotations

import re
from pathlib import Path

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
# Pages saved in China are often GB-encoded; UTF-8 is tried first because GB18030 decodes almost anything.
_ENCODINGS = ("utf-8-sig", "gb18030")
# A text file has almost no control characters; a binary one has many (and NUL bytes).
_MAX_CONTROL_SHARE = 0.01
_LETTER = re.compile(r"[\w\u3400-\u9fff]")


class IngestError(Exception):
    """Bad input for ``corpus add`` / ``corpus suggest``: its message is the one line shown to the curator."""


def decode_text(data: bytes, name: str) -> str:
    """The file's text; IngestError when it is empty or not text."""
    if not data.strip():
        raise IngestError(f"{name}: the file is empty")
    if b"\x00" in data:
        raise IngestError(f"{name}: not a text file (binary content)")
    for encoding in _ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
        if controls > _MAX_CONTROL_SHARE * len(text):
            break
        return text
    raise IngestError(f"{name}: not a text file (binary content or an unknown encoding)")


def html_main_text(html: str) -> str | None:
    """The page's main text, paragraphs on their own lines, without navigation, comments or footers."""
    import trafilatura  # imported here: only ``corpus add`` on a web page needs it

    return trafilatura.extract(
        html,
        output_format="txt",
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        favor_recall=True,
        deduplicate=False,
    )


# A text or Markdown file that carries a page's markup (a saved page's source pasted as text): a line with a closing
# block tag or a line break tag is HTML, whatever else it holds.
_MARKUP_LINE = re.compile(r"</(?:p|div|li|h[1-6]|blockquote|section|article|tr|td|pre)\s*>|<br\s*/?>", re.IGNORECASE)
_BLOCK_TAGS = frozenset(
    ("p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article", "header",
     "footer", "tr", "table", "pre", "figure", "figcaption")
)  # fmt: skip


def _markup_as_text(line: str) -> str:
    """A line of HTML as text: each block a paragraph of its own, a line break a new line, inline tags dropped."""
    import lxml.html  # trafilatura's parser, already installed with it

    root = lxml.html.fragment_fromstring(line, create_parent="div")
    for element in root.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag.lower() in _BLOCK_TAGS:
            element.tail = "\n\n" + (element.tail or "")
        elif tag.lower() == "br":
            element.tail = "\n" + (element.tail or "")
    text: str = root.text_content()
    return re.sub(r"\n[ \t\u00a0\u3000]*(?:\n[ \t\u00a0\u3000]*)+", "\n\n", text).strip("\n")


def markup_text(text: str) -> str:
    """The text with the lines that are HTML (a closing block tag or a <br>) turned into paragraphs of plain text."""
    if not _MARKUP_LINE.search(text):
        return text
    return "\n".join(_markup_as_text(line) if _MARKUP_LINE.search(line) else line for line in text.split("\n"))


_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+", re.MULTILINE)
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?", re.MULTILINE)


def markdown_text(text: str) -> str:
    """Markdown with its markup removed; the words stay as written."""
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_HEADING.sub("", text)
    text = _MD_QUOTE.sub("", text)
    return _MD_EMPHASIS.sub(r"\2", text)


def extract_text(data: bytes, name: str) -> str:
    """The article text in a file's bytes, by the file's suffix; IngestError for anything unusable."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise IngestError(f"{name}: unsupported file type {suffix or '(none)'!r}; use .txt, .md or .html")
    text = decode_text(data, name)
    if suffix in (".html", ".htm"):
        main = html_main_text(text)
        if not main or not _LETTER.search(main):
            raise IngestError(f"{name}: no main text found in the page")
        text = main
    elif suffix in (".md", ".markdown"):
        text = markdown_text(markup_text(text))
    else:
        text = markup_text(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not _LETTER.search(text):
        raise IngestError(f"{name}: no article text in the file")
    return text


def read_article(path: Path | str) -> str:
    """The article text of a .txt, .md or .html file; IngestError (one line) when it cannot be used."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise IngestError(f"{path}: no such file") from None
    except OSError as exc:
        raise IngestError(f"{path}: cannot read the file ({exc.strerror or exc})") from None
    return extract_text(data, path.name)
