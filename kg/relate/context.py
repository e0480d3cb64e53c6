"""The per-article context every family reads: the article, its sentences encoded once each
(the words that point back, 该村/该公司/我们, come from the linker as mentions of what they point
to: :mod:`kg.link.anaphors`), each sentence's subject place, the pairings found so far and the
relations found so far."""

from __future__ import annotations

from collections.abc import Sequence

from kg.link.organisations import is_government
from kg.places import UPPER_LEVELS, place_key, province_of
from kg.records import Article, Mention, Relation
from kg.relate.encode import Encoded, Slot, encode
from kg.relate.geo import code_within, is_resolved, related
from kg.relate.orgs import is_helped_institution, is_local_institution, origin_before, speaks_for
from kg.relate.rules import lexicon
from kg.relate.state import ArticleState
from kg.relate.subjects import item_of_list


def _topics(encoded: Sequence[Encoded]) -> list[Slot | None]:
    """Each sentence's subject place: its first place that is no item of a list a label opens
    (…方面:A、B), else the previous sentence's subject."""
    topics: list[Slot | None] = []
    carried: Slot | None = None
    for enc in encoded:
        first = next(
            (s for at, _, s in enc.slot_positions() if s.letter == "P" and not item_of_list(enc.text, at)),
            None,
        )
        carried = first or carried
        topics.append(carried)
    return topics


def _no_context_places(enc: Encoded) -> set[int]:
    """The ids of the place slots of a sentence that a later sentence's sum does not go to: those
    it enumerates (A、B、C三个县: joined by the enumeration comma, the first of
    ``particles.place_list_joiners``; a sum for them all is none's alone) and those it names as
    where people or things come from (村民从X县Y镇搬迁到此: ``particles.origin_markers`` right
    before a place, with the places of its address after it)."""
    particles = lexicon()["particles"]
    comma = particles["place_list_joiners"][0]
    origins = tuple(particles["origin_markers"])
    positions = [(start, end, slot) for start, end, slot in enc.slot_positions() if slot.letter in "PU"]
    skipped: set[int] = set()
    previous_end, origin = 0, False
    for start, end, slot in positions:
        between = enc.text[previous_end:start]
        origin = enc.text.endswith(origins, 0, start) or (origin and between == "")
        if origin:
            skipped.add(id(slot))
        previous_end = end
    for (_, end, first), (start, _, second) in zip(positions, positions[1:], strict=False):
        if enc.text[end:start] == comma:
            skipped.update((id(first), id(second)))
    return skipped


class ArticleContext:
    """One article as the families read it. Families add what they find with :meth:`add` and
    :meth:`note_pairing`; later families lean on the pairings noted before them."""

    def __init__(self, article: Article, mentions: Sequence[Mention]):
        self.article = article
        self.mentions: list[Mention] = list(mentions)  # as linked, for readers that look past the tokens
        self.places_by_code: dict[str, Mention] = {}
        for m in mentions:
            if m.label == "PLACE" and is_resolved(m) and m.code and m.level in UPPER_LEVELS:
                self.places_by_code.setdefault(m.code, m)
        by_sentence: dict[int, list[Mention]] = {}
        for m in mentions:
            if m.article_id == article.id and 0 <= m.sentence < len(article.sentences):
                by_sentence.setdefault(m.sentence, []).append(m)
        places_by_text: dict[str, Mention] = {}
        for m in mentions:
            if m.label == "PLACE" and is_resolved(m) and len(m.text) >= 2:
                places_by_text.setdefault(m.text, m)
                places_by_text.setdefault(m.name or m.text, m)
        self.encoded: list[Encoded] = [
            encode(article, i, by_sentence.get(i, []), self.places_by_code, places_by_text)
            for i in range(len(article.sentences))
        ]
        self.topics = _topics(self.encoded)
        self.state = ArticleState()
        self.relations: list[Relation] = []

    def add(self, relation: Relation) -> None:
        """A relation found by a family."""
        self.relations.append(relation)

    def note_pairing(self, donor: Mention, recipient: Mention, confidence: float, sentence: int) -> None:
        """A pairing the later readings may lean on."""
        self.state.pairings.append((donor, recipient, confidence, sentence))

    def eligible_recipient(self, place: Mention, donor_home: str | None = None) -> bool:
        """Not a donor of this article, and not the helping organisation's own home (a village
        inside the org's home county may still receive)."""
        if self.state.is_donor_side(place):
            return False
        return not (donor_home and place.level in UPPER_LEVELS and code_within(donor_home, place))

    def context_recipient(self, index: int, sole: bool = False, own: bool = True) -> Mention | None:
        """The recipient that a sentence without one leans on: its pairings (not with ``own``
        False), the previous sentence's places (not those it enumerates or names as an origin),
        the subject, the article's main recipient (``sole``: only when the article helps one
        place, or places inside it — of two partners neither is meant)."""
        here = self.state.in_sentence(index) if own else []
        if here:
            return here[0][1]
        if index > 0:
            previous = self.encoded[index - 1]
            skipped = _no_context_places(previous)
            for slot in reversed(previous.slots):
                # a one-character abbreviation (苏 and 陕 of “苏陕扶贫协作”) names a programme
                if len(slot.mention.text) < 2 and not slot.government:
                    continue
                if id(slot) in skipped:
                    continue  # 帮扶的A、B、C三个县…。累计投入N; 村民从X镇搬迁到此…。投入N
                if slot.letter in "PU" and slot.place and self.eligible_recipient(slot.place):
                    if self.state.pairings and not self.state.is_recipient_side(slot.place):
                        continue
                    return slot.place
        topic = self.topics[index]
        if topic and topic.place and self.state.is_recipient_side(topic.place):
            return topic.place
        main = self.state.main(1)
        if sole and main is not None and any(not related(r, main) for _, r, _, _ in self.state.pairings):
            return None
        return main

    def helper_org(self, slot: Slot, recipient: Mention | None, signs: bool = False) -> bool:
        """Whether the organisation can be a helper; ``signs``: the wording makes it a party that
        signs with the place (an outlet reports, but a platform named X网 that signs is a party)."""
        org = slot.mention
        if slot.government or is_government(org):
            return False
        if (org.name or org.text).endswith(tuple(lexicon()["stationed_team"]["words"])):
            return False  # X区扶贫工作队: a team acts for the place that sends it, as its organs do
        if org.subtype != "enterprise" and speaks_for(self.article.text[slot.end : slot.end + 16]):
            # 某工商联副主席李某介绍: a federation's officer reports its members' work; a company's
            # officer speaks of the company's own
            return False
        if self._origin_on_donor_side(slot):
            return True  # 闽籍企业X: an enterprise of the giving province, wherever it is registered
        if recipient is not None and code_within(org.home_code, recipient):
            return False  # the recipient's own organisation (积石山县人民政府, 碧江经开区)
        media = lexicon()["not_agent_before"]
        name = org.name or org.text
        if (
            not signs
            and name.endswith(tuple(media["media_endings"]))
            and not name.endswith(tuple(media["media_not_endings"]))
        ):
            return False  # an outlet (日报, 华龙网) reports the help, it does not give it
        side = self.org_side(org)
        if side < 0:
            return False  # based on the helped side (甘肃某某公司 in an article of 天津 helping 甘肃)
        if side == 0 and is_local_institution(org):
            return False  # X村幼儿园: an institution of the place it stands in receives
        if side <= 0 and is_helped_institution(org) and not self._province_body_of_pairings(org):
            return False  # 某县第四中学, 宁夏某侨联: the helped side's school or body
        return not self.state.recipient_codes_contain(org.home_code)

    def _province_body_of_pairings(self, org: Mention) -> bool:
        """Whether the organisation is a province's own body (贵州省某商会) in an article whose
        pairings all lie inside that province (贵阳市某区 helping 某县 of 贵州): it stands above both
        sides, as the province that organises the help, no helped side's body."""
        home = org.home_code or ""
        if not home.endswith("0000") or not self.state.pairings:
            return False
        return all(
            (province_of(d) or "")[:2] == home[:2] == (province_of(r) or "")[:2]
            for d, r, _, _ in self.state.pairings
        )

    def _origin_on_donor_side(self, slot: Slot) -> bool:
        """Whether the apposition before the organisation names the giving province as its
        origin (闽籍企业X, 浙籍企业X: ``origin_apposition`` in the lexicon)."""
        found = origin_before(self.article.text[max(0, slot.start - 8) : slot.start])
        if found is None or not self.state.pairings:
            return False
        donors = {(province_of(d) or "")[:2] for d, _, _, _ in self.state.pairings}
        recipients = {(province_of(r) or "")[:2] for _, r, _, _ in self.state.pairings}
        return found[:2] in donors and found[:2] not in recipients

    def org_side(self, org: Mention) -> int:
        """+1 when the organisation's home lies on the article's donor side, -1 on its recipient
        side, 0 when its home is unknown or on both: inside a pairing's place first, else in
        its province."""
        home = org.home_code
        if not home or not self.state.pairings:
            return 0
        donors = [d for d, _, _, _ in self.state.pairings]
        recipients = [r for _, r, _, _ in self.state.pairings]
        inside_donor = any(code_within(home, d) for d in donors)
        inside_recipient = any(code_within(home, r) for r in recipients)
        if inside_donor != inside_recipient:
            return 1 if inside_donor else -1
        donor_provinces = {(province_of(d) or "")[:2] for d in donors}
        recipient_provinces = {(province_of(r) or "")[:2] for r in recipients}
        in_donor, in_recipient = home[:2] in donor_provinces, home[:2] in recipient_provinces
        if in_donor != in_recipient:
            return 1 if in_donor else -1
        return 0

    def partners(self, donor: Mention, recipient: Mention) -> bool:
        """Whether the article pairs the two places, or places around or inside them."""
        return any(related(d, donor) and related(r, recipient) for d, r, _, _ in self.state.pairings)

    def paired(self, donor: Mention, recipient: Mention) -> bool:
        """Whether the article states a pairing of exactly these two places."""
        return any(
            place_key(d) == place_key(donor) and place_key(r) == place_key(recipient)
            for d, r, _, _ in self.state.pairings
        )
