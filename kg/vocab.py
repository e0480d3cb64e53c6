"""The graph's vocabularies as rdflib Namespace objects, and the IRIs of its resources.

Terms of our own live in ``SHANHAI`` (the ontology, ``ontology/shanhai.ttl``); the data's
resources live under ``ID``. Standard vocabularies are reused where they fit: PROV-O for
provenance, W3C ORG for organisations, WGS84 for coordinates, SKOS for labels and code
lists, Dublin Core terms for articles.

Resource IRIs are built only from what identifies a thing in the world, never from the
order of a build, so the same place, organisation or article gets the same IRI in every
build of every corpus:

* places by official code (``id/place/350181``); towns and villages, which have no code in
  our gazetteer, by their county's code plus their name (``id/place/320583/张浦镇``);
* organisations by canonical name, projects by name and place;
* articles by id plus a prefix of the sha256 of their normalised text;
* relation, evidence and link nodes by a hash of the IRIs and offsets that define them.

Names are percent-encoded (UTF-8) so that every IRI is plain ASCII and safe in every syntax.
"""

from __future__ import annotations

import hashlib
from urllib.parse import quote

from rdflib import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, Namespace, URIRef
from rdflib.namespace import ORG, DefinedNamespace

from kg.places import LEVELS, UPPER_LEVELS

BASE = "https://w3id.org/shanhai-kg/"


class SHANHAI(DefinedNamespace):
    """The shanhai ontology (``ontology/shanhai.ttl``): every term it declares, and no other — a
    misspelt term (``SHANHAI.donour``) is an AttributeError where it is written, not a silent new IRI."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # classes
    Party: URIRef  # anything that can help or be helped
    Place: URIRef
    Organisation: URIRef
    Enterprise: URIRef
    GovernmentBody: URIRef
    SocialOrganisation: URIRef
    School: URIRef
    Hospital: URIRef
    OtherOrganisation: URIRef
    Project: URIRef
    Article: URIRef
    Relation: URIRef
    Pairing: URIRef
    Help: URIRef
    Funding: URIRef
    ProjectSupport: URIRef
    Evidence: URIRef
    AssistanceLink: URIRef
    # the administrative levels (a SKOS concept scheme) and its concepts
    AdministrativeLevels: URIRef
    province: URIRef
    prefecture: URIRef
    county: URIRef
    town: URIRef
    village: URIRef
    # places
    adminCode: URIRef
    level: URIRef
    administrativeParent: URIRef
    inCounty: URIRef
    region: URIRef
    # organisations and projects
    basedIn: URIRef
    locatedIn: URIRef
    # relations
    donor: URIRef
    recipient: URIRef
    relationType: URIRef
    pairingKind: URIRef
    official: URIRef
    statesPairing: URIRef
    officialDonor: URIRef
    officialRecipient: URIRef
    amountYuan: URIRef
    purpose: URIRef
    action: URIRef
    project: URIRef
    pattern: URIRef
    confidence: URIRef
    # evidence and articles
    evidence: URIRef
    sentenceText: URIRef
    sentenceIndex: URIRef
    startOffset: URIRef
    endOffset: URIRef
    contentHash: URIRef
    # assistance links and their counts
    assists: URIRef
    aggregates: URIRef
    relationCount: URIRef
    articleCount: URIRef
    # the official programme tables (kg/data/programmes)
    Programme: URIRef
    OfficialPair: URIRef
    programme: URIRef
    agreesWith: URIRef
    period: URIRef


class GEO(DefinedNamespace):
    """WGS84 positions (rdflib's own ``WGS`` has the https form of this namespace, not the one in use)."""

    _NS = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
    _fail = True

    lat: URIRef
    long: URIRef


ID = Namespace(BASE + "id/")

# Prefixes written into graph.ttl and offered to queries (a query may still declare its own).
# Data IRIs (ID) stay written in full: their percent-encoded names make poor prefixed names.
PREFIXES: dict[str, Namespace | type[DefinedNamespace]] = {
    "shanhai": SHANHAI,
    "prov": PROV,
    "org": ORG,
    "geo": GEO,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
}

# Relation type (records.RelationType) -> the class of its relation node.
RELATION_CLASSES: dict[str, URIRef] = {
    "pairing": SHANHAI.Pairing,
    "help": SHANHAI.Help,
    "funding": SHANHAI.Funding,
    "project": SHANHAI.ProjectSupport,
}
# Organisation subtype (records.OrgSubtype) -> its subclass of shanhai:Organisation.
ORG_SUBTYPE_CLASSES: dict[str, URIRef] = {
    "enterprise": SHANHAI.Enterprise,
    "government": SHANHAI.GovernmentBody,
    "social": SHANHAI.SocialOrganisation,
    "school": SHANHAI.School,
    "hospital": SHANHAI.Hospital,
    "other": SHANHAI.OtherOrganisation,
}
# Administrative level (places.LEVELS) -> its concept in the shanhai:AdministrativeLevels scheme.
LEVEL_CONCEPTS: dict[str, URIRef] = {level: SHANHAI[level] for level in LEVELS}
CODED_LEVELS = UPPER_LEVELS  # the levels that carry an official code (kg.places)


def _key(text: str) -> str:
    return quote(text.strip(), safe="")


def digest(*parts: object, length: int = 16) -> str:
    """A short stable hash of ``parts`` for nodes that have no natural name."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:length]


def place_iri(name: str, code: str | None, level: str | None, county_code: str | None) -> URIRef | None:
    """A place by its code; towns and villages by county code plus name (None when neither is known)."""
    if level in CODED_LEVELS and code:
        return ID[f"place/{code}"]
    if county_code:
        return ID[f"place/{county_code}/{_key(name)}"]
    if code and level not in ("town", "village"):
        return ID[f"place/{code}"]
    return None


def org_iri(name: str) -> URIRef:
    return ID[f"org/{_key(name)}"]


def project_iri(name: str, place: URIRef | None = None) -> URIRef:
    """A project by its name and the place it stands in: a name alone (希望小学, 产业园) is no identity
    across articles, and one node must not gather the places of different projects."""
    if place is None:
        return ID[f"project/{_key(name)}"]
    return ID[f"project/{_key(name)}/{digest(place, length=12)}"]


def article_iri(article_id: str, content_hash: str) -> URIRef:
    return ID[f"article/{_key(article_id)}/{content_hash[:16]}"]


def relation_iri(relation_type: str, *parts: object) -> URIRef:
    return ID[f"relation/{relation_type}/{digest(relation_type, *parts)}"]


def evidence_iri(relation: URIRef) -> URIRef:
    return ID[f"evidence/{digest(relation)}"]


def link_iri(relation_type: str, donor: URIRef, recipient: URIRef) -> URIRef:
    return ID[f"link/{relation_type}/{digest(donor, recipient)}"]


def programme_iri(programme: str) -> URIRef:
    """A pairing programme of the official tables by its id (``id/programme/xinjiang``)."""
    return ID[f"programme/{_key(programme)}"]


def official_pair_iri(programme: str, donor_code: str, recipient_code: str) -> URIRef:
    """A row of the official tables: programme, donor code, recipient code."""
    return ID[f"official-pair/{_key(programme)}/{donor_code}-{recipient_code}"]
