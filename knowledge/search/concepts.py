"""Registry names found in token sequences: people (``@id``), topics (``#id``), glossary entities (``§id``).

Each name is cut by the same text pipeline and keyed by its tokens joined without spaces, so
``Llama 2``, ``Llama2``, ``LLaMA-2`` and ``llama 2`` share one key, and ``Li Kaifu``/``li kai fu``
/``Kai-Fu Lee``/``kaifu lee`` all reach ``@li-kaifu``. Finding them in a text is a walk over its
tokens that extends a joined string while it is still a prefix of some key (longest match wins).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from knowledge.models import Corpus
from knowledge.text import TextPipeline, is_latin

PERSON, TOPIC, ENTITY = "@", "#", "§"
MAX_SPAN_TOKENS = 8


@dataclass(frozen=True)
class Mention:
    concept: str
    start: int
    end: int
    """Token span [start, end) in the sequence it was found in."""


def registry_names(corpus: Corpus) -> dict[str, tuple[str, ...]]:
    """Concept token → every spelling of it the registries know (people, topics, glossary)."""
    names: dict[str, tuple[str, ...]] = {}
    for person in corpus.people.values():
        spellings = list(person.names)
        for latin in [n for n in spellings if n.isascii()]:
            parts = latin.replace("-", " ").split()
            if len(parts) >= 2:  # family name last or first: "Kai-Fu Lee" ~ "Lee Kai-Fu"
                spellings.append(" ".join(parts[-1:] + parts[:-1]))
                spellings.append(" ".join(parts[1:] + parts[:1]))
        if not person.pinyin and person.kind == "person":
            from pypinyin import lazy_pinyin  # only for people the registry gives no pinyin

            syllables = lazy_pinyin(person.zh)
            if syllables:
                spellings.append(" ".join([syllables[0], "".join(syllables[1:])]))
        names[PERSON + person.id] = tuple(dict.fromkeys(spellings))
    for topic in corpus.topics.values():
        names[TOPIC + topic.id] = topic.names
    for entity in corpus.entities.values():
        names[ENTITY + entity.id] = (entity.id, *entity.names)
    return names


class ConceptMatcher:
    def __init__(self, pipeline: TextPipeline, names: dict[str, tuple[str, ...]]):
        self.keys: dict[str, set[str]] = {}
        self.display: dict[str, str] = {}
        for concept, spellings in names.items():
            self.display[concept] = spellings[0] if spellings else concept[1:]
            for spelling in spellings:
                key = "".join(pipeline.tokens(spelling))
                # One Latin letter or digit ("B", "5") is too ambiguous to stand for a concept.
                if len(key) < 2 and (not key or key.isascii()):
                    continue
                self.keys.setdefault(key, set()).add(concept)
        self.prefixes: set[str] = {key[:i] for key in self.keys for i in range(1, len(key) + 1)}

    def find(self, tokens: list[str]) -> Iterator[Mention]:
        """Longest registry name starting at each token (overlaps allowed: 开源模型 and 模型)."""
        n = len(tokens)
        prefixes, keys = self.prefixes, self.keys
        for i in range(n):
            if tokens[i] not in prefixes:
                continue
            joined = ""
            best: tuple[int, set[str]] | None = None
            for j in range(i, min(n, i + MAX_SPAN_TOKENS)):
                joined += tokens[j]
                if joined not in prefixes:
                    break
                found = keys.get(joined)
                if found:
                    best = (j + 1, found)
            if best:
                for concept in sorted(best[1]):
                    yield Mention(concept, i, best[0])

    def latin_keys(self) -> list[str]:
        return [k for k in self.keys if is_latin(k) and len(k) >= 4]

    def concepts_for(self, key: str) -> set[str]:
        return self.keys.get(key, set())
