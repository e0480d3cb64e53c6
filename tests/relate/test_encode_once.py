"""Each sentence is encoded once: the words that point back come from the linker, so relate never
encodes a sentence again for a speaker (我们), an organisation (该公司) or a place (该村)."""

from __future__ import annotations

import pytest
from relate_fixtures import helpers

from kg.relate import context


def test_each_sentence_is_encoded_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = context.encode

    def counting(article, index, *args):  # noqa: ANN001, ANN002, ANN202
        calls.append(index)
        return real(article, index, *args)

    monkeypatch.setattr(context, "encode", counting)
    text = "甲乙公司董事长表示:“我们将在富坪村投资建设冷库。”甲乙公司来到富坪村,该公司向该村捐赠了图书。"
    found = helpers(text, ["富坪村"], {"甲乙公司": None})
    assert found == [("甲乙公司", "富坪村", "invests"), ("甲乙公司", "富坪村", "donates")]
    assert calls == [0, 1]  # two sentences (the quote closes after the first 。), each once
