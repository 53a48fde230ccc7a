"""Check-worthiness: a sentence's score in [0, 1] and the reasons it holds.

The model is a logistic regression over the hashed features of
factmark.assist.features, trained by train/checkworthy.py and shipped beside
this module as checkworthy.json (MODEL.md says where its data came from). It
loads once, when first asked, in milliseconds; scoring is pure Python.

Two things the training sentences never show are settled by rule: a sentence of
fewer than five words (the training data has none: "Wrong.", "Thank you.") is
scored down in proportion, and a moderator's sentences (see factmark.assist.suggest)
count for less.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import sys
import zlib
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from factmark.assist.features import BUCKETS, analyse
from factmark.errors import FactmarkError

MODEL_FILE = Path(__file__).with_name("checkworthy.json")
FORMAT = "factmark-checkworthy/1"
SHORT = 5
"""Sentences shorter than this many words are scored down: none was in training."""

Scored = tuple[float, list[str]]


class ModelError(FactmarkError):
    """A model file that cannot be used, with the reason in one line."""


@dataclass(frozen=True)
class Model:
    """A check-worthiness model: one weight per feature bucket."""

    weights: array[float]

    def probability(self, indices: list[int]) -> float:
        """The model's own probability for a sentence's features, before any rule."""
        z = sum(map(self.weights.__getitem__, indices))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def score(self, text: str) -> Scored:
        """A sentence's score in [0, 1] and its reasons (a leading "NAME: " is not read)."""
        reading = analyse(text)
        short = min(1.0, reading.words / SHORT)
        return round(self.probability(reading.indices) * short, 4), reading.reasons

    def score_all(self, texts: Iterable[str]) -> list[Scored]:
        return [self.score(text) for text in texts]


def load(path: Path = MODEL_FILE) -> Model:
    """Read a model file written by train/checkworthy.py; ModelError says why not."""
    try:
        document = json.loads(path.read_bytes())
        if document.get("format") != FORMAT or document.get("buckets") != BUCKETS:
            raise ModelError(f"{path}: not a {FORMAT} model with {BUCKETS} weights")
        packed = zlib.decompress(base64.b64decode(document["weights"], validate=True))
    except (OSError, ValueError, KeyError, TypeError, AttributeError, binascii.Error,
            zlib.error) as error:  # fmt: skip
        raise ModelError(f"{path}: unreadable check-worthiness model ({error})") from None
    weights = array("f")
    weights.frombytes(packed)
    if sys.byteorder != "little":
        weights.byteswap()
    if len(weights) != BUCKETS:
        raise ModelError(f"{path}: {len(weights)} weights, expected {BUCKETS}")
    return Model(weights)


@cache
def shipped() -> Model:
    """The model that ships with factmark, loaded on first use."""
    return load()


def score(text: str) -> Scored:
    """A sentence's check-worthiness in [0, 1] and its reasons, by the shipped model."""
    return shipped().score(text)


def score_all(texts: Iterable[str]) -> list[Scored]:
    """``score`` for many sentences."""
    return shipped().score_all(texts)
