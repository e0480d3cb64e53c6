"""The schema of each kind of rule row of the relate stage (see :mod:`kg.relate.schema`).

- a construction of ``relation_patterns.jsonl`` (:data:`PATTERN_ROW`), and a macro of that file
  (:data:`DEFINE_ROW`);
- each section of ``relation_lexicon.json`` (:data:`LEXICON_SPEC`);
- the recall net's ``pairing_cues.json`` (:data:`CUES_SPEC`);
- an example of a lexicon section, a row of ``lexicon_examples.jsonl`` (:data:`LEXICON_EXAMPLE_ROW`).

Every construction carries ``examples``: sentences we wrote, each with the relations it must give
(``gives``: type, donor, recipient and, for pairings, kind; names as the graph writes them), and
may carry ``counter_examples``: sentences that must give no relation of the construction's type.
``tests/relate/test_rule_examples.py`` runs them all through nlp → link → relate.

A lexicon section whose words drive a construction — a macro of the constructions names it
(``{@actions.*}``), a family's reading is made of it (funding, project), the recall net's cues, the
words of the linker that make a pair (粤桂协作, 苏锡常三市) or read a word that points back — has
examples too: rows of ``lexicon_examples.jsonl`` (``file``, ``section``, ``text``, ``gives``), the
same run by the same test (:data:`SECTIONS_WITH_EXAMPLES` says which sections must have one). The
other sections need none: they are guards and limits (org_guard, not_agent_before, negation's
kin, numbers, name endings) whose effect is a relation *not* given or a sentence cut elsewhere, a
word list no sentence can run by itself; the construction rows' counter-examples and the unit
tests of the module that reads them show what they do.
"""

from __future__ import annotations

from typing import Any

from kg.relate.schema import (
    Field,
    codes,
    flag,
    integer,
    integers,
    may,
    need,
    number,
    one_of,
    problems,
    regex,
    section,
    table,
    text,
    words,
)

RELATION_TYPES = ("pairing", "help", "funding", "project")
PAIRING_KINDS = ("east-west", "intra-province", "other")
LEVELS = ("province", "prefecture", "county", "town", "village")

GIVES_ROW = {
    "type": need(one_of(*RELATION_TYPES)),
    "donor": Field(lambda v: None if v is None or isinstance(v, str) and v else "must be a name or null"),
    "recipient": Field(lambda v: None if v is None or isinstance(v, str) and v else "must be a name or null"),
    "kind": may(one_of(*PAIRING_KINDS)),
}
EXAMPLE_ROW = {"text": need(text), "gives": need(lambda v: _rows(v, GIVES_ROW, empty=False))}


def _rows(value: Any, spec: dict[str, Field], empty: bool = True) -> str | None:
    if not isinstance(value, list) or (not empty and not value):
        return "must be a list" + ("" if empty else " of at least one row")
    for i, row in enumerate(value):
        for path, problem in problems(row, spec):
            return f"[{i}].{'.'.join(path)} {problem}"
    return None


def examples(value: Any) -> str | None:
    return _rows(value, EXAMPLE_ROW, empty=False)


PATTERN_ROW: dict[str, Field] = {
    "id": need(text),
    "type": need(one_of(*RELATION_TYPES)),
    "confidence": need(number(0.0, 1.0)),
    "partial_confidence": may(number(0.0, 1.0)),
    "regex": need(text),
    "direction": may(one_of("forward", "symmetric")),
    "levels": may(one_of("any", "comparable")),
    "donor_fallback": may(one_of("topic", "subject", "count")),
    "recipient_fallback": may(one_of("topic", "context", "subject")),
    "action": may(text),
    "pairs": may(one_of("cross", "chain", "items")),
    "decided_by": may(one_of("any", "sides", "east-sides")),
    "teams": may(flag),
    "note": may(text),
    "examples": need(examples),
    "counter_examples": may(words),
}

DEFINE_ROW: dict[str, Field] = {"define": need(text), "regex": need(text), "note": may(text)}


def word_lists(*keys: str) -> Field:
    """A required section of required word lists, one per key."""
    return section(**{key: need(words) for key in keys})


_WORDS = word_lists("words")

LEXICON_SPEC: dict[str, Field] = {
    "actions": table(words),
    "attributive_heads": _WORDS,
    "list_item_apposition": word_lists("heads"),
    "clause_opening_verbs": _WORDS,
    "aid_recipient_provinces": section(codes=need(codes)),
    "not_agent_before": word_lists(
        "words",
        "object_lead_verbs",
        "award_verbs",
        "attend_verbs",
        "ceremony_nouns",
        "receive_words",
        "source_before",
        "media_endings",
        "party_patterns",
        "media_not_endings",
        "source_after",
        "thanks_words",
        "giver_before",
        "copula_before",
        "speaker_roles",
        "member_role_after",
        "site_after",
        "visit_list_before",
        "built_object_before",
        "speech_verbs",
        "initiate_verbs",
        "convene_verbs",
        "own_people",
        "rallied_others",
        "causative_patterns",
        "named_helper_patterns",
        "causative_before",
        "aspect_particles",
        "thanks_prepositions",
    ),
    "not_subject_before": _WORDS,
    "introduced_enterprise": section(verbs=need(words), nouns_after=need(words)),
    "funding": section(
        **{
            key: need(words)
            for key in (
                "verbs_before",
                "nouns_after",
                "not_funding_after",
                "allocated_after",
                "receive_verbs",
                "purpose_markers",
                "fund_words",
                "fund_links",
                "level_change",
                "rate_markers",
                "each_words",
                "total_words",
                "source_words",
                "approximate_after",
                "approximate_before",
                "fund_adverbs",
                "leverage_words",
                "modifier_verbs",
                "partner_money",
                "place_verbs_before",
                "part_words",
                "own_government",
                "arrived_words",
                "aid_words",
                "deal_words",
                "own_money_words",
                "goods_value_words",
                "goods_verbs",
                "object_verbs",
                "goal_pronouns",
                "goal_markers",
                "not_goal_markers",
                "visit_markers",
                "cost_verbs_after",
                "range_openers",
                "counted_place_kinds",
                "count_holder_endings",
                "trade_words",
                "report_words",
                "receiving_institutions",
            )
        },
        aid_goals=table(codes),
    ),
    "recipient_markers": _WORDS,
    "group_modifiers": _WORDS,
    "project": section(
        **{
            key: need(words)
            for key in (
                "place_words",
                "builder_verbs",
                "building_verbs",
                "building_nouns",
                "venue_verbs",
                "renamed_town_suffixes",
            )
        },
        counted_after=need(regex),
        counted_before=need(regex),
        built_org_heads=need(words),
        built_org_verbs=need(words),
        built_org_after=need(regex),
        **{
            key: need(regex)
            for key in (
                "place_word_gap",
                "deictic_place",
                "builder_modifier",
                "giver_before",
                "building_before",
                "building_after",
                "people_after",
                "village_after_town",
            )
        },
        not_built=section(
            **{
                key: need(regex)
                for key in (
                    "heads",
                    "arrangement_head",
                    "numbered_term",
                    "predicate_before",
                    "role_before",
                    "role_after",
                    "addressed_before",
                    "aspiration_before",
                    "acting_after",
                    "partner_before",
                    "partner_after",
                    "apposition_dash",
                    "address_before",
                    "setting_before",
                    "kind_before",
                    "model_after",
                    "setting_after",
                    "policy_after",
                    "no_descriptor",
                    "programme_head",
                    "programme_works",
                    "programme_built_before",
                    "programme_built_after",
                )
            },
            **{key: need(words) for key in ("visit_verbs", "build_words")},
        ),
    ),
    "unresolved_place_levels": table(one_of(*LEVELS)),
    "origin_apposition": section(regex=need(regex)),
    "org_guard": section(
        quantity_start=need(regex),
        generic_names=need(words),
        place_named_heads=need(words),
        counter_start=need(regex),
        joiners_cut_off=need(words),
        list_marks=need(words),
        numeral_before=need(regex),
        collective_words=need(words),
        count_after=need(regex),
        kind_after=need(regex),
        levels_listed_before=need(regex),
        name_breaking_words=need(words),
        description_before=need(regex),
        aside_after=need(regex),
        trade_name_forms=section(forms=need(words)),
        local_institution=section(place_words=need(words), endings=need(words)),
        helped_institution=section(basic_endings=need(words), institution_subtypes=need(words)),
        common_word=section(
            min_frequency=need(integer),
            leading_verb_min_frequency=need(integer),
            proper_tags=need(words),
            idiom_tags=need(words),
            long_word_length=need(integer),
            lone_word_length=need(integer),
            common_tags=need(words),
            clause_tags=need(words),
            adverb_tags=need(words),
        ),
        clause_verbs=need(words),
        trailing_verbs=need(words),
        leading_words=need(words),
        place_endings=need(words),
        name_endings=need(words),
        person_after=section(roles=need(words), name_length=need(integers), not_name_chars=need(text)),
        person_endings=need(words),
        money_start=need(regex),
        quantity_inside=need(regex),
        quantity_before=need(regex),
        not_name_endings=need(words),
    ),
    "negation": _WORDS,
    "stationed_team": section(words=need(words), marker=need(text), verb_markers=need(words)),
    "clause_adverbs": _WORDS,
    "enumeration_labels": _WORDS,
    "pair_items": section(pair_joiners=need(words), item_separators=need(words)),
    "subordinate_list_joiners": _WORDS,
    "direction_steps": section(
        **{
            step: need(number(0.0, 1.0))
            for step in (
                "region",
                "official",
                "aid-programme",
                "article",
                "province-programme",
                "division-kind",
                "order",
            )
        }
    ),
    "help_without_recipient": section(factor=need(number(0.0, 1.0))),
    "helper_roles": _WORDS,
    "background_list": section(word=need(text)),
    "split_pairs": _WORDS,
    "agent_marker": _WORDS,
    "division_kind_rank": table(integer),
    "division_chars": section(chars=need(text)),
    "particles": section(
        attributive=need(text),
        place_list_joiners=need(words),
        fallback_pair_joiner=need(text),
        origin_markers=need(words),
    ),
    "address_gap": section(regex=need(regex)),
    "unlinked_below": section(regex=need(regex)),
}

CUES_SPEC: dict[str, Field] = {
    "cues": section(strong=need(words), weak=need(words)),
    "max_recipients": need(integer),
    "excluded_before": need(words),
    "receiving_before": need(words),
    "inner_receiver_before": need(words),
    "inner_receiver_not_before": need(words),
    "max_listed_givers": need(integer),
    "max_sentence_recipients": need(integer),
    "list_joiners": need(words),
    "market_heads": need(words),
    "market_city_suffix": need(text),
    "reporting_before": need(regex),
    "reporting_after": need(regex),
    "venue_before": need(regex),
    "venue_after": need(regex),
    "source_before": need(regex),
    "source_after": need(regex),
    "outlet_heads": need(words),
    "own_divisions_after": need(regex),
    "aid_team_heads": need(words),
    "team_name_dots": need(text),
    "site_brackets": need(words),
    "duty_before": need(regex),
    "duty_after": need(regex),
    "partner_nouns": need(words),
    "aid_abbreviation": section(before=need(regex), not_words=need(words)),
    "relation": section(id=need(text), confidence=need(number(0.0, 1.0))),
}

LEXICON_FILES = ("relation_lexicon.json", "pairing_cues.json", "link_words.json")

SECTIONS_WITH_EXAMPLES: dict[str, tuple[str, ...]] = {
    "relation_lexicon.json": (
        "actions",
        "attributive_heads",
        "list_item_apposition",
        "clause_adverbs",
        "enumeration_labels",
        "clause_opening_verbs",
        "introduced_enterprise",
        "not_subject_before",
        "stationed_team",
        "subordinate_list_joiners",
        "negation",
        "split_pairs",
        "funding",
        "project",
        "helper_roles",
    ),
    "pairing_cues.json": ("cues", "partner_nouns", "aid_abbreviation"),
    "link_words.json": ("programme", "joint_side", "place_anaphors", "org_anaphors", "quote_speaker"),
}

LEXICON_EXAMPLE_ROW: dict[str, Field] = {
    "file": need(one_of(*LEXICON_FILES)),
    "section": need(text),
    "text": need(text),
    "gives": need(lambda v: _rows(v, GIVES_ROW, empty=False)),
    "note": may(text),
}
