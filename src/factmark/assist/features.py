"""What the check-worthiness model reads in a sentence, and the reasons it gives.

A sentence becomes a set of hashed features: its words and word pairs (figures
reduced to their shape), its length, and cues an editor would name: a number, a
quantity, a date, an attribution, a comparison, a superlative, a cause, a quote,
a change. The cues that hold are the sentence's reasons (``REASONS``, the fixed
vocabulary of docs/design.md §10); the training script and the scorer share this
module, so the model always reads sentences the way it was trained to.

Pure Python, no Textual: ``zlib.crc32`` hashes a feature to its weight's index,
the same in every process (``hash()`` is salted per process).
"""

from __future__ import annotations

import re
import zlib
from itertools import pairwise

REASONS = (
    "number",
    "quantity",
    "date",
    "attribution",
    "comparison",
    "superlative",
    "causal",
    "quote",
    "change",
)
"""The reasons a sentence can be given, in the order they are listed."""

_NUMBER_WORDS = (
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
    r"ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half|twice|"
    r"double|triple|quarter|third"
)
_DIGITS = r"\d(?:[\d,.]*\d)?"
_MONTHS = (
    r"January|February|March|April|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\."
)
_SCALE = r"(?:\s+(?:hundred|thousand|million|billion|trillion))?"

_CUES: dict[str, re.Pattern[str]] = {
    "number": re.compile(rf"\d|\b(?:{_NUMBER_WORDS})\b", re.IGNORECASE),
    "quantity": re.compile(
        rf"%|\bper ?cent\b|\bpercentage\b|[$£€¥]\s?\d|\b(?:dollars?|euros?|pounds sterling|cents)\b"
        rf"|(?<![\w,.])(?!(?:1[6-9]|20)\d\d\b){_DIGITS}{_SCALE}\s+(?!(?:{_MONTHS}|May|and|or|to|of|in|on|at|a|the)\b)"
        rf"[A-Za-z][a-z]+"
        rf"|\b(?:{_NUMBER_WORDS}){_SCALE}\s+(?!(?:of|and|or|to|in|on|at|a|the|times?)\b)[a-z]{{3,}}",
        re.IGNORECASE,
    ),
    "date": re.compile(
        rf"\b(?:{_MONTHS})(?=\W)|\bMay\s+\d|\b(?:1[6-9]|20)\d\d\b(?!\s*(?:%|percent))"
        r"|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday)\b"
        r"|\b(?:last|next|this|past)\s+(?:year|month|week|decade|century|quarter|spring|"
        r"summer|autumn|fall|winter)\b|\b(?:decades?|centuries)\s+ago\b"
        r"|\b\d+\s+(?:years?|months?|weeks?|days?)\s+ago\b"
    ),
    "attribution": re.compile(
        r"\baccording to\b|\bas per\b|\bciting\b|\b(?:said|says|say|told|tells|reported|reports|"
        r"stated|states|claimed|claims|announced|declared|confirmed|denied|noted|wrote|"
        r"testified|estimated|estimates|insisted|argued|admitted|acknowledged|warned)\b",
        re.IGNORECASE,
    ),
    "comparison": re.compile(
        r"\b(?:more|less|fewer|greater|higher|lower|bigger|larger|smaller|better|worse|"
        r"faster|slower|[a-z]{3,}er)\s+(?:\w+\s+){0,3}?than\b|\bcompared (?:to|with)\b"
        r"|\b(?:twice|\w+ times) as\b|\bas (?:many|much) as\b|\bthe same as\b",
        re.IGNORECASE,
    ),
    "superlative": re.compile(
        r"\b(?:the|its|our|their|his|her|my|your|America's|nation's|world's|country's)\s+"
        r"(?:(?:very|single|second|third)\s+)?(?:most|least|best|worst|first|only|"
        r"largest|highest|lowest|greatest|smallest|fastest|slowest|strongest|weakest|"
        r"richest|poorest|oldest|youngest|longest|shortest|deadliest|cheapest|toughest|"
        r"hardest|deepest|widest|safest|[a-z]{3,}iest|[a-z]*([bdgmnpt])\1est)\b"
        r"|\b(?:record|all-time|ever|never before)\b",
        re.IGNORECASE,
    ),
    "causal": re.compile(
        r"\bbecause\b|\bdue to\b|\bcaused?\b|\bcauses\b|\b(?:led|leads|leading) to\b"
        r"|\bresult(?:ed|s)? (?:of|in|from)\b|\bas a result\b|\bthanks to\b|\btherefore\b"
        r"|\bconsequently\b|\bresponsible for\b|\bblamed?\b|\bso that\b|\bbrought about\b",
        re.IGNORECASE,
    ),
    "quote": re.compile(r"[\"“„«][^\"“”„«»]{3,}[\"”»]|‘[^‘’]{3,}’(?!\w)"),
    "change": re.compile(
        r"\b(?:increased?|increases|increasing|decreased?|decreases|rose|risen|rises|fell|"
        r"fallen|dropped|doubled|tripled|quadrupled|halved|grew(?! up)|grown(?! up)|shrank|"
        r"declined?|soared|plummeted|cut|cuts|raised|lowered|reduced|went (?:up|down)"
        r"|gone (?:up|down))\b",
        re.IGNORECASE,
    ),
}
"""Each reason's pattern: it holds when the pattern is found in the sentence."""

_SPEAKER = re.compile(r"\s*([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})\s*:\s+(?=\S)")
"""A speaker's label leading a paragraph of a transcript: "MODERATOR: ", "Hillary Clinton: "."""
_TOKEN = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?|\d(?:[\d,.]*\d)?|[$%£€?!\"“”‘’]")
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
    """The reasons that hold of a sentence, in ``REASONS`` order."""
    text = without_speaker(text)
    return [name for name in REASONS if _CUES[name].search(text)]


def _shape(token: str) -> str:
    """A figure as its shape ("1,200" -> "9,999", "2016" -> "year"), a word in lower case."""
    if not token[0].isdigit():
        return token.lower()
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
    text = without_speaker(text)
    tokens = [_shape(token) for token in _TOKEN.findall(text)]
    words = sum(1 for token in tokens if token[0].isalnum() or token[0] == "<")
    names = [f"w:{token}" for token in tokens]
    padded = ["<s>", *tokens, "</s>"]
    names += [f"b:{a} {b}" for a, b in pairwise(padded)]
    names.append(_length_bucket(words))
    names += [f"cue:{name}" for name in reasons(text)]
    if text.rstrip().endswith("?"):
        names.append("question")
    if _OPINION.match(text):
        names.append("opinion")
    names.append("bias")
    return names


def _index(name: str) -> int:
    return zlib.crc32(name.encode("utf-8", "surrogatepass")) & (BUCKETS - 1)


def features(text: str) -> list[int]:
    """The indices of a sentence's features in the weight table, each once."""
    return sorted({_index(name) for name in feature_names(text)})
