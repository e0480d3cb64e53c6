"""Relate stage: who helps whom — place pairings, organisation help, funds and projects.

``extract_relations(article, mentions)`` reads the LINKED mentions of one article and returns
its :class:`~kg.records.Relation` records, each with the sentence and the character span that
states it, the id of the construction that fired and a confidence.

How it reads a sentence
    The sentence is *encoded*: every mention becomes one token ``«P3»`` (P place, O organisation,
    J project, M money, D date, R person) and the text between mentions stays as it is. Places
    written one after the other where the second lies inside the first (江苏省苏州市, 昆山张浦镇,
    来宾市金秀县罗运村 with only the ends linked) become one token standing for the most specific
    place. A government body acts for the place named last in its name (锡北镇政府 → 锡北镇), else
    for its home place (海沧区委、区政府), and is encoded as a place token.

    One matcher then runs every construction of ``data/relation_patterns.jsonl`` over the
    encoded sentence. A construction is a regular expression over that encoding with macros
    (``{P}`` one place, ``{PL}`` a list of places, ``{OL}`` a list of organisations, ``{G}`` one
    character inside the clause, ``{ACT}`` any help action of ``data/relation_lexicon.json``…) and
    named groups for the roles (donor, recipient; a and b when the wording is symmetric). Word
    lists (actions, government suffixes, funding words) live in ``data/relation_lexicon.json``.
    Lists: a list is never read from its middle (a place right after "«…»、" or after 与 opens no
    list); a list of recipients ends before an item that opens the next clause (北京市帮扶内蒙古
    自治区、天津市帮扶甘肃省); a list closed by 等 may use commas; A与B、C与D pairs each 与.
    A clause without its subject (同时,还结对帮扶Z; 并与Z结成对子) takes the sentence's subject
    place, unless the article has that place on the receiving side.

Direction
    A forward construction says it (X对口帮扶Y; Y与东西部扶贫协作单位X). A symmetric one (X与Y结对,
    福清连城两地, 福清通渭东西部协作) is decided, in order, by: the official programme tables
    (``data/programmes``: only one direction agrees with a listed pair, 辽宁与江苏对口合作 → 江苏
    gives), region (the eastern side helps the western one), the national aid
    programmes (a place in Xinjiang or Tibet receives, 对口援疆/援藏), the article's own
    statements (the side that is a donor in this article's directed statements), the kind of
    the province's own programme (``data/intra_province_sides.csv``: Fujian's coastal cities
    help its mountain prefectures, southern Jiangsu helps northern Jiangsu, …), the kind of
    division (an urban district 区 or a county-level city 市 is, as a rule, richer than a 县 or
    a 旗; prefecture-level 市 richer than 州/盟/地区), and last the written order. Each later step
    lowers the confidence. Weak symmetric wordings (X与Y…合作, visits, 携手) are kept only when
    the first steps, from the places themselves, decide. One direction per pair in an article: where
    wordings disagree, the better evidenced one stays.

Helper organisations
    Only a name is an organisation (:func:`guarded_org`): phrases the NER took for one — common
    words (招商, 农业产业化), collective bodies (X市各级政府及社会各界), splinters cut inside a
    word (有|限公司), a line of business without a trade name (工程有限公司) — stay text. An
    organisation helps as the subject of a help action (A公司投资…; A、B等单位…,为该村安装…
    along its chain of clauses; 由A、B共同筹集), as the donor side of an agreement with another
    organisation (A与B签订购销协议: the side comes from the homes, else the region), as the 我们 of
    a quote it speaks, or as 该公司 pointing back to it. It does not help where it is a goal or an
    object (到/向/为A, 走访A, 邀请A), receives (A获得资金), thanks, reports (据A日报报道), or is
    based on the helped side (the recipient's own school or company).

No invention
    A list on both sides (北京、上海等9个东部省市与西部10个省区开展扶贫协作) states no pair unless
    it says 分别 with lists of equal length. Weak verbs (帮助, 携手, 到…捐资, 在…投资, 向…捐赠) make
    a pairing only between places of comparable level (both county level or above, or the same
    level); strong ones (对口帮扶, 与…结对, 签订帮扶协议) pair any levels (普陀区与白果坪村).

Funds and projects
    A sum goes from the nearest giver written before it to the nearest place marked as receiving
    (向, 为, 援助…) in its own clause; a place that obtains money (获得, 争取到) receives it. A place
    gives money to, or builds in, a place of another level only where the article pairs the two;
    a giver named with a recipient borrowed from another sentence must be its known partner; the
    article's donor is borrowed only for its own recipient or a place inside it. Otherwise the
    donor stays unknown: a relation between two places is a pairing for the graph's queries.

Modules
    ``rules`` the rule files (lexicon, constructions, macros) · ``text`` the encoded alphabet and
    clause punctuation · ``geo`` place identity and place facts · ``orgs`` which organisation
    mentions are names · ``encode`` a sentence as tokens (该村/该公司/我们 come from the linker
    as mentions of what they point to, :mod:`kg.link.anaphors`) · ``context`` the per-article
    state · ``candidates`` and ``pairings`` place pairings ·
    ``direction`` who gives in a symmetric wording · ``recall`` the cue net under the
    constructions · ``help``, ``funding``, ``projects`` the families that lean on the pairings
    (``fund_amounts`` which sums are funds, ``fund_goals`` the place a sum goes to,
    ``fund_parties`` givers and recipients past the
    nearest place: 分别/各, help teams, 进藏/援疆, a project's place) ·
    ``facts`` the records handed on · ``fund_features``, ``fund_readers`` and ``fund_learned``
    the learned fund readers (``fund-rows``, ``fund-sums``, ``fund-parties``: their candidates,
    features and readers; trained with ``kg learn``, run only where a model file ships).

Learned readers
    After the rules, each reader of :mod:`kg.learn` whose model file ships in ``data/models``
    scores its candidates (pairs of places, organisations and places, sums, project names) and
    adds what the rules missed or vetoes what they got wrong (``rule_context`` is the state it
    starts from, at training and at run time alike). ``help_reader`` is the helper-organisation
    reader (task ``helper-orgs``).
"""

from __future__ import annotations

from kg.learn.tasks import installed_readers
from kg.records import Article, Mention, Relation
from kg.relate.context import ArticleContext
from kg.relate.funding import read_funding
from kg.relate.help import read_help
from kg.relate.pairings import read_pairings
from kg.relate.projects import read_projects
from kg.relate.recall import add_cue_pairings

__all__ = ["extract_relations", "rule_context"]

ORDER = {"pairing": 0, "help": 1, "funding": 2, "project": 3}


def rule_context(article: Article, mentions: list[Mention]) -> ArticleContext:
    """The article's context after every rule family ran (what the learned readers start from)."""
    ctx = ArticleContext(article, mentions)
    read_pairings(ctx)
    add_cue_pairings(ctx)  # the recall net under the constructions
    read_help(ctx)
    read_projects(ctx)
    read_funding(ctx)  # after the projects: a sum for a named project goes to where it stands
    return ctx


def extract_relations(article: Article, mentions: list[Mention]) -> list[Relation]:
    """All relations the article states, in sentence order (pairings, help, funding, projects):
    the rules' reading, then each learned reader whose model ships (:mod:`kg.learn`)."""
    if not article.sentences:
        return []
    ctx = rule_context(article, mentions)
    for reader, model in installed_readers():
        reader.apply(ctx, model)
    return sorted(ctx.relations, key=lambda r: (r.sentence, ORDER[r.type], r.start))
