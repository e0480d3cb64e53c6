"""Relation search bounded for long sentences: pieces cut at clause marks, relations named by
their original sentence."""

from __future__ import annotations

from kg.build.bound import LONG_SENTENCE, bounded, relations_bounded
from kg.records import Article, Mention, Relation, Sentence

CLAUSE = "福清市与通渭县开展协作，"


def long_article() -> Article:
    first = "短句一。"
    body = CLAUSE * (3 * LONG_SENTENCE // len(CLAUSE)) + "。"
    text = first + body
    return Article(id="x", text=text, sentences=[Sentence(0, len(first)), Sentence(len(first), len(text))])


def test_long_sentences_are_read_in_pieces_cut_after_clause_marks() -> None:
    article = long_article()
    view, origin = bounded(article)
    assert view.sentences[0] == article.sentences[0] and origin[0] == 0
    pieces = view.sentences[1:]
    assert len(pieces) >= 3 and set(origin[1:]) == {1}
    assert all(p.end - p.start <= LONG_SENTENCE for p in pieces)
    assert all(article.text[p.end - 1] in "，。" for p in pieces)  # cut after a clause mark
    assert pieces[0].start == article.sentences[1].start and pieces[-1].end == article.sentences[1].end
    assert [b.start for b in pieces[1:]] == [a.end for a in pieces[:-1]]  # nothing lost


def test_a_clause_longer_than_the_limit_is_cut_at_the_limit() -> None:
    text = "福" * (2 * LONG_SENTENCE + 5)
    view, origin = bounded(Article(id="y", text=text, sentences=[Sentence(0, len(text))]))
    assert [(s.start, s.end) for s in view.sentences] == [
        (0, LONG_SENTENCE), (LONG_SENTENCE, 2 * LONG_SENTENCE), (2 * LONG_SENTENCE, len(text))
    ]  # fmt: skip
    assert origin == [0, 0, 0]


def test_short_articles_pass_unchanged_and_relations_name_their_own_sentence() -> None:
    short = Article(id="s", text="短句。", sentences=[Sentence(0, 3)])
    assert bounded(short)[0] is short
    article = long_article()
    start = len(article.text) - 2 * len(CLAUSE)
    mention = Mention("x", "PLACE", "福清市", start, start + 3, sentence=1)
    seen: list[int] = []

    def extract(view: Article, mentions: list[Mention]) -> list[Relation]:
        seen.extend(m.sentence for m in mentions)
        return [Relation("pairing", "x", None, None, mentions[0].sentence, "", start, start + 3, "p", 1.0)]

    [relation] = relations_bounded(article, [mention], extract)
    assert seen[0] > 1  # relate saw the piece
    assert relation.sentence == 1  # the relation names the original sentence
