"""The HTML views as files: self-contained, escaped, laid out as promised; and `kg view`.

The browser tests (tests/test_views_browser.py) open the same pages in headless Chromium.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import re
from html import unescape
from importlib.resources import files
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from kg import views
from kg.cli import app
from kg.programmes import tables
from kg.views import assets, layout

PLACE = "https://example.org/kg/place/"
ORG = "https://example.org/kg/org/"
PROJECT = "https://example.org/kg/project/"
XSS_ORG = '<img src=x onerror="window.__xss=1">公司'
XSS_SENTENCE = '集团<script>window.__xss=2;alert(1)</script>捐赠<img src=x onerror="window.__xss=1">200万元。'


def evidence(i: int, sentence: str, date: str = "", stated: str = "") -> dict[str, object]:
    """One evidence item as the projection holds it (article date 2020 unless given)."""
    return {
        "article": f"a{i}",
        "title": f"闽宁协作新闻{i}",
        "date": date or f"2020-0{i % 9 + 1}-01",
        "sentence": sentence,
        "start": 0,
        "end": len(sentence),
        "stated": stated,
    }


def sample_graph() -> nx.MultiDiGraph:
    """A hand-built projection in kg.graph.to_networkx's shape: Chinese names, a town without
    coordinates, organisations (two with markup in their names), a project, several evidence."""
    g = nx.MultiDiGraph()

    def place(code: str, label: str, level: str, region: str, lonlat=None, funds: float = 0.0) -> None:
        attrs = {"label": label, "type": "Place", "level": level, "code": code, "region": region}
        attrs |= {"subtype": "", "funds_yuan": funds}
        if lonlat:
            attrs |= {"lon": lonlat[0], "lat": lonlat[1]}
        g.add_node(PLACE + code, **attrs)

    place("350100", "福州市", "prefecture", "east", (119.30, 26.08), 1.5e8)
    place("350181", "福清市", "county", "east", (119.38, 25.72), 3e7)
    place("640000", "宁夏回族自治区", "province", "west", (106.26, 38.47))
    place("640400", "固原市", "prefecture", "west", (106.24, 36.02), 1.5e8)
    place("640422", "西吉县", "county", "west", (105.73, 35.96), 3.2e7)
    place("640422101", "吉强镇", "town", "west")
    place("330100", "杭州市", "prefecture", "east", (120.15, 30.28))
    place("522600", "黔东南苗族侗族自治州", "prefecture", "west", (107.98, 26.58))
    place("330300", "温州市", "prefecture", "east", (120.70, 28.00))
    place("330326", "平阳县", "county", "east", (120.56, 27.66))
    org = {"type": "Organisation", "level": "", "code": "", "subtype": "enterprise"}
    g.add_node(ORG + "a", label="福建<script>alert(1)</script>集团", region="east", funds_yuan=2e6, **org)
    g.add_node(ORG + "b", label=XSS_ORG, region="other", funds_yuan=0.0, **org)
    g.add_node(
        PROJECT + "p1",
        label="闽宁镇产业园",
        type="Project",
        level="",
        code="",
        region="west",
        subtype="",
        funds_yuan=0.0,
    )

    def edge(u, v, rtype, kind="", amount=0.0, official=False, evidence=()) -> None:
        evidence = list(evidence)
        g.add_edge(
            u, v, key=rtype, type=rtype, kind=kind, amount_yuan=amount,
            articles=len({e["article"] for e in evidence}), official=official,
            evidence=json.dumps(evidence, ensure_ascii=False),
        )  # fmt: skip

    edge(PLACE + "350100", PLACE + "640400", "pairing", "east-west", 1.5e8, True, [
        evidence(1, "福州市与固原市开展东西部扶贫协作。"),
        evidence(2, "福州市对口帮扶固原市，投入资金1.5亿元。"),
        evidence(3, "福州固原携手推进产业合作。"),
    ])  # fmt: skip
    edge(
        PLACE + "350181",
        PLACE + "640422",
        "pairing",
        "east-west",
        3e7,
        True,
        [evidence(4, "福清市结对帮扶西吉县。")],
    )
    edge(
        PLACE + "350100",
        PLACE + "640422101",
        "help",
        "",
        5e5,
        False,
        [evidence(5, "福州市帮助吉强镇建设扶贫车间。")],
    )
    edge(
        PLACE + "330100",
        PLACE + "522600",
        "pairing",
        "east-west",
        0.0,
        True,
        [evidence(6, "杭州市与黔东南州结对。")],
    )
    edge(
        PLACE + "330300",
        PLACE + "330326",
        "pairing",
        "intra-province",
        8000.0,
        False,
        [evidence(7, "温州市山海协作平阳县。", date="2017-03-01")],
    )
    edge(ORG + "a", PLACE + "640422", "funding", "", 2e6, False, [evidence(8, XSS_SENTENCE, stated="2019")])
    edge(ORG + "b", PROJECT + "p1", "project", "", 0.0, False, [evidence(9, "<b>粗体</b>项目落地</q>")])
    edge(
        PLACE + "350100",
        PLACE + "640000",
        "pairing",
        "east-west",
        0.0,
        True,
        [evidence(1, "福州市与宁夏协作。")],
    )
    return g


def pid(node: str) -> str:
    """A graph node's id in the pages."""
    return assets.page_id(node)


def page_json(html: str) -> dict:
    """The data island of a page, as the page's script reads it."""
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    assert match, "no data island"
    return json.loads(match.group(1))


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("views")
    written = views.write_views(sample_graph(), out)
    assert [p.name for p in written] == ["graph.html", "map.html"]
    return {p.stem: p.read_text(encoding="utf-8") for p in written}


def test_format_yuan_uses_wan_and_yi() -> None:
    assert views.format_yuan(1.5e8) == "1.5亿元"
    assert views.format_yuan(3e7) == "3000万元"
    assert views.format_yuan(12_345_678) == "1234.57万元"
    assert views.format_yuan(8000) == "8000元"
    assert views.format_yuan(0) == ""
    assert views.format_yuan(None) == ""


def test_safe_json_round_trips_and_cannot_close_its_script() -> None:
    data = {"s": "</script><!-- <img src=x onerror=alert(1)> & \u2028"}
    text = assets.safe_json(data)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == data


@pytest.mark.parametrize("name", ["graph", "map"])
def test_pages_load_nothing_from_the_network(pages: dict[str, str], name: str) -> None:
    html = pages[name]
    assert not re.search(r"<script[^>]+src=", html, re.I)
    assert not re.search(r"<link[^>]+href=[\"']?https?:", html, re.I)
    assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:)?//", html, re.I)
    assert not re.search(r"url\(\s*[\"']?(https?:)?//", html, re.I)
    assert "sourceMappingURL" not in html
    assert "vis.Network" in html  # vis-network itself is inlined


URL = re.compile(r"\b(?:https?|ftp|wss?)://|(?<![\w:])//[a-z0-9-]+\.[a-z]{2,}", re.I)


def pyvis_vis_network() -> str:
    """vis-network as the installed pyvis ships it, without its trailing source-map comment."""
    text = (files("pyvis") / "lib" / "vis-9.1.2" / "vis-network.min.js").read_text(encoding="utf-8")
    head, comment = text.rstrip("\n").rsplit("\n", 1)
    assert comment == "//# sourceMappingURL=vis-network.min.js.map"
    return head


@pytest.mark.parametrize("name", ["graph", "map"])
def test_no_url_outside_vis_network(pages: dict[str, str], name: str) -> None:
    """No node IRI, no link to a CDN: the only URLs in a page are inert strings inside vis-network
    (its licence header, the SVG namespace, an error message), which the browser test shows are
    never fetched."""
    library = pyvis_vis_network()
    html = pages[name]
    assert html.count(library) == 1
    assert URL.findall(html.replace(library, "")) == []


@pytest.mark.parametrize("name", ["graph", "map"])
def test_vis_network_is_pyvis_bundle_with_its_licence(pages: dict[str, str], name: str) -> None:
    """The page's first script is pyvis's own vis-network file, byte for byte but for the
    source-map comment, licence header included; no copy of it lives in this repository."""
    scripts = re.findall(r"<script>(.*?)</script>", pages[name], re.S)
    assert scripts[0] == pyvis_vis_network() == assets.vis_network_js()
    assert assets.vis_network_bundle().name == "vis-9.1.2"
    assert "vis.js is dual licensed under both" in scripts[0][:2000]
    assert "The MIT License" in scripts[0][:2000] and "Apache 2.0" in scripts[0][:2000]
    assert not (Path(views.__file__).parent.parent / "data" / "views" / "vendor").exists()


def test_pages_are_made_with_pyvis(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each page draws the nodes, edges and options of a pyvis Network, as pyvis holds them."""
    from pyvis.network import Network

    networks: list[Network] = []
    original = Network.get_network_data

    def spy(self: Network):  # type: ignore[no-untyped-def]
        networks.append(self)
        return original(self)

    monkeypatch.setattr(Network, "get_network_data", spy)
    html = views.build_pages(sample_graph())
    assert len(networks) == 2
    for net, name in zip(networks, ("graph.html", "map.html"), strict=True):
        data = page_json(html[name])
        assert net.directed is True
        assert data["nodes"] == net.nodes and data["edges"] == net.edges
        assert data["options"] == net.options  # set_options replaced pyvis's defaults with ours
        assert [n["id"] for n in net.nodes] == net.node_ids == [pid(n) for n in sample_graph().nodes]
        assert all("title" not in item for item in net.nodes + net.edges)  # tooltips are built as DOM
    graph_options, map_options = networks[0].options, networks[1].options
    # set_options deletes spaces before parsing: the font names must survive it
    assert graph_options["nodes"]["font"]["face"].startswith("Noto Sans CJK SC, ")
    assert (
        graph_options["physics"]["enabled"] is True
        and graph_options["physics"]["stabilization"]["iterations"]
    )
    assert map_options["physics"] == {"enabled": False}
    assert all(n["fixed"] == {"x": True, "y": True} for n in networks[1].nodes)
    assert all(n["fixed"] is False for n in networks[0].nodes)


@pytest.mark.parametrize("name", ["graph", "map"])
def test_article_strings_are_only_in_the_json_island_escaped(pages: dict[str, str], name: str) -> None:
    html = pages[name]
    for raw in ("<img src=x", 'onerror="window', "<script>alert(1)", "<script>window.__xss", "<b>粗体"):
        assert raw not in html
    data = page_json(html)
    names = {n["kg"]["name"] for n in data["nodes"]}
    assert XSS_ORG in names
    sentences = [ev["sentence"] for e in data["edges"] for ev in e["kg"]["evidence"]]
    assert XSS_SENTENCE in sentences


@pytest.mark.parametrize("name", ["graph", "map"])
def test_csp_allows_exactly_the_inline_scripts(pages: dict[str, str], name: str) -> None:
    html = pages[name]
    csp = unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1))
    assert "default-src 'none'" in csp
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert len(scripts) == 2
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]


def test_every_node_and_edge_is_in_the_page(pages: dict[str, str]) -> None:
    g = sample_graph()
    for name in ("graph", "map"):
        data = page_json(pages[name])
        assert {n["id"] for n in data["nodes"]} == {pid(n) for n in g.nodes}
        assert len(data["edges"]) == g.number_of_edges()
        assert data["notes"] == [] or name == "map"


def test_nodes_are_styled_by_region_type_and_support(pages: dict[str, str]) -> None:
    style = views.load_style()
    nodes = {n["id"]: n for n in page_json(pages["graph"])["nodes"]}
    fuzhou, guyuan, org, project = (
        nodes[pid(PLACE + "350100")],
        nodes[pid(PLACE + "640400")],
        nodes[pid(ORG + "a")],
        nodes[pid(PROJECT + "p1")],
    )
    assert fuzhou["color"]["background"] == style["regions"]["east"]["color"]
    assert guyuan["color"]["background"] == style["regions"]["west"]["color"]
    assert {fuzhou["shape"], org["shape"], project["shape"]} == {"dot", "square", "triangle"}
    assert fuzhou["size"] > nodes[pid(PLACE + "330100")]["size"]  # more links, more funds


def test_edges_carry_kind_amount_andevidence(pages: dict[str, str]) -> None:
    data = page_json(pages["graph"])
    edges = {(e["from"], e["to"], e["kg"]["type"]): e for e in data["edges"]}
    main = edges[(pid(PLACE + "350100"), pid(PLACE + "640400"), "pairing")]
    assert main["label"] == "east-west · 1.5亿元"
    assert main["arrows"] == "to" and not main["dashes"]
    assert [ev["title"] for ev in main["kg"]["evidence"]] == [
        "闽宁协作新闻1",
        "闽宁协作新闻2",
        "闽宁协作新闻3",
    ]
    intra = edges[(pid(PLACE + "330300"), pid(PLACE + "330326"), "pairing")]
    assert intra["label"] == "intra-province · 8000元" and intra["dashes"]  # not on the official list
    assert edges[(pid(PLACE + "350100"), pid(PLACE + "640422101"), "help")]["label"] == "help · 50万元"


def test_evidence_is_capped_with_a_count_of_the_rest() -> None:
    g = nx.MultiDiGraph()
    g.add_node("a", label="甲", type="Place", region="east")
    g.add_node("b", label="乙", type="Place", region="west")
    many = [evidence(i, f"第{i}句。") for i in range(10)]
    g.add_edge("a", "b", type="help", evidence=json.dumps(many, ensure_ascii=False), articles=10)
    edge = page_json(views.build_pages(g)["graph.html"])["edges"][0]
    cap = views.load_style()["limits"]["evidence_per_edge"]
    assert len(edge["kg"]["evidence"]) == cap and edge["kg"]["more"] == 10 - cap


def test_map_puts_the_east_right_and_the_north_up(pages: dict[str, str]) -> None:
    pos = {n["id"]: (n["x"], n["y"]) for n in page_json(pages["map"])["nodes"]}
    fuzhou, guyuan, ningxia = (
        pos[pid(PLACE + "350100")],
        pos[pid(PLACE + "640400")],
        pos[pid(PLACE + "640000")],
    )
    assert fuzhou[0] > guyuan[0] + 300
    assert ningxia[1] < fuzhou[1] - 300
    # every node is placed, and no two overlap
    assert len(pos) == sample_graph().number_of_nodes()
    points = list(pos.values())
    for i, p in enumerate(points):
        for q in points[i + 1 :]:
            assert (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2 > 20**2


def assert_town_by_its_county(
    town: tuple[float, float],
    county: str,
    counties: dict[str, tuple[float, float]],
    everything: list[tuple[float, float]],
) -> None:
    """On the map a town is nearer its own county than any other county, and close to it: within
    a fifth of the map's width."""
    own = math.dist(town, counties[county])
    assert all(own < math.dist(town, p) for code, p in counties.items() if code != county)
    width = max(p[0] for p in everything) - min(p[0] for p in everything)
    assert own < width / 5


def test_places_without_coordinates_sit_by_their_county_and_the_rest_in_a_column(
    pages: dict[str, str],
) -> None:
    data = page_json(pages["map"])
    pos = {n["id"]: (n["x"], n["y"]) for n in data["nodes"]}
    town = pos[pid(PLACE + "640422101")]
    counties = {code: pos[pid(PLACE + code)] for code in ("640422", "350181", "330326")}
    assert_town_by_its_county(town, "640422", counties, list(pos.values()))
    # the unlocated org and project (linked only to each other) stand left of every located node
    located_x = min(pos[pid(PLACE + c)][0] for c in ("640422", "640400", "640000", "522600"))
    assert pos[pid(ORG + "b")][0] < located_x and pos[pid(PROJECT + "p1")][0] < located_x
    assert pos[pid(ORG + "b")][0] == pos[pid(PROJECT + "p1")][0]
    assert any("without a known location" in note for note in data["notes"])


def large_graph(counties: int, towns_per_county: int) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    east = "https://example.org/kg/place/330100"
    g.add_node(east, label="杭州市", type="Place", level="prefecture", code="330100", region="east",
               lon=120.15, lat=30.28)  # fmt: skip
    for c in range(counties):
        code = f"52{c // 90 + 1:02d}{c % 90 + 10:02d}"
        county = PLACE + code
        g.add_node(county, label=f"县{c}", type="Place", level="county", code=code, region="west",
                   lon=104 + c % 30 * 0.2, lat=25 + c // 30 * 0.2)  # fmt: skip
        ev = json.dumps([evidence(c, f"杭州市帮扶县{c}。")], ensure_ascii=False)
        g.add_edge(east, county, type="pairing", kind="east-west", articles=1 + c % 3, evidence=ev)
        for t in range(towns_per_county):
            town = f"{county}{t:03d}"
            g.add_node(
                town, label=f"县{c}镇{t}", type="Place", level="town", code=f"{code}{t:03d}", region="west"
            )
            g.add_edge(east, town, type="help", articles=1, evidence=ev, amount_yuan=1e4)
    return g


def test_large_graphs_fold_towns_then_keep_the_best_supported() -> None:
    g = large_graph(counties=80, towns_per_county=8)  # 1 + 80 + 640 nodes
    reduced, notes = views.reduce_for_display(g, max_nodes=50)
    assert reduced.number_of_nodes() == 50
    assert not any(d.get("level") == "town" for _, d in reduced.nodes(data=True))
    assert "杭州市" in {d["label"] for _, d in reduced.nodes(data=True)}
    assert len(notes) == 2 and "merged into their county" in notes[0] and "Showing the 50" in notes[1]
    # folded help edges keep their evidence and add up their money
    help_edges = [d for _, _, d in reduced.edges(data=True) if d["type"] == "help"]
    assert help_edges and all(d["amount_yuan"] == 8e4 for d in help_edges)
    assert all(len(assets.evidence_of(d)) == 8 for d in help_edges)


def test_large_graph_pages_have_fixed_positions_and_say_so() -> None:
    g = large_graph(counties=560, towns_per_county=1)  # 1121 nodes, 561 after folding: above both limits
    limits = views.load_style()["limits"]
    assert g.number_of_nodes() > limits["max_nodes"] > limits["physics_max_nodes"]
    html = views.build_pages(g)
    data = page_json(html["graph.html"])
    assert data["physics"] is False
    assert len(data["nodes"]) <= limits["max_nodes"]
    assert all("x" in n and "y" in n for n in data["nodes"])
    assert any("physics is off" in note for note in data["notes"])
    assert any("merged into their county" in note for note in data["notes"])
    assert data["total"] == {"nodes": g.number_of_nodes(), "edges": g.number_of_edges()}


def test_small_graphs_keep_physics_with_bounded_stabilisation(pages: dict[str, str]) -> None:
    data = page_json(pages["graph"])
    assert data["physics"] is True
    assert 0 < data["stabilization"] <= 500
    assert page_json(pages["map"])["physics"] is False


def test_write_views_leaves_no_temporary_files(tmp_path: Path) -> None:
    views.write_views(sample_graph(), tmp_path)
    views.write_views(sample_graph(), tmp_path)  # over an existing build
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.html", "map.html"]


def test_empty_graph_still_writes_pages(tmp_path: Path) -> None:
    written = views.write_views(nx.MultiDiGraph(), tmp_path)
    assert page_json(written[0].read_text(encoding="utf-8"))["nodes"] == []


def test_kg_view_prints_and_opens_the_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    views.write_views(sample_graph(), tmp_path)
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url, *a, **k: opened.append(url) or True)
    runner = CliRunner()
    result = runner.invoke(app, ["view", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str((tmp_path / "graph.html").resolve())
    result = runner.invoke(app, ["view", str(tmp_path), "--map"])
    assert result.exit_code == 0
    assert opened == [
        (tmp_path / "graph.html").resolve().as_uri(),
        (tmp_path / "map.html").resolve().as_uri(),
    ]
    # no store in this folder, so no report: said, not opened; then a report there is opened
    result = runner.invoke(app, ["view", str(tmp_path), "--report"])
    assert result.exit_code == 1 and len(opened) == 2
    (tmp_path / "report.html").write_text("<!DOCTYPE html>", encoding="utf-8")
    result = runner.invoke(app, ["view", str(tmp_path), "--report"])
    assert result.exit_code == 0 and opened[-1] == (tmp_path / "report.html").resolve().as_uri()


def test_kg_view_fails_clearly_without_a_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("webbrowser.open", lambda *a, **k: pytest.fail("must not open"))
    result = CliRunner().invoke(app, ["view", str(tmp_path)])
    assert result.exit_code == 1


def test_towns_without_a_code_fold_into_the_county_at_their_position() -> None:
    """kg.graph gives towns no code but their county's coordinates."""
    g = nx.MultiDiGraph()
    g.add_node(
        "e", label="昆山市", type="Place", level="county", code="320583", region="east", lon=120.98, lat=31.39
    )
    g.add_node(
        "w", label="碧江区", type="Place", level="county", code="520602", region="west", lon=109.26, lat=27.82
    )
    g.add_node("t", label="坝黄镇", type="Place", level="town", code="", region="west", lon=109.26, lat=27.82)
    g.add_node("x", label="某镇", type="Place", level="town", code="", region="west", lon=100.0, lat=30.0)
    g.add_edge("e", "w", type="pairing", kind="east-west", articles=1)
    g.add_edge("e", "t", type="help", articles=1, amount_yuan=6e5)
    g.add_edge("e", "x", type="help", articles=1)
    reduced, notes = views.reduce_for_display(g, max_nodes=3)
    assert set(reduced.nodes) == {"e", "w", "x"}
    assert {(u, v, d["type"]) for u, v, d in reduced.edges(data=True)} == {
        ("e", "w", "pairing"),
        ("e", "w", "help"),
        ("e", "x", "help"),
    }
    assert reduced.nodes["w"]["funds_yuan"] == 0.0  # the town had no funds attribute to add
    assert "merged into their county" in notes[0]


def test_fixed_network_layout_keeps_labels_apart() -> None:
    """Above the physics limit the network page cannot pull labels apart itself: the layout it
    gets already has no two node-and-label boxes overlapping."""
    g = large_graph(counties=320, towns_per_county=0)
    assert g.number_of_nodes() > views.load_style()["limits"]["physics_max_nodes"]
    pos = layout.fixed_network_positions(g, seed=42, rounds=200)
    half_width, half_height, drop = layout.label_boxes(g, "graph", 0)
    names = list(pos)
    for i, a in enumerate(names):
        ax, ay = pos[a][0], pos[a][1] + drop[a]
        for b in names[i + 1 :]:
            bx, by = pos[b][0], pos[b][1] + drop[b]
            apart_x = abs(ax - bx) >= half_width[a] + half_width[b] - 0.5
            apart_y = abs(ay - by) >= half_height[a] + half_height[b] - 0.5
            assert apart_x or apart_y, (g.nodes[a]["label"], g.nodes[b]["label"])


def test_a_page_id_shared_by_two_nodes_fails_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    """pyvis keeps only the first node of an id; the page must not lose the second unnoticed."""
    monkeypatch.setattr("kg.views.network.page_id", lambda node: "n-same")
    with pytest.raises(ValueError, match="same page id"):
        views.build_pages(sample_graph())


# --------------------------------------------------------------------------- geography, time, programmes


def test_outlines_cover_every_province_with_its_code_and_region() -> None:
    """The shipped outlines: one per province-level division of the gazetteer's codes (31
    provinces, Taiwan, Hong Kong, Macau), small enough to inline, with their source named."""
    from kg.views.geo import outlines

    topology = outlines()
    geometries = topology["objects"]["provinces"]["geometries"]
    codes = {g["properties"]["code"] for g in geometries}
    assert len(codes) == 34 and {"110000", "650000", "710000", "810000", "820000"} <= codes
    regions = {g["properties"]["code"]: g["properties"]["region"] for g in geometries}
    assert regions["350000"] == "east" and regions["640000"] == "west"
    assert "Natural Earth" in topology["source"] and "public domain" in topology["licence"]
    path = Path(views.__file__).parent.parent / "data" / "views" / "provinces.topo.json"
    assert path.stat().st_size < 300_000


def test_map_page_carries_the_projection_of_its_nodes(pages: dict[str, str]) -> None:
    """The outlines are drawn with the projection the nodes were placed by: 福州市's unmoved
    point (a heavy county-level place keeps its place) projects to where the page put it."""
    data = page_json(pages["map"])
    assert page_json(pages["graph"])["geo"] is None
    proj = data["geo"]["projection"]
    assert len(data["geo"]["outlines"]["objects"]["provinces"]["geometries"]) == 34

    def project(lon: float, lat: float) -> tuple[float, float]:
        return ((lon - proj["lon0"]) * proj["cos"] * proj["k"], -(lat - proj["lat0"]) * proj["k"])

    nodes = {n["id"]: n for n in data["nodes"]}
    ningxia = nodes[pid(PLACE + "640000")]  # a province: nothing shares its point
    x, y = project(106.26, 38.47)
    assert math.dist((x, y), (ningxia["x"], ningxia["y"])) < 60


def test_edges_carry_the_years_their_evidence_speaks_of(pages: dict[str, str]) -> None:
    edges = {(e["from"], e["to"]): e for e in page_json(pages["graph"])["edges"]}
    assert edges[(pid(PLACE + "330300"), pid(PLACE + "330326"))]["kg"]["years"] == [2017]
    # the funding states its own year (2019), which counts instead of the article's (2020)
    assert edges[(pid(ORG + "a"), pid(PLACE + "640422"))]["kg"]["years"] == [2019]
    assert edges[(pid(PLACE + "350100"), pid(PLACE + "640400"))]["kg"]["years"] == [2020]
    assert assets.evidence_years([{"date": ""}, {"date": "2016-05-01", "stated": "2015年"}]) == [2015]


def programme_graph() -> nx.MultiDiGraph:
    """The sample graph with programme data on its pairings, as the programme tables give it."""
    g = sample_graph()
    for u, v, key, d in g.edges(keys=True, data=True):
        if d["type"] != "pairing":
            continue
        if d["kind"] == "east-west":
            g.edges[u, v, key]["programme"] = "east-west-2016"
        else:  # ids joined by ";" as kg.graph writes them; an id the tables lack keeps its id
            g.edges[u, v, key]["programme"] = "shanhai-zhejiang;山海协作(试点)"
    return g


def test_every_programme_of_the_tables_can_have_a_colour_of_its_own() -> None:
    """A build that evidences every programme draws each in its own colour: the palette is no
    shorter than the programme table."""
    palette = views.load_style()["programme_palette"]
    assert len(set(palette)) == len(palette) >= len(tables().programmes)


def test_programmes_colour_the_arrows_and_fill_the_legend() -> None:
    html = views.build_pages(programme_graph())
    palette = views.load_style()["programme_palette"]
    for name in ("graph.html", "map.html"):
        data = page_json(html[name])
        legend = {item["key"]: item["color"] for item in data["legend"]["programmes"]}
        assert legend == {
            "east-west-2016": palette[0],
            "shanhai-zhejiang": palette[1],
            "山海协作(试点)": palette[2],
        }
        labels = {item["key"]: item["label"] for item in data["legend"]["programmes"]}
        assert (
            labels["east-west-2016"] == "东西部扶贫协作(2016年调整)"
            and labels["山海协作(试点)"] == "山海协作(试点)"
        )
        for edge in data["edges"]:
            programmes = edge["kg"]["programmes"]
            if edge["kg"]["type"] == "pairing":
                assert programmes and edge["color"]["color"] == legend[programmes[0]]
            else:
                assert (
                    programmes == []
                    and edge["color"]["color"] == views.load_style()["links"][edge["kg"]["link"]]["color"]
                )
    intra = [e for e in page_json(html["graph.html"])["edges"] if e["kg"]["kind"] == "intra-province"]
    assert intra[0]["kg"]["programmes"] == ["shanhai-zhejiang", "山海协作(试点)"]
    assert assets.programmes_of({"programme": '["a", "b"]'}) == ["a", "b"]
    # without programme data the legend has none and the colours are the kinds'
    assert page_json(views.build_pages(sample_graph())["graph.html"])["legend"]["programmes"] == []


def test_short_arrows_are_drawn_last_so_they_stay_reachable() -> None:
    """vis-network draws later edges on top and its tooltip picks the last edge under the pointer:
    on the map a short arrow (inside one province) comes after the long ones leaving its node."""
    from kg.views.network import page_data

    g = nx.MultiDiGraph()
    for code, name in (("a", "甲市"), ("b", "乙县"), ("c", "丙州")):
        g.add_node(PLACE + code, label=name, type="Place", level="county", code=code, region="east")
    g.add_edge(PLACE + "a", PLACE + "b", type="pairing", kind="intra-province", articles=1)
    g.add_edge(PLACE + "a", PLACE + "c", type="pairing", kind="east-west", articles=1)
    positions = {PLACE + "a": (0.0, 0.0), PLACE + "b": (10.0, 0.0), PLACE + "c": (500.0, 300.0)}
    edges = page_data(g, "map", positions, False, [], (3, 2))["edges"]
    assert [e["kg"]["kind"] for e in edges] == ["east-west", "intra-province"]
