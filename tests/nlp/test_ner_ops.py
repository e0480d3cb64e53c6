"""The statistical NER's matrix products go through numpy's BLAS, not blis (a third of the CPU
time): the same entities, sentence for sentence, as with spaCy's default ops."""

from __future__ import annotations

import pytest
import spacy
from thinc.api import NumpyOps

from kg import nlp
from kg.nlp.cued_ner import CuedNER

SENTENCES = [
    "杭州市与黔东南州签订东西部协作协议,杭州市向黔东南州投入帮扶资金3000万元。",
    "广州市对口帮扶毕节市,广州某某电器有限公司捐建了一所希望小学。",
    "宁波市海曙区与延边州和龙市结对,双方在产业合作、劳务协作等方面开展交流。",
    "福建省援藏工作队在左贡县建设了人民医院住院楼项目,总投资1.2亿元。",
]


@pytest.fixture(scope="module")
def cued() -> CuedNER:
    component = nlp.load_pipeline().get_pipe("kg_cued_ner")
    assert isinstance(component, CuedNER)
    return component


def test_every_layer_uses_numpy_ops_without_blis(cued: CuedNER) -> None:
    for _, pipe in cued.ner_nlp.pipeline:
        for node in pipe.model.walk():
            assert isinstance(node.ops, NumpyOps) and not node.ops.use_blis


def test_same_entities_as_with_blis(cued: CuedNER) -> None:
    ours = [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in cued.ner_nlp.pipe(SENTENCES)]
    default = spacy.load(str(nlp.model_path()))  # spaCy's own ops (blis)
    theirs = [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in default.pipe(SENTENCES)]
    assert ours == theirs
    assert any(ours)  # the sentences do hold entities the NER finds
