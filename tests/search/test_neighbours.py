"""The offline-learnt neighbour table: unknown everyday words reach guidance words close in meaning."""

from pathlib import Path

from ep_search import Document, SearchEngine, Settings
from ep_search.neighbours import DEFAULT_PATH, Neighbours
from ep_search.text import stem


def _doc(did, title, body):
    return Document(
        kind="clause", id=did, title=title, url=f"/x/{did}/", topics=("t",), fields={"body": body}
    )


DOCS = [
    _doc("angry", "Angry parents", "When a parent is angry or hostile, stay calm and record what was said."),
    _doc("photos", "Photos of children", "Do not share photographs of children you work with."),
    _doc("court", "Evidence for court", "Screenshots used as evidence must show the date and the address."),
]
TABLE = Neighbours(
    {
        stem("furious"): ((stem("angry"), 0.72), (stem("hostile"), 0.61)),
        stem("portrait"): ((stem("photographs"), 0.66), (stem("zebra"), 0.65)),
        stem("lukewarm"): ((stem("calm"), 0.41),),
    }
)


def _engine(weight=0.3, **kw):
    return SearchEngine(DOCS, settings=Settings(nb_weight=weight, **kw), neighbours=TABLE)


def test_unknown_word_reaches_its_neighbours():
    hits = _engine().search("furious")
    assert hits and hits[0].document.id == "angry"
    assert _engine(weight=0).search("furious") == []  # off: the index does not know either word
    a = _engine().analyse("furious")
    assert a.neighbours == {stem("furious"): [stem("angry"), stem("hostile")]}
    # the neighbours weigh far less than the worker's own words
    assert a.terms[stem("angry")] < 0.5


def test_neighbours_outside_the_index_and_below_the_threshold_are_ignored():
    a = _engine().analyse("portrait lukewarm")
    assert a.neighbours == {stem("portrait"): [stem("photographs")]}  # "zebra" is not in the index
    assert stem("calm") not in a.terms  # 0.41 is under the default threshold (0.5)


def test_known_words_are_not_expanded():
    a = _engine().analyse("angry parent")
    assert a.neighbours == {}


def test_top_and_margin_limit_the_neighbours():
    assert TABLE.lookup(stem("furious"), {stem("angry"), stem("hostile")}, top=1) == [(stem("angry"), 0.72)]
    assert TABLE.lookup(stem("furious"), {stem("angry"), stem("hostile")}, margin=0.05) == [
        (stem("angry"), 0.72)
    ]


def test_shipped_table_loads_and_is_small():
    size = Path(DEFAULT_PATH).stat().st_size
    assert size < 3_000_000
    table = Neighbours.load()
    assert len(table) > 1000
    everything = _Everything()
    for source in list(table.table)[:200]:
        pairs = table.lookup(source, everything)
        assert source == source.lower() and pairs
        assert all(0 < sim <= 1 for _, sim in pairs)
        assert [s for _, s in pairs] == sorted((s for _, s in pairs), reverse=True)


class _Everything(frozenset):
    def __contains__(self, item):
        return True
