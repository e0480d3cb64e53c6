// Shanhai KG view: draws the graph described by the JSON in #kg-data with vis-network.
// Every string from an article goes into the page through textContent, never as HTML.
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("kg-data").textContent);

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null && text !== "") node.textContent = String(text);
    return node;
  }

  var LEVEL_NAMES = {province: "省 province", prefecture: "地市 prefecture", county: "县 county",
    town: "乡镇 town", village: "村 village"};

  var programmeLabel = {};
  data.legend.programmes.forEach(function (item) { programmeLabel[item.key] = item.label; });
  var nodeLabel = {};
  data.nodes.forEach(function (n) { nodeLabel[n.id] = n.kg.name; });

  function nodeTooltip(n) {
    var box = el("div", "tip");
    box.appendChild(el("div", "tip-head", n.kg.name));
    var k = n.kg;
    var kind = k.type + (k.subtype ? " (" + k.subtype + ")" : "") + (k.level ? " · " + k.level : "");
    box.appendChild(el("div", "tip-meta", kind));
    var facts = [];
    if (k.code) facts.push("code " + k.code);
    facts.push("region " + k.region);
    facts.push(k.degree + " link(s)");
    if (k.funds) facts.push("funds " + k.funds);
    box.appendChild(el("div", "tip-meta", facts.join(" · ")));
    return box;
  }

  function edgeTooltip(e) {
    var box = el("div", "tip");
    box.appendChild(el("div", "tip-head", (nodeLabel[e.from] || e.from) + " → " + (nodeLabel[e.to] || e.to)));
    var k = e.kg;
    var facts = [k.type + (k.kind ? " (" + k.kind + ")" : "")];
    if (k.amount) facts.push(k.amount);
    facts.push(k.articles + " article(s)");
    if (k.type === "pairing") facts.push(k.official ? "on an official pairing list" : "on no official pairing list");
    box.appendChild(el("div", "tip-meta", facts.join(" · ")));
    if (k.programmes.length) {
      box.appendChild(el("div", "tip-meta", "计划 " + k.programmes.map(function (p) {
        return programmeLabel[p] || p;
      }).join(" · ")));
    }
    k.evidence.forEach(function (ev) {
      var item = el("div", "tip-ev");
      var source = [ev.title || ev.article, ev.date].filter(Boolean).join(" · ");
      item.appendChild(el("div", "tip-ev-title", source));
      item.appendChild(el("q", "tip-ev-sentence", ev.sentence));
      box.appendChild(item);
    });
    if (k.more > 0) box.appendChild(el("div", "tip-meta", "… and " + k.more + " more sentence(s)"));
    return box;
  }

  // Nodes, edges and options come as pyvis built them (kg/views/network.py); the page adds the tooltips.
  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    var copy = Object.assign({}, n);
    copy.title = nodeTooltip(n);
    return copy;
  }));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    var copy = Object.assign({}, e);
    copy.title = edgeTooltip(e);
    return copy;
  }));

  var container = document.getElementById("kg-network");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, data.options);
  var view = {network: network, nodes: nodes, edges: edges, data: data, ready: false};
  window.kgView = view;

  // ---------------------------------------------------------------- province outlines (map page)
  // A canvas under vis-network's (which is transparent), redrawn before every frame with the
  // network's own transform, so the outlines pan and zoom with the nodes. Outlines come as
  // TopoJSON (kg/data/views/provinces.topo.json) and are projected as the nodes were.
  function outlineLayer(geo) {
    var topo = geo.outlines, proj = geo.projection, look = geo.style;
    var scale = topo.transform.scale, shift = topo.transform.translate;
    var arcs = topo.arcs.map(function (arc) {
      var x = 0, y = 0;
      return arc.map(function (d) {
        x += d[0]; y += d[1];
        var lon = x * scale[0] + shift[0], lat = y * scale[1] + shift[1];
        return [(lon - proj.lon0) * proj.cos * proj.k, -(lat - proj.lat0) * proj.k];
      });
    });
    var users = arcs.map(function () { return []; });
    var provinces = topo.objects.provinces.geometries.map(function (geometry, p) {
      var path = new Path2D(), box = null, best = -1;
      geometry.arcs.forEach(function (polygon) {
        polygon.forEach(function (ring, r) {
          var first = true, minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
          ring.forEach(function (index) {
            var arc = index >= 0 ? arcs[index] : arcs[~index].slice().reverse();
            users[index >= 0 ? index : ~index].push(p);
            arc.forEach(function (pt) {
              if (first) { path.moveTo(pt[0], pt[1]); first = false; } else { path.lineTo(pt[0], pt[1]); }
              minX = Math.min(minX, pt[0]); maxX = Math.max(maxX, pt[0]);
              minY = Math.min(minY, pt[1]); maxY = Math.max(maxY, pt[1]);
            });
          });
          path.closePath();
          var size = (maxX - minX) * (maxY - minY);
          if (r === 0 && size > best) { best = size; box = [minX, minY, maxX, maxY]; }
        });
      });
      return {path: path, name: geometry.properties.name, region: geometry.properties.region, box: box};
    });
    // an arc of one province only is coast or frontier; of two, a province border; an arc a
    // province uses twice lies inside it (Taiwan's, Hong Kong's districts) and is not drawn
    var coast = new Path2D(), border = new Path2D();
    arcs.forEach(function (arc, i) {
      var who = users[i];
      if (who.length === 2 && who[0] === who[1]) return;
      var path = who.length === 1 ? coast : border;
      arc.forEach(function (pt, k) { if (k === 0) path.moveTo(pt[0], pt[1]); else path.lineTo(pt[0], pt[1]); });
    });
    var canvas = document.createElement("canvas");
    canvas.id = "kg-outlines";
    container.insertBefore(canvas, container.firstChild);
    function draw(ctx) {
      var source = ctx.canvas;
      if (canvas.width !== source.width || canvas.height !== source.height) {
        canvas.width = source.width; canvas.height = source.height;
      }
      var out = canvas.getContext("2d");
      out.setTransform(1, 0, 0, 1, 0, 0);
      out.clearRect(0, 0, canvas.width, canvas.height);
      var m = ctx.getTransform();
      out.setTransform(m);
      var px = 1 / m.a;  // one device pixel in network units
      provinces.forEach(function (p) {
        out.fillStyle = look[p.region] || look.land;
        out.fill(p.path, "evenodd");
      });
      out.lineJoin = "round";
      out.strokeStyle = look.border; out.lineWidth = look.border_px * px * (window.devicePixelRatio || 1);
      out.stroke(border);
      out.strokeStyle = look.coast; out.lineWidth = look.coast_px * px * (window.devicePixelRatio || 1);
      out.stroke(coast);
      // province names where the province is wide enough on screen to hold them
      var font = 12 * px * (window.devicePixelRatio || 1);
      out.font = font + "px " + data.options.nodes.font.face;
      out.fillStyle = look.label; out.textAlign = "center"; out.textBaseline = "middle";
      provinces.forEach(function (p) {
        if (!p.name || !p.box) return;
        var width = p.box[2] - p.box[0];
        if (width < out.measureText(p.name).width * 1.6) return;
        out.fillText(p.name, (p.box[0] + p.box[2]) / 2, (p.box[1] + p.box[3]) / 2);
      });
    }
    network.on("beforeDrawing", draw);
    return {canvas: canvas, provinces: provinces.length};
  }
  if (data.geo) view.outlines = outlineLayer(data.geo);

  // Nudge apart nodes whose drawn boxes (shape and label, as vis-network measured them on the
  // last draw) overlap: along the axis where they overlap least, sideways preferred. The layout
  // (physics or geography) stays; only collisions are resolved, so every label can be read.
  function separateBoxes(rounds, padding) {
    var body = network.body;
    var ids = body.nodeIndices.slice();
    var n = ids.length;
    var weight = {};
    data.nodes.forEach(function (n) { weight[n.id] = n.kg.weight || 1; });
    var x = [], y = [], l = [], r = [], t = [], b = [], w = [];
    ids.forEach(function (id, i) {
      var node = body.nodes[id];
      w.push(weight[id] || 1);
      var box = node.shape.boundingBox;
      x.push(node.x); y.push(node.y);
      l.push(box.left - node.x - padding); r.push(box.right - node.x + padding);
      t.push(box.top - node.y - padding); b.push(box.bottom - node.y + padding);
    });
    var moved = false;
    var order = ids.map(function (id, k) { return k; });
    for (var round = 0; round < rounds; round++) {
      var any = false;
      // sweep: boxes sorted by their left side; a box meets only those that start before it ends
      order.sort(function (a, c) { return (x[a] + l[a]) - (x[c] + l[c]); });
      for (var a = 0; a < n; a++) {
        var i = order[a];
        for (var c = a + 1; c < n; c++) {
          var j = order[c];
          if (x[j] + l[j] >= x[i] + r[i]) break;
          var overX = Math.min(x[i] + r[i], x[j] + r[j]) - Math.max(x[i] + l[i], x[j] + l[j]);
          if (overX <= 0) continue;
          var overY = Math.min(y[i] + b[i], y[j] + b[j]) - Math.max(y[i] + t[i], y[j] + t[j]);
          if (overY <= 0) continue;
          any = true;
          // the lighter node takes the larger share (a county keeps its place, its town moves)
          var shareI = w[j] / (w[i] + w[j]), shareJ = 1 - shareI;
          if (overX <= 1.5 * overY) {
            var sx = (x[i] + (l[i] + r[i]) / 2) <= (x[j] + (l[j] + r[j]) / 2) ? -1 : 1;
            x[i] += sx * (overX + 1) * shareI; x[j] -= sx * (overX + 1) * shareJ;
          } else {
            var sy = (y[i] + (t[i] + b[i]) / 2) <= (y[j] + (t[j] + b[j]) / 2) ? -1 : 1;
            y[i] += sy * (overY + 1) * shareI; y[j] -= sy * (overY + 1) * shareJ;
          }
        }
      }
      if (!any) break;
      moved = true;
    }
    if (moved) nodes.update(ids.map(function (id, i) { return {id: id, x: x[i], y: y[i]}; }));
    return moved;
  }

  view.separate = separateBoxes;

  function finish() {
    // the first draw measures every node's box; then resolve collisions, frame, and say ready
    network.once("afterDrawing", function () {
      if (data.nodes.length <= data.separate_max_nodes) separateBoxes(2000, 2);
      network.fit();
      network.once("afterDrawing", function () { view.ready = true; });
      network.redraw();
    });
    network.redraw();
  }
  if (data.physics) {
    network.once("stabilizationIterationsDone", function () {
      // Settled: stop simulating so the page stays still and dragging moves one node.
      network.setOptions({physics: {enabled: false}});
      finish();
    });
  } else {
    finish();
  }

  // ---------------------------------------------------------------- notes and legend
  if (data.notes.length) {
    var notes = document.getElementById("kg-notes");
    data.notes.forEach(function (text) { notes.appendChild(el("p", "", text)); });
    notes.hidden = false;
  }

  function legendList(title, items, swatch) {
    var legend = document.getElementById("kg-legend");
    legend.appendChild(el("h2", "", title));
    var list = el("ul");
    items.forEach(function (item) {
      var li = el("li");
      li.appendChild(swatch(item));
      li.appendChild(el("span", "", item.label));
      list.appendChild(li);
    });
    legend.appendChild(list);
  }
  var SHAPE_CLASS = {dot: "sw-dot", square: "sw-square", triangle: "sw-triangle"};
  legendList("颜色 Colour: region", data.legend.regions, function (item) {
    var sw = el("span", "sw sw-dot");
    sw.style.background = item.color;
    return sw;
  });
  legendList("形状 Shape: type", data.legend.types, function (item) {
    return el("span", "sw " + (SHAPE_CLASS[item.shape] || "sw-dot"));
  });
  var usedLinks = {};
  data.edges.forEach(function (e) { usedLinks[e.kg.link] = true; });
  var linkItems = data.legend.links.filter(function (item) { return usedLinks[item.key]; });
  legendList("箭头 Arrow: donor → recipient", linkItems.concat([{label: data.legend.dashed, dashed: true}]),
    function (item) {
      var sw = el("span", "sw sw-line" + (item.dashed ? " sw-dashed" : ""));
      if (item.color) sw.style.borderTopColor = item.color;
      return sw;
    });

  if (data.legend.programmes.length) {
    legendList("计划 Programme (arrow colour)", data.legend.programmes, function (item) {
      var sw = el("span", "sw sw-line");
      sw.style.borderTopColor = item.color;
      return sw;
    });
  }

  if (data.mode === "map") {
    document.getElementById("kg-legend").appendChild(el("p", "legend-note",
      "底图 Outlines: provinces from Natural Earth (public domain), de facto lines; tinted by region."));
    document.getElementById("kg-legend").appendChild(el("p", "legend-note",
      "位置 Position: longitude/latitude (east right, north up), nudged apart so labels do not overlap."));
    document.getElementById("kg-legend").appendChild(el("p", "legend-note",
      "箭头标注 Arrow labels (kind · amount) show when zoomed in; hover an arrow for its evidence."));
  }

  // ---------------------------------------------------------------- search and filters
  var search = document.getElementById("kg-search");
  var levelSelect = document.getElementById("kg-level");
  var linkSelect = document.getElementById("kg-link");
  var count = document.getElementById("kg-count");
  var programmeSelect = document.getElementById("kg-programme");
  var yearFrom = document.getElementById("kg-year-from");
  var yearTo = document.getElementById("kg-year-to");

  var years = {};
  data.edges.forEach(function (e) { e.kg.years.forEach(function (y) { years[y] = true; }); });
  var yearList = Object.keys(years).map(Number).sort(function (a, b) { return a - b; });
  yearList.forEach(function (y) {
    [yearFrom, yearTo].forEach(function (select) {
      var option = el("option", "", String(y));
      option.value = String(y);
      select.appendChild(option);
    });
  });
  if (yearList.length) {
    yearFrom.value = String(yearList[0]);
    yearTo.value = String(yearList[yearList.length - 1]);
    document.getElementById("kg-years-box").hidden = false;
  }
  data.legend.programmes.forEach(function (item) {
    var option = el("option", "", item.label);
    option.value = item.key;
    programmeSelect.appendChild(option);
  });
  if (data.legend.programmes.length) document.getElementById("kg-programme-box").hidden = false;

  // The years chosen, or null when the whole range is (then undated links stay too).
  function yearRange() {
    if (!yearList.length) return null;
    var from = Number(yearFrom.value), to = Number(yearTo.value);
    if (from > to) { var swap = from; from = to; to = swap; }
    if (from <= yearList[0] && to >= yearList[yearList.length - 1]) return null;
    return [from, to];
  }

  var usedLevels = {};
  data.nodes.forEach(function (n) { if (n.kg.level) usedLevels[n.kg.level] = true; });
  data.levels.filter(function (l) { return usedLevels[l]; }).forEach(function (level) {
    var option = el("option", "", LEVEL_NAMES[level] || level);
    option.value = level;
    levelSelect.appendChild(option);
  });
  linkItems.forEach(function (item) {
    var option = el("option", "", item.label);
    option.value = item.key;
    linkSelect.appendChild(option);
  });

  var hiddenNow = {};  // what the network was last told: every node and edge starts shown
  data.nodes.forEach(function (n) { hiddenNow[n.id] = false; });
  data.edges.forEach(function (e) { hiddenNow[e.id] = false; });

  function applyFilters(fit) {
    var query = search.value.trim().toLowerCase();
    var level = levelSelect.value;
    var link = linkSelect.value;
    var programme = programmeSelect.value;
    var range = yearRange();
    var narrowed = !!(link || programme || range);
    var base = {};
    data.nodes.forEach(function (n) {
      base[n.id] = !level || n.kg.type !== "Place" || n.kg.level === level;
    });
    var isLevel = {};
    data.nodes.forEach(function (n) { isLevel[n.id] = n.kg.type === "Place" && n.kg.level === level; });
    var keptEdges = data.edges.filter(function (e) {
      // with a level chosen, a link stays when it touches a place of that level
      return (!link || e.kg.link === link) && base[e.from] && base[e.to] &&
        (!level || isLevel[e.from] || isLevel[e.to]) &&
        (!programme || e.kg.programmes.indexOf(programme) >= 0) &&
        (!range || e.kg.years.some(function (y) { return y >= range[0] && y <= range[1]; }));
    });
    var touched = {};
    keptEdges.forEach(function (e) { touched[e.from] = true; touched[e.to] = true; });
    var visible = {};
    data.nodes.forEach(function (n) {
      var ok = base[n.id];
      if (ok && narrowed) ok = !!touched[n.id];
      if (ok && level && n.kg.type !== "Place") ok = !!touched[n.id];
      visible[n.id] = ok;
    });
    if (query) {
      var matched = {};
      data.nodes.forEach(function (n) {
        if (visible[n.id] && n.kg.name.toLowerCase().indexOf(query) >= 0) matched[n.id] = true;
      });
      keptEdges = keptEdges.filter(function (e) { return matched[e.from] || matched[e.to]; });
      var near = {};
      keptEdges.forEach(function (e) { near[e.from] = true; near[e.to] = true; });
      data.nodes.forEach(function (n) { visible[n.id] = !!(matched[n.id] || near[n.id]); });
    }
    var shownEdges = {};
    keptEdges.forEach(function (e) { shownEdges[e.id] = visible[e.from] && visible[e.to]; });
    // only what changes is updated: each update makes vis-network re-process the items
    var nodeChanges = data.nodes.filter(function (n) { return hiddenNow[n.id] !== !visible[n.id]; });
    var edgeChanges = data.edges.filter(function (e) { return hiddenNow[e.id] !== !shownEdges[e.id]; });
    nodeChanges.forEach(function (n) { hiddenNow[n.id] = !visible[n.id]; });
    edgeChanges.forEach(function (e) { hiddenNow[e.id] = !shownEdges[e.id]; });
    if (nodeChanges.length) nodes.update(nodeChanges.map(function (n) { return {id: n.id, hidden: !visible[n.id]}; }));
    if (edgeChanges.length) edges.update(edgeChanges.map(function (e) { return {id: e.id, hidden: !shownEdges[e.id]}; }));
    var ids = data.nodes.filter(function (n) { return visible[n.id]; }).map(function (n) { return n.id; });
    var edgeCount = data.edges.filter(function (e) { return shownEdges[e.id]; }).length;
    count.textContent = ids.length + " / " + data.nodes.length + " nodes, " +
      edgeCount + " / " + data.edges.length + " links shown" +
      (data.total.nodes > data.nodes.length ? " (of " + data.total.nodes + " nodes in the graph)" : "");
    view.shown = {nodes: ids.length, edges: edgeCount};
    if (fit && ids.length) network.fit({nodes: ids, animation: false});
    return ids.length;
  }
  view.applyFilters = applyFilters;

  search.addEventListener("input", function () { applyFilters(false); });
  search.addEventListener("keydown", function (event) { if (event.key === "Enter") applyFilters(true); });
  levelSelect.addEventListener("change", function () { applyFilters(true); });
  linkSelect.addEventListener("change", function () { applyFilters(true); });
  [programmeSelect, yearFrom, yearTo].forEach(function (select) {
    select.addEventListener("change", function () { applyFilters(false); });
  });
  document.getElementById("kg-reset").addEventListener("click", function () {
    search.value = "";
    levelSelect.value = "";
    linkSelect.value = "";
    programmeSelect.value = "";
    if (yearList.length) {
      yearFrom.value = String(yearList[0]);
      yearTo.value = String(yearList[yearList.length - 1]);
    }
    applyFilters(false);
    network.fit();
  });
  applyFilters(false);
})();
