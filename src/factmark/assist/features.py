"""What the check-worthiness model reads in a sentence, and the reasons it gives.

A sentence becomes a set of hashed features: its words and word pairs (figures
reduced to their shape), its length, whether it asks or opines, and the cues of
factmark.assist.cues that hold of it, which are also its reasons. The training
script and the scorer share this module, so the model always reads sentences the
way it was trained to.

Pure Python, no Textual: ``zlib.crc32`` hashes a feature to its weight's index,
the same in every process (``hash()`` is salted per process).
"""

from __future__ import annotations

import re
import zlib
from itertools import pairwise
from typing import NamedTuple

from factmark.assist.cues import REASONS, Words, reasons_in, reasons_of

_SPEAKER = re.compile(
    r"\s*([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})(?: ?\([^()\n]{1,30}\))?\s*:\s+(?=\S)"
)
"""A speaker's label leading a paragraph of a transcript: "MODERATOR: ", "Hillary Clinton: "."""
_UNREAD = frozenset(",.;:()[]{}-–—/*&#@+=<>|~^`_\\'")
"""Punctuation the model does not read (money, percent, quotes and ?! it does)."""
_OPINION = re.compile(
    r"^\s*(?:and |but |so |well, |now, )?(?:i|we)\s+(?:think|believe|feel|want|hope|need|"
    r"must|should|will|would|can|am going|are going|have to)\b",
    re.IGNORECASE,
)

BUCKETS = 1 << 18
"""How many weights the model has: features are hashed into this many slots."""


def speaker_label(text: str) -> str | None:
    """The speaker's label leading ``text`` ("TRUMP" in "TRUMP: We ..."), if any."""
    match = _SPEAKER.match(text)
    return match.group(1) if match else None


def without_speaker(text: str) -> str:
    """``text`` without a leading speaker's label: the label is not part of what is said."""
    match = _SPEAKER.match(text)
    return text[match.end() :] if match else text


def reasons(text: str) -> list[str]:
    """The reasons that hold of a sentence, in ``REASONS`` order (factmark.assist.cues)."""
    return reasons_of(without_speaker(text))


def _shape(token: str) -> str:
    """A figure as its shape ("1,200" -> "9,999", "2016" -> "<year>"), a word as it is."""
    if not token[0].isdigit():
        return token
    if len(token) == 4 and token.isdigit() and token[:2] in ("19", "20"):
        return "<year>"
    return re.sub(r"\d", "9", token)


def _length_bucket(words: int) -> str:
    for limit in (3, 6, 10, 15, 25, 40):
        if words <= limit:
            return f"len<={limit}"
    return "len>40"


def feature_names(text: str) -> list[str]:
    """The features of a sentence, as names (for reading the model and for tests)."""
    sentence = Words(without_speaker(text))
    tokens = _tokens(sentence)
    names = [f"w:{token}" for token in tokens]
    padded = ["<s>", *tokens, "</s>"]
    names += [f"b:{a} {b}" for a, b in pairwise(padded)]
    return names + _others(sentence, _words(tokens))[0]


def _tokens(sentence: Words) -> list[str]:
    """The words (in lower case), figures (as shapes) and telling signs of a sentence:
    not its commas."""
    return [
        _shape(token) if token[0].isdigit() else token
        for token in sentence.low
        if token[0] not in _UNREAD
    ]


def _words(tokens: list[str]) -> int:
    return sum(1 for token in tokens if token[0].isalnum() or token[0] == "<")


def _others(sentence: Words, words: int) -> tuple[list[str], list[str]]:
    """The features other than words and pairs (length, cues, asking, opining), and the cues."""
    found = reasons_in(sentence)
    names = [_length_bucket(words), *(f"cue:{name}" for name in found), "bias"]
    if sentence.text.rstrip().endswith("?"):
        names.append("question")
    if _OPINION.match(sentence.text):
        names.append("opinion")
    return names, found


def _index(name: str) -> int:
    return zlib.crc32(name.encode("utf-8", "surrogatepass")) & (BUCKETS - 1)


_FIXED = {
    name: _index(name)
    for name in (
        "bias", "question", "opinion", *(f"cue:{reason}" for reason in REASONS),
        *(_length_bucket(words) for words in range(42)),
    )
}  # fmt: skip
"""The index of each feature that is not a word or a pair, computed once."""
_WORD_CRC, _PAIR_CRC = zlib.crc32(b"w:"), zlib.crc32(b"b:")
"""The CRC of each prefix: ``crc32(word, _WORD_CRC)`` is ``crc32(b"w:" + word)``, unbuilt."""
_TOKENS: dict[str, tuple[int, int, bytes]] = {}
"""Each token seen: its word feature's index, the CRC of "b:TOKEN " (to which the next
token's bytes are added for the pair's index), and its bytes. Words repeat: most of a
text's tokens are found here."""
_TOKENS_KEPT = 1 << 17


def _token(token: str) -> tuple[int, int, bytes]:
    known = _TOKENS.get(token)
    if known is None:
        if len(_TOKENS) >= _TOKENS_KEPT:
            _TOKENS.clear()
        data = token.encode("utf-8", "surrogatepass")
        word = zlib.crc32(data, _WORD_CRC) & (BUCKETS - 1)
        known = _TOKENS[token] = (word, zlib.crc32(data + b" ", _PAIR_CRC), data)
    return known


class Reading(NamedTuple):
    """What the model reads in a sentence, and the reasons it gives."""

    indices: list[int]
    """The indices of its features in the weight table, each once, in no order."""
    reasons: list[str]
    words: int
    """How many words and figures it has."""


def features(text: str) -> list[int]:
    """The indices of a sentence's features in the weight table, each once, in order."""
    return sorted(analyse(text).indices)


def analyse(text: str) -> Reading:
    """A sentence's feature indices (those of ``feature_names``) and its reasons, read once."""
    sentence = Words(without_speaker(text))
    tokens = _tokens(sentence)
    known = _TOKENS.get  # most tokens have been seen: no call to _token for them
    read = [known(token) or _token(token) for token in ("<s>", *tokens, "</s>")]
    mask, crc32 = BUCKETS - 1, zlib.crc32
    indices = {word for word, _, _ in read[1:-1]}
    indices.update(crc32(b[2], a[1]) & mask for a, b in pairwise(read))
    words = _words(tokens)
    others, found = _others(sentence, words)
    indices.update(_FIXED.get(name) or _index(name) for name in others)
    return Reading(list(indices), found, words)
