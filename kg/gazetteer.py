"""China's administrative divisions, five levels deep, as a name index for the nlp and link stages.

Sources are read from installed packages, never downloaded:

* jionlp's ``dictionary/china_location.zip``: a tab-indented tree (depth = level), lines
  ``name<TAB>code<TAB>short`` for provinces, prefectures and counties, bare names for towns
  (镇/乡/街道, depth 3) and villages (村/社区, depth 4). Pseudo nodes ``省直辖行政区划`` (a
  province's directly administered county-level cities) and ``市直辖行政区划`` (towns directly
  under a prefecture such as 东莞市) are dropped and their children hang on the real parent.
* jionlp's ``dictionary/china_location_change.txt``: renamed divisions (襄樊→襄阳, 盘县→盘州市);
  the old names become ``former`` names of the current division.
* cpca's ``resources/adcodes.csv``: longitude/latitude by code for the upper three levels.
* ``kg/data/place_formers.csv``: merged or renamed divisions the change list lacks (江东区 → 鄞州区);
  by rule every district keeps the county or city it was made of (金坛市 → 金坛区), every county-level
  city its county (玉树县, 文山县 → 文山市) and every prefecture-level city its 地区 or 盟 (毕节地区).
* ``kg/data/corps_divisions.csv`` (:mod:`kg.corps`): the 师 of 新疆生产建设兵团 as the cities they are
  one with (第一师 → 阿拉尔市); its 团场 as towns without the corps' prefix (奇台农场, 126团).

Everything at county level and above gets a Division keyed by its 6-digit code; towns are
keyed ``county_code/town`` and carry their county's code and coordinates. Villages (≈650k)
are parsed lazily per county, on first use, from the raw tree kept in memory.

Aliases derived by rule (``kg/data/place_aliases.csv`` adds the ones no rule gives, and
``kg/data/functional_areas.csv`` the new areas and development zones, as aliases of their host:
青岛西海岸新区 → 黄岛区, 天津经开区 → 滨海新区):
ethnic autonomous names lose their nationalities (临夏回族自治州→临夏州,
积石山保安族东乡族撒拉族自治县→积石山县, 瓦屋侗族乡→瓦屋乡), also keeping 自治 (沿河自治县);
short names come from jionlp's column (福清市→福清); towns also get their stem (张浦镇→张浦)
for use inside a county only.
"""

from __future__ import annotations

import importlib.util
import re
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from kg import collector
from kg.bounded import Recent
from kg.corps import corps_division_names, corps_unit_aliases, corps_unit_name
from kg.functional_areas import functional_area_names
from kg.gazetteer_cache import Parsed, kept_parse
from kg.io import csv_rows, data_rows
from kg.jieba_dict import jieba_words
from kg.places import LEVELS, PROVINCE_AND_PREFECTURE, Candidate, Division

PSEUDO_NODES = frozenset({"市直辖行政区划", "省直辖行政区划"})
# Name kinds, best first: an official name beats a rule alias beats a short name beats a former name.
KIND_RANK = {"name": 0, "alias": 1, "short": 2, "former": 3}
TOWN_SUFFIXES = ("街道办事处", "街道", "镇", "乡", "苏木")
VILLAGE_SUFFIXES = ("村民委员会", "居民委员会", "村委会", "居委会", "社区", "村")


def _package_dir(name: str) -> Path:
    """Directory of an installed package, found without importing it (jionlp imports slowly)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"package {name!r} is not installed; `pip install {name}`")
    return Path(list(spec.submodule_search_locations)[0])


def _ethnic_pattern(nations: Iterable[str]) -> re.Pattern[str]:
    """Matches stem + nationalities + suffix: 积石山|保安族东乡族撒拉族|自治县, 伊犁|哈萨克|自治州."""
    names: set[str] = set()
    for nation in nations:
        nation = nation.strip()
        if not nation:
            continue
        names.add(nation)
        if nation.endswith("族") and len(nation) > 2:
            names.add(nation[:-1])  # 哈萨克自治州, 蒙古自治州
    alternation = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    return re.compile(rf"^(.{{2,}}?)(?:{alternation}|民族)+(自治州|自治县|自治旗|乡|镇|苏木)$")


@cache
def _nations() -> tuple[str, ...]:
    text = (_package_dir("cpca") / "resources" / "56_nations.csv").read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def ethnic_alias(name: str) -> str | None:
    """Common form of an ethnic autonomous name: 临夏回族自治州→临夏州, 瓦屋侗族乡→瓦屋乡."""
    match = _ethnic_regex().match(name)
    if not match:
        return None
    stem, suffix = match.groups()
    return stem + {"自治州": "州", "自治县": "县", "自治旗": "旗"}.get(suffix, suffix)


def autonomous_alias(name: str) -> str | None:
    """An autonomous county, prefecture or banner without its nationalities but still called
    autonomous: 沿河土家族自治县 → 沿河自治县, 临夏回族自治州 → 临夏自治州."""
    match = _ethnic_regex().match(name)
    if not match or match.group(2) not in ("自治州", "自治县", "自治旗"):
        return None
    return match.group(1) + match.group(2)


@cache
def _ethnic_regex() -> re.Pattern[str]:
    return _ethnic_pattern(_nations())


def without_county_prefix(town: str, county: str) -> str:
    """Some towns are listed under their county's name (红寺堡区红寺堡镇, 化德县七号镇): their
    own name is what follows it, when that is a name of three characters or more."""
    if town.startswith(county) and len(town) - len(county) >= 3:
        return town[len(county) :]
    return town


def strip_suffix(name: str, suffixes: Iterable[str]) -> str | None:
    """The stem of a town or village name (张浦镇→张浦) when at least two characters remain."""
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return None


class Gazetteer:
    """Name index over all divisions. Build with :func:`load_gazetteer` (cached per process)."""

    def __init__(
        self,
        divisions: dict[str, Division],
        towns: list[Division],
        village_text: str,
        village_spans: dict[str, list[tuple[str, int, int]]],
        short_overrides: dict[str, str],
    ) -> None:
        self.divisions = divisions  # code -> Division (province, prefecture, county)
        self.towns = towns
        self._village_text = village_text
        self._village_spans = village_spans  # county code -> [(town name, start, end)]
        # a county's villages parsed at first use; the recent counties kept (kg.bounded)
        self._villages: Recent[str, dict[str, list[Division]]] = Recent()
        self._short_overrides = short_overrides
        self._towns_by_county: dict[str, list[Division]] = defaultdict(list)
        self._index: dict[str, list[Candidate]] = defaultdict(list)
        self._slot: dict[tuple[str, str], int] = {}  # (surface, division key) -> its place in _index
        self._children: dict[str, list[Division]] = defaultdict(list)
        for division in divisions.values():
            if division.parents:
                self._children[division.parents[-1]].append(division)
            self._add(division.name, division, "name")
            for alias in division.aliases:
                self._add(alias, division, "alias")
            if division.short:
                self._add(division.short, division, "short")
            for former in division.formers:
                self._add(former, division, "former")
        for town in towns:
            assert town.county_code is not None
            self._towns_by_county[town.county_code].append(town)
            self._add(town.name, town, "name")
            for alias in town.aliases:
                self._add(alias, town, "alias")
            if town.short:
                self._add(town.short, town, "short")
        self.max_name_length = max(map(len, self._index))
        names = sorted((name for name in self._index if len(name) >= 2), key=len)  # see matches_at
        self._heads = {name[:2]: len(name) for name in names}  # first two characters → longest name
        # the same for the names of a province or a prefecture (a chain's first name: name_starts),
        # from those divisions' own names (every name of theirs in the index is one of these)
        self._upper_heads = frozenset(
            surface[:2]
            for division in divisions.values()
            if division.level in PROVINCE_AND_PREFECTURE
            for surface in (division.name, *division.aliases, division.short, *division.formers)
            if surface and len(surface) >= 2
        )
        del self._slot  # only needed while the index is built

    def _add(self, surface: str, division: Division, kind: str) -> None:
        """One candidate per (surface, division), of its best kind. The slot table keeps this
        linear: a town name such as 城关镇 is shared by hundreds of towns."""
        entries = self._index[surface]
        i = self._slot.get((surface, division.key))
        if i is None:
            self._slot[(surface, division.key)] = len(entries)
            entries.append(Candidate(division, kind))
        elif KIND_RANK[kind] < KIND_RANK[entries[i].kind]:
            entries[i] = Candidate(division, kind)

    # --- lookups -------------------------------------------------------------------------
    def lookup(self, surface: str) -> list[Candidate]:
        """Divisions (province … town) that ``surface`` names exactly: name, alias, short or former."""
        return list(self._index.get(surface, ()))

    def get(self, code: str) -> Division | None:
        """The division (county level and above) with this 6-digit code."""
        return self.divisions.get(code)

    def children(self, code: str) -> list[Division]:
        """Direct children at county level and above (a province's prefectures, …)."""
        return list(self._children.get(code, ()))

    def towns_of(self, county_code: str) -> list[Division]:
        """Towns (镇/乡/街道) directly under a county (or a 东莞-like prefecture)."""
        return list(self._towns_by_county.get(county_code, ()))

    def town_in(self, county_code: str, surface: str) -> Division | None:
        """The town of ``county_code`` named ``surface`` by its full name, ethnic alias or stem."""
        best: tuple[int, Division] | None = None
        for candidate in self._index.get(surface, ()):
            town = candidate.division
            if town.level == "town" and town.county_code == county_code:
                rank = KIND_RANK[candidate.kind]
                if best is None or rank < best[0]:
                    best = (rank, town)
        return best[1] if best else None

    def villages_of(self, county_code: str) -> dict[str, list[Division]]:
        """Villages of a county by name and stem (七桥村 and 七桥), parsed on first use."""
        if county_code not in self._villages:
            self._villages[county_code] = self._parse_villages(county_code)
        return self._villages[county_code]

    def village_in(self, county_code: str, surface: str, town: str | None = None) -> list[Division]:
        """Villages of ``county_code`` named ``surface`` (within ``town`` when given)."""
        found = self.villages_of(county_code).get(surface, [])
        if town is not None:
            found = [v for v in found if v.town == town]
        return list(found)

    def _parse_villages(self, county_code: str) -> dict[str, list[Division]]:
        county = self.divisions.get(county_code)
        if county is None:
            return {}
        parents = (*county.parents, county_code)
        index: dict[str, list[Division]] = defaultdict(list)
        for town_name, start, end in self._village_spans.get(county_code, ()):
            for line in self._village_text[start:end].split("\n"):
                name = line.strip()
                if not name:
                    continue
                village = Division(
                    key=f"{county_code}/{town_name}/{name}",
                    name=name,
                    level="village",
                    code=None,
                    county_code=county_code,
                    parents=parents,
                    province_code=county.province_code,
                    lon=county.lon,
                    lat=county.lat,
                    short=strip_suffix(name, VILLAGE_SUFFIXES),
                    town=town_name,
                )
                index[name].append(village)
                if village.short and village.short != name:
                    index[village.short].append(village)
        return dict(index)

    def name_starts(self, text: str, upper: bool = False) -> list[int]:
        """The positions of ``text`` where ``matches_at`` may find a name (elsewhere it finds none);
        ``upper``: a name of a province or a prefecture (elsewhere ``matches_at`` finds none of
        those: a text's two-character runs that start a town's name are most of its positions)."""
        heads = self._upper_heads if upper else self._heads
        return [i for i in range(len(text) - 1) if text[i : i + 2] in heads]

    def matches_at(self, text: str, start: int = 0) -> Iterator[tuple[int, list[Candidate]]]:
        """Every indexed name starting at ``text[start]``, longest first, as (end, candidates)."""
        longest = self._heads.get(text[start : start + 2], 0)  # 0: no name starts here (one lookup)
        for end in range(start + min(longest, len(text) - start), start + 1, -1):  # none longer
            found = self._index.get(text[start:end])
            if found:
                yield end, list(found)

    # --- for the nlp stage ---------------------------------------------------------------
    def surface_forms(self) -> Iterator[tuple[str, str]]:
        """(surface, level) pairs, each once, for an entity ruler: official names, aliases, useful
        short and former names of provinces, prefectures and counties; towns by full name and alias.
        Left out, as a ruler matches them everywhere: one-character names, town stems (张浦: see
        :meth:`town_in`), two-character or common-word town names (苗圃), county short names that
        are common words (和平, 比如: :func:`is_common_word`) or shared by several counties (鼓楼),
        zones' short names (新区), common-word county names (城区), town names without a town suffix
        that several counties share (工业园区). ``place_short_overrides.csv`` corrects the rule."""
        seen: set[tuple[str, str]] = set()
        for surface, candidates in self._index.items():
            for candidate in candidates:
                level = candidate.division.level
                if not self._useful_surface(surface, candidate):
                    continue
                pair = (surface, level)
                if pair not in seen:
                    seen.add(pair)
                    yield pair

    def _useful_surface(self, surface: str, candidate: Candidate) -> bool:
        level, kind = candidate.division.level, candidate.kind
        if len(surface) < 2:
            return False
        if level == "town":
            if kind == "short" or len(surface) < 3 or is_common_word(surface, 100):
                return False
            if not surface.endswith(TOWN_SUFFIXES):  # 工业园区, 旅游度假区 in many counties: generic
                return sum(1 for c in self._index[surface] if c.division.level == "town") < 2
            return True
        override = self._short_overrides.get(surface)
        if override is not None:
            return override == "keep"
        if level != "county":
            return True  # province and prefecture names: 宁夏, 福州, 临夏
        if kind != "short":
            return not is_common_word(surface, COMMON_WORD_MIN_FREQ)  # 城区, 郊区, 矿区
        if is_development_zone(candidate.division.code):
            return False  # 新区, 产业园, 高新区: the zones' short names are generic
        sharing = sum(1 for c in self._index[surface] if c.kind == "short" and c.division.level == "county")
        if sharing >= AMBIGUOUS_SHORT_MIN_COUNTIES:
            return False
        return not is_common_word(surface, COMMON_WORD_MIN_FREQ)


# A county short name is left out of the surface forms when jieba counts it at least this often
# (any tag; jieba's tags are unreliable for place names: 合肥 n, 大连 d), or this often with a
# place tag: 江南, 长安 and 古城 mostly mean something wider than the county.
COMMON_WORD_MIN_FREQ = 300
COMMON_PLACE_WORD_MIN_FREQ = 1000
AMBIGUOUS_SHORT_MIN_COUNTIES = 3


def is_development_zone(code: str | None) -> bool:
    """Development zones carry statistical county codes ending 71–79 (341371 宿州马鞍山现代产业园区)."""
    return bool(code) and code[4] == "7" and code[5] != "0"  # type: ignore[index]


def is_common_word(word: str, min_freq: int) -> bool:
    freq, tag = jieba_words().get(word, (0, ""))
    return freq >= (
        COMMON_PLACE_WORD_MIN_FREQ
        if tag.startswith("ns") and min_freq < COMMON_PLACE_WORD_MIN_FREQ
        else min_freq
    )


# --- loading ---------------------------------------------------------------------------------
_LINE = re.compile(r"^(\t{0,3})([^\t\r\n]+)(?:\t(\d*)\t([^\t\r\n]*))?\r?$", re.M)


def _read_tree_text() -> str:
    path = _package_dir("jionlp") / "dictionary" / "china_location.zip"
    with zipfile.ZipFile(path) as archive:
        name = archive.namelist()[0]
        return archive.read(name).decode("utf-8").replace("\r\n", "\n")


def _read_coordinates() -> dict[str, tuple[float, float]]:
    text = (_package_dir("cpca") / "resources" / "adcodes.csv").read_text(encoding="utf-8")
    coords: dict[str, tuple[float, float]] = {}
    for row in csv_rows(text):
        try:
            coords[row["adcode"][:6]] = (float(row["longitude"]), float(row["latitude"]))
        except (KeyError, ValueError):
            continue
    return coords


def _read_changes() -> list[tuple[list[str], list[str]]]:
    """(old chain, new chain) of names, e.g. (['湖北省','湖北','襄樊市','襄樊'], ['湖北省','襄阳市'])."""
    path = _package_dir("jionlp") / "dictionary" / "china_location_change.txt"
    changes = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if "=>" not in line:
            continue
        old, new = line.split("=>", 1)
        old_parts = old.split("\t")[2:]
        new_parts = [p for p in new.split("\t") if p]
        changes.append((old_parts, new_parts))
    return changes


@cache
def current_codes() -> dict[str, str]:  # jionlp's codes of divisions that have a new one
    return {row["old"].strip(): row["new"].strip() for row in data_rows("place_codes.csv")}


@dataclass
class _Node:
    name: str
    code: str
    short: str | None
    level: str
    parents: tuple[str, ...]
    coords: list[tuple[float, float]] = field(default_factory=list)


_Tree = tuple[dict[str, _Node], list[tuple[str, str]], dict[str, list[tuple[str, int, int]]]]


def _parse_tree(text: str) -> _Tree:
    """jionlp's tree: the nodes of county level and above by code, the towns as (name, county
    code), and by county code the text spans (town, start, end) that hold each town's villages."""
    nodes: dict[str, _Node] = {}
    town_rows: list[tuple[str, str]] = []  # (town name, county code)
    village_spans: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    stack: list[str | None] = [None, None, None]  # code at province, prefecture, county depth
    open_town: tuple[str, str, int] | None = None  # (county code, town name, text offset)

    def close_town(end: int) -> None:
        if open_town is not None:
            county_code, town_name, start = open_town
            if end > start:
                village_spans[county_code].append((town_name, start, end))

    for match in _LINE.finditer(text):
        depth = len(match.group(1))
        name, code, short = match.group(2).strip(), match.group(3), match.group(4)
        close_town(match.start())
        open_town = None
        if depth <= 2:
            _add_node(nodes, stack, depth, name, code, short)
            continue
        county = stack[2] or stack[1]  # a town
        if county is None:
            continue
        name = without_county_prefix(corps_unit_name(name), nodes[county].name)
        town_rows.append((name, county))
        open_town = (county, name, match.end() + 1)
    close_town(len(text))
    return nodes, town_rows, dict(village_spans)


def _add_node(
    nodes: dict[str, _Node],
    stack: list[str | None],
    depth: int,
    name: str,
    code: str | None,
    short: str | None,
) -> None:
    """A province, prefecture or county line of the tree; ``stack`` holds the codes above it."""
    del stack[depth:]
    stack.extend([None] * (3 - len(stack)))
    code = current_codes().get(code or "", code)
    if name in PSEUDO_NODES or not code or len(code) != 6:
        stack[depth] = stack[depth - 1] if depth else None
        return
    parents = tuple(dict.fromkeys(c for c in stack[:depth] if c))
    if parents and parents[-1] == code:
        return  # 北京市 under 北京市: the municipality is its own prefecture
    if code in parents or code in nodes:
        stack[depth] = None  # Hong Kong's districts all carry 810000: no code of their own
        return
    nodes[code] = _Node(name, code, (short or "").strip() or None, LEVELS[depth], parents)
    stack[depth] = code


def _points(nodes: dict[str, _Node]) -> dict[str, tuple[float | None, float | None]]:
    """Coordinates by code: cpca where it has the code, else the mean of the children, else the parent's."""
    coords = _read_coordinates()
    for code, node in nodes.items():
        if code in coords:
            node.coords = [coords[code]]
    for level in ("county", "prefecture", "province"):
        for node in nodes.values():
            if node.level == level and node.coords and node.parents:
                parent = nodes.get(node.parents[-1])
                if parent is not None and parent.code not in coords:
                    parent.coords.append(node.coords[0])

    def point(node: _Node | None) -> tuple[float | None, float | None]:
        while node is not None:
            if node.coords:
                lon = sum(c[0] for c in node.coords) / len(node.coords)
                lat = sum(c[1] for c in node.coords) / len(node.coords)
                return round(lon, 6), round(lat, 6)
            node = nodes.get(node.parents[-1]) if node.parents else None
        return None, None

    return {code: point(node) for code, node in nodes.items()}


def _aliases(node: _Node, extra: Sequence[str]) -> list[str]:
    """A division's aliases: by rule (ethnic and autonomous forms), jionlp's short column where it
    holds a full name, and the tables' (place_aliases.csv, functional_areas.csv)."""
    aliases = []
    rule_alias = ethnic_alias(node.name)
    if rule_alias:
        aliases.append(rule_alias)
    autonomous = autonomous_alias(node.name)
    if autonomous:
        aliases.append(autonomous)
    if node.short and "自治" in node.name and node.short.endswith(("县", "州", "旗")):
        aliases.append(node.short)  # jionlp's short column holds 东乡县 for 东乡族自治县
    aliases.extend(extra)
    return aliases


def _divisions(nodes: dict[str, _Node]) -> dict[str, Division]:
    """Every division of county level and above, with its names and coordinates."""
    points = _points(nodes)
    formers = _former_names(nodes)
    extra_aliases: dict[str, list[str]] = defaultdict(list)
    for row in data_rows("place_aliases.csv"):
        extra_aliases[row["code"].strip()].append(row["alias"].strip())
    for host, names in functional_area_names().items():
        extra_aliases[host].extend(names)
    for code, names in corps_division_names().items():
        extra_aliases[code].extend(names)
    divisions: dict[str, Division] = {}
    for code, node in nodes.items():
        aliases = _aliases(node, extra_aliases.get(code, ()))
        short = node.short if node.short and node.short not in aliases and node.short != node.name else None
        lon, lat = points[code]
        divisions[code] = Division(
            key=code,
            name=node.name,
            level=node.level,
            code=code,
            county_code=None,
            parents=node.parents,
            province_code=(node.parents[0] if node.parents else code),
            lon=lon,
            lat=lat,
            short=short,
            aliases=tuple(dict.fromkeys(a for a in aliases if a != node.name)),
            formers=tuple(formers.get(code, ())),
        )
    return divisions


def _towns(town_rows: Sequence[tuple[str, str]], divisions: dict[str, Division]) -> list[Division]:
    """The towns, under their counties, with their stems as short names (张浦镇 → 张浦)."""
    towns: list[Division] = []
    for name, county_code in town_rows:
        county = divisions[county_code]
        alias = ethnic_alias(name)
        corps = corps_unit_aliases(name)
        towns.append(
            Division(
                key=f"{county_code}/{name}",
                name=name,
                level="town",
                code=None,
                county_code=county_code,
                parents=(*county.parents, county_code),
                province_code=county.province_code,
                lon=county.lon,
                lat=county.lat,
                short=strip_suffix(alias or name, TOWN_SUFFIXES),
                aliases=((alias,) if alias else ()) + corps,
            )
        )
    return towns


def _parse() -> Parsed:
    nodes, town_rows, village_spans = _parse_tree(_read_tree_text())
    divisions = _divisions(nodes)
    overrides = {
        row["surface"].strip(): row["action"].strip() for row in data_rows("place_short_overrides.csv")
    }
    return divisions, _towns(town_rows, divisions), village_spans, overrides


def build_gazetteer(parsed: Parsed | None = None) -> Gazetteer:
    """A Gazetteer of the packaged sources as parsed (about a second), or of ``parsed``."""
    divisions, towns, village_spans, overrides = parsed or _parse()
    return Gazetteer(divisions, towns, _read_tree_text(), village_spans, overrides)


def _add_former(result: dict[str, list[str]], target: _Node, former: str | None, official: set[str]) -> None:
    """Keep ``former`` as a former name of ``target`` unless it is some division's official name,
    too short, the target's short name or already kept."""
    if former and former not in official and len(former) >= 2 and former != target.short:
        if former not in result[target.code]:
            result[target.code].append(former)


def _former_names(nodes: dict[str, _Node]) -> dict[str, list[str]]:
    """Old names from jionlp's change list, attached to the division now holding the new name; not
    one that is still some division's official name (城区, 矿区): it means something else."""
    by_name: dict[str, list[_Node]] = defaultdict(list)
    for node in nodes.values():
        by_name[node.name].append(node)
    official = set(by_name)
    shorts = {node.short for node in nodes.values() if node.short}
    result: dict[str, list[str]] = defaultdict(list)
    for old, new in _read_changes():
        if len(old) < 2 or not new:
            continue
        old_name, old_short = old[-2], old[-1]
        # the division of the new name whose chain starts in the new name's province
        target = next((n for n in by_name.get(new[-1], ()) if _top_name(n, nodes) == new[0]), None)
        if target is None or old_name == target.name:
            continue
        for former in (old_name, old_short):
            _add_former(result, target, former, official)
    _made_from_formers(nodes, official, result)
    # Merged or renamed divisions the change list lacks (江东区 → 鄞州区): the old name and its stem.
    for row in data_rows("place_formers.csv"):
        listed = nodes.get(row["code"].strip())
        old_name = row["former"].strip()
        if listed is None:
            continue
        stem = strip_suffix(old_name, ("区", "县", "市"))
        # 江东 is kept for 江东区; 林芝 is not kept for 林芝县 (→ 巴宜区): it is 林芝市's short name
        for former in (old_name, stem if stem not in shorts else None):
            _add_former(result, listed, former, official)
    return result


def _top_name(node: _Node, nodes: dict[str, _Node]) -> str:
    """The name at the top of a node's chain (its province's, or its own for a province)."""
    return next((nodes[p].name for p in node.parents if p in nodes), node.name)


# What a division ending so was most often made from, by level: older texts keep the old name.
# A district of a county or a county-level city (金坛市 → 金坛区, 横山县 → 横山区); a county-level
# city of a county (玉树县 → 玉树市, 康定县 → 康定市); a prefecture-level city of a 地区 or 盟
# (毕节地区 → 毕节市, 林芝地区 → 林芝市, 乌兰察布盟 → 乌兰察布市).
_MADE_FROM = {
    ("county", "区"): ("市", "县"),
    ("county", "市"): ("县",),
    ("prefecture", "市"): ("地区", "盟"),
}


def _made_from_formers(nodes: dict[str, _Node], official: set[str], result: dict[str, list[str]]) -> None:
    """Districts and cities made of the division their stem named before (see ``_MADE_FROM``):
    older texts name them so. Only where no division is officially called that."""
    for node in nodes.values():
        made_from = _MADE_FROM.get((node.level, node.name[-1:]), ())
        stem = _stem(node)
        if not made_from or not stem or is_development_zone(node.code):
            continue
        for former in (stem + ending for ending in made_from):
            if former not in official and former not in result[node.code]:
                result[node.code].append(former)


def _stem(node: _Node) -> str | None:
    """A division's name without its ending: jionlp's short column, or, where that column holds
    the full name because the stem is another division's short name (文山市 beside 文山州,
    大理市, 楚雄市), the name less its last character."""
    stem = node.short if node.short and node.short != node.name else node.name[:-1]
    return stem if len(stem) >= 2 else None


@cache
def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built once from the installed packages' data.

    The garbage collector is paused meanwhile: the ~150,000 objects it makes hold no cycles, and
    the collections their allocation set off took a quarter of the time. The parse comes from the
    user cache (``kg.gazetteer_cache``; a pickle of the whole gazetteer loaded no faster)."""
    with collector.paused():
        return build_gazetteer(kept_parse(_parse))
