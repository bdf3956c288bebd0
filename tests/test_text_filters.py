"""Template filters: safe Markdown and search-hit highlighting (against ep_search's Hit shape)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from django.template.loader import render_to_string

from eprofessional.core.templatetags.ep_text import highlight_filter, highlight_text, render_markdown


@dataclass
class FakeDocument:
    kind: str = "clause"
    id: str = "no-identifiable-case-details"
    title: str = "Never post about the people you work with"
    url: str = "/policy/#no-identifiable-case-details"
    topics: list[str] = field(default_factory=list)


@dataclass
class FakeHit:
    passage: str
    highlights: list[tuple[int, int]]
    document: FakeDocument = field(default_factory=FakeDocument)
    why: str = "Matches your words"
    score: float = 1.0


def test_highlight_marks_spans_and_escapes_everything_else():
    passage = "Don't post <b>photos</b> of a child & family"
    start = passage.index("photos")
    hit = FakeHit(passage, [(start, start + 6), (passage.index("child"), passage.index("child") + 5)])
    html = str(highlight_filter(hit))
    assert html == (
        "Don&#x27;t post &lt;b&gt;<mark>photos</mark>&lt;/b&gt; of a <mark>child</mark> &amp; family"
    )


def test_highlight_merges_overlaps_and_ignores_bad_offsets():
    text = "friend request from a parent"
    assert highlight_text(text, [(7, 14), (0, 10), (50, 60), (5, 2), ("x", 1), (None,)]) == (
        "<mark>friend request</mark> from a parent"
    )
    assert (
        highlight_text(text, [(-5, 6), (22, 99)]) == "<mark>friend</mark> request from a <mark>parent</mark>"
    )
    assert highlight_text(text, None) == text
    assert highlight_text("<i>", []) == "&lt;i&gt;"


def test_highlight_inside_a_mark_is_escaped():
    assert highlight_text("<script>", [(0, 8)]) == "<mark>&lt;script&gt;</mark>"


def test_highlight_works_with_dicts_and_plain_strings():
    assert str(highlight_filter({"passage": "a b", "highlights": [[2, 3]]})) == "a <mark>b</mark>"
    assert str(highlight_filter("a b", [(0, 1)])) == "<mark>a</mark> b"


@pytest.mark.django_db
def test_search_results_template_uses_highlights(rf):
    hit = FakeHit("Never share <case> details", [(6, 11)])
    html = render_to_string(
        "core/_search_results.html", {"query": "share", "hits": [hit]}, request=rf.get("/")
    )
    assert "Never <mark>share</mark> &lt;case&gt; details" in html


def test_markdown_subset_is_sanitised():
    html = render_markdown(
        "Hello **bold** and *em*.\n\n- one\n- two\n\n<script>x()</script> <img src=x onerror=alert(1)>"
        " [a](javascript:alert(1)) [b](https://example.org/) <span style='color:red'>s</span>"
    )
    assert "<strong>bold</strong>" in html and "<em>em</em>" in html
    assert "<ul>" in html and "<li>one</li>" in html
    assert "<script" not in html and "<img" not in html and "onerror" not in html
    assert "javascript:" not in html and "style=" not in html
    assert '<a href="https://example.org/">b</a>' in html
