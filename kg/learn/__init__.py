"""Learned readers: small linear models over candidates, trained on annotated pages.

The relation rules (:mod:`kg.relate`) read the constructions they know; a learned reader scores
every *candidate* of its task (an ordered pair of places, an organisation and a place, a sum and
its parties, a span that may name a project) from features computed out of our own data —
the rules' verdict, levels, regions, the official tables, lexicon classes around the mentions —
and adds what the rules missed or vetoes what they got wrong.

Modules
    ``linear`` the model (logistic regression, its JSON file, cross-validation by set) ·
    ``gold`` gold files and the scorer's matching semantics, for labels · ``tasks`` the registry of
    readers and the loading of their model files (``kg/data/models/*.json``) · ``train`` the
    training run behind ``kg learn``.

A model file holds feature names and weights only (no page text), with what it was trained on and
its cross-validated figures, so a reader's provenance is in the repository.
"""
