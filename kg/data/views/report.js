// Shanhai KG report: answers a link #rows=SET&FIELD=VALUE with the table of the rows behind a
// number, each with its evidence sentences. Every string goes into the page as textContent.
// The data is compact (kg/views/report_page.py, page_data): articles in one table, a row an array
// [article, string indexes…, evidence references]; rows and sentences in islands parsed on demand.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-report-data").textContent);
  var strings = data.strings, articles = data.articles, chunks = {};
  var ARTICLE = {doc: 0, title: 1, date: 2};  // [id, title, date, source index]
  var PAGE = 200;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null && text !== "") node.textContent = String(text);
    return node;
  }

  function rowsOf(set, name) {  // a set's island is parsed when first asked; articles: the table itself
    if (!set.rows) {
      set.rows = name === "articles" ? articles.map(function (_, i) { return [i]; }) :
        JSON.parse(document.getElementById("kg-rows-" + name).textContent);
    }
    return set.rows;
  }

  // A field of a row: the set's own fields first, then its article's.
  function getter(set, field) {
    var i = set.fields.indexOf(field);
    if (i >= 0) return function (row) { return strings[row[i + 1]]; };
    if (field === "source") return function (row) { return strings[articles[row[0]][3]]; };
    if (field === "year") return function (row) { return articles[row[0]][2].slice(0, 4); };
    if (field in ARTICLE) return function (row) { return articles[row[0]][ARTICLE[field]]; };
    return function () { return ""; };
  }

  function sentence(id) {  // an island of sentences is parsed the first time one of them is shown
    var k = Math.floor(id / data.chunk);
    if (!chunks[k]) chunks[k] = JSON.parse(document.getElementById("kg-ev-" + k).textContent);
    return chunks[k][id % data.chunk];
  }

  function parse(hash) {
    if (hash.indexOf("#rows=") !== 0) return null;
    var query = {set: null, where: {}};
    hash.slice(1).split("&").forEach(function (part) {
      var eq = part.indexOf("=");
      var key = decodeURIComponent(part.slice(0, eq)), value = decodeURIComponent(part.slice(eq + 1));
      if (key === "rows") query.set = value; else query.where[key] = value;
    });
    return data.sets[query.set] ? query : null;
  }

  function select(name, where) {
    var set = data.sets[name];
    var tests = Object.keys(where).map(function (key) { return [getter(set, key), where[key]]; });
    return rowsOf(set, name).filter(function (row) {
      return tests.every(function (t) { return t[0](row) === t[1]; });
    });
  }

  function evidenceCell(set, row) {
    var cell = el("td"), article = articles[row[0]];
    row[set.fields.length + 1].forEach(function (ref) {
      var box = el("div", "ev");
      box.appendChild(el("q", "", sentence(Math.floor(ref / data.types.length))));
      var source = [article[1] || article[0], article[2], data.types[ref % data.types.length]];
      box.appendChild(el("div", "ev-source", source.filter(Boolean).join(" · ")));
      cell.appendChild(box);
    });
    return cell;
  }

  function show() {
    var section = document.getElementById("rows");
    var query = parse(location.hash);
    if (!query) { section.hidden = true; return null; }
    var set = data.sets[query.set], withEvidence = query.set !== "articles";
    var rows = select(query.set, query.where);
    var columns = set.columns.map(function (c) { return getter(set, c[0]); });
    var conditions = Object.keys(query.where).map(function (k) { return k + " = " + query.where[k]; });
    document.getElementById("rows-title").textContent = rows.length + " row(s): " + query.set +
      (conditions.length ? " where " + conditions.join(", ") : "");
    var table = el("table", "rows rows-" + query.set);
    var head = el("tr");
    set.columns.forEach(function (c) { head.appendChild(el("th", "", c[1])); });
    if (withEvidence) head.appendChild(el("th", "ev-col", "evidence (sentence · article · date)"));
    table.appendChild(head);
    var holder = document.getElementById("rows-table");
    holder.textContent = "";
    holder.appendChild(table);
    var more = el("button", "more");
    var shown = 0;
    // a page of rows at a time: thousands of rows of sentences would take the browser seconds to lay out
    function page() {
      rows.slice(shown, shown + PAGE).forEach(function (row) {
        var tr = el("tr");
        columns.forEach(function (get) { tr.appendChild(el("td", "", get(row))); });
        if (withEvidence) tr.appendChild(evidenceCell(set, row));
        table.appendChild(tr);
      });
      shown = Math.min(rows.length, shown + PAGE);
      more.textContent = "show " + Math.min(PAGE, rows.length - shown) + " more of " + (rows.length - shown);
      more.hidden = shown >= rows.length;
    }
    more.addEventListener("click", page);
    holder.appendChild(more);
    page();
    section.hidden = false;
    section.scrollIntoView();
    return rows.length;
  }

  // A set's rows as objects of strings (for a reader of the page, and the tests).
  function decode(name) {
    var set = data.sets[name], fields = Object.keys(ARTICLE).concat(["source"], set.fields);
    return rowsOf(set, name).map(function (row) {
      var out = {};
      fields.forEach(function (f) { out[f] = getter(set, f)(row); });
      if (name !== "articles") {
        out.ev = row[set.fields.length + 1].map(function (ref) {
          return [sentence(Math.floor(ref / data.types.length)), data.types[ref % data.types.length]];
        });
      }
      return out;
    });
  }

  window.addEventListener("hashchange", show);
  window.kgReport = {data: data, show: show, decode: decode, ready: true};
  show();
})();
