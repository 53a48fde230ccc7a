"""The W3C export against the W3C Web Annotation test suite's MUST assertions.

The suite's JSON schemas are vendored in tests/data/w3c-web-annotation-tests
(W3C test-suite licence, in its license.md); this runs every MUST assertion of
``annotations/annotationMusts.test`` on every exported annotation.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from builders import factmark
from factmark.article import Article
from factmark.cli import main
from factmark.export import w3c
from factmark.store import loading

ROOT = Path(__file__).resolve().parent.parent
SUITE = ROOT / "tests" / "data" / "w3c-web-annotation-tests"
SEED_ARTICLE = ROOT / "tests" / "data" / "seed" / "seeds" / "000_207cb1c8ae6ad8ea.txt"
SEED_ANNOTATIONS = ROOT / "tests" / "data" / "seed" / "annotations" / "000_207cb1c8ae6ad8ea.toml"
URI = "https://example.org/articles/000_207cb1c8ae6ad8ea.txt"

FORMATS = FormatChecker()


@FORMATS.checks("uri")
def _is_uri(value: object) -> bool:
    """An absolute IRI: a scheme, a colon, and no white space."""
    return not isinstance(value, str) or bool(re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:\S+", value))


def _registry() -> Registry:
    resources = []
    for path in SUITE.glob("**/*.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((schema.get("id", path.name), Resource.from_contents(schema, DRAFT4)))
    return Registry().with_resources(resources)


def _musts() -> list[dict[str, Any]]:
    test = json.loads((SUITE / "annotations" / "annotationMusts.test").read_text("utf-8"))
    musts = []
    for reference in test["assertions"]:
        schema = (
            json.loads((SUITE / reference).read_text("utf-8"))
            if isinstance(reference, str)
            else reference
        )
        if schema.get("assertionType", "must") == "must":
            musts.append(schema)
    return musts


def failures(annotation: dict[str, Any]) -> list[str]:
    registry, found = _registry(), []
    for schema in _musts():
        valid = Draft4Validator(schema, registry=registry, format_checker=FORMATS).is_valid(
            annotation
        )
        if valid != (schema.get("expectedResult", "valid") == "valid"):
            found.append(str(schema.get("errorMessage") or schema.get("title")))
    return found


@pytest.fixture(scope="module")
def exported() -> dict[str, Any]:
    document = loading.load(SEED_ANNOTATIONS).document
    return w3c.export(document, Article.read(SEED_ARTICLE), URI)


def test_the_suite_is_vendored_with_its_licence() -> None:
    assert (SUITE / "license.md").is_file()
    assert len(_musts()) > 40


def test_every_annotation_meets_every_must(exported: dict[str, Any]) -> None:
    items = exported["first"]["items"]
    document = loading.load(SEED_ANNOTATIONS).document
    assert len(items) == len(document.claims) + len(document.links)
    for item in items:
        assert failures({"@context": exported["@context"], **item}) == [], item["id"]


def test_a_broken_annotation_fails_the_check() -> None:
    """The check can fail: an annotation without a target breaks a MUST."""
    assert failures({"@context": w3c.CONTEXT, "id": URI + "#x", "type": "Annotation"})


def test_positions_are_code_points_of_the_article(exported: dict[str, Any]) -> None:
    text = Article.read(SEED_ARTICLE).text
    claims = [i for i in exported["first"]["items"] if i["motivation"] == "assessing"]
    assert claims
    for item in claims:
        quote, position = item["target"]["selector"]
        assert position["type"] == "TextPositionSelector"
        assert text[position["start"] : position["end"]] == quote["exact"]


def test_claims_carry_verdict_note_tags_and_sources(exported: dict[str, Any]) -> None:
    document = loading.load(SEED_ANNOTATIONS).document
    first = document.sorted().claims[0]
    item = exported["first"]["items"][0]
    purposes = [body.get("purpose") for body in item["body"]]
    assert item["body"][0]["value"] == first.verdict
    assert purposes.count("tagging") == len(first.tags)
    assert purposes.count("linking") == len(first.sources)
    assert item["creator"]["name"] == first.author
    assert item["created"].endswith("Z") and item["modified"].endswith("Z")


def test_links_link_one_claims_annotation_to_the_others(exported: dict[str, Any]) -> None:
    links = [i for i in exported["first"]["items"] if i["motivation"] == "linking"]
    ids = {i["id"] for i in exported["first"]["items"] if i["motivation"] == "assessing"}
    assert links
    for item in links:
        assert item["target"] in ids and item["body"][0]["id"] in ids


def test_the_export_command_writes_the_file(tmp_path: Path) -> None:
    out = tmp_path / "seed.jsonld"
    code = main(["export", str(SEED_ARTICLE), "--format", "w3c", "-o", str(out),
                 "--article-uri", URI])  # fmt: skip
    assert code == 0
    assert json.loads(out.read_text("utf-8"))["first"]["items"][0]["target"]["source"] == URI


def test_export_to_stdout_defaults_to_a_file_iri(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(SEED_ANNOTATIONS), "--format", "w3c"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["first"]["items"][0]["target"]["source"].startswith("file:///")


def test_bad_export_input_is_one_line_and_leaves_no_file(tmp_path: Path) -> None:
    out = tmp_path / "never.json"
    missing = tmp_path / "missing.txt"
    result = factmark("export", str(missing), "--format", "w3c", "-o", str(out))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("factmark: ")
    assert not out.exists()
