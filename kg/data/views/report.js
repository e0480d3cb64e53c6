// Shanhai KG report: answers a link #rows=SET&FIELD=VALUE with the table of the rows behind a
// number, each with its evidence sentences. Every string goes into the page as textContent.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-report-data").textContent);

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null && text !== "") node.textContent = String(text);
    return node;
  }

  function parse(hash) {
    if (hash.indexOf("#rows=") !== 0) return null;
    var query = {set: null, where: {}};
    hash.slice(1).split("&").forEach(function (part) {
      var eq = part.indexOf("=");
      var key = decodeURIComponent(part.slice(0, eq)), value = decodeURIComponent(part.slice(eq + 1));
      if (key === "rows") query.set = value; else query.where[key] = value;
    });
    return data.rows[query.set] ? query : null;
  }

  function matches(row, where) {
    return Object.keys(where).every(function (key) { return String(row[key] || "") === where[key]; });
  }

  function evidenceCell(row) {
    var cell = el("td");
    (row.ev || []).forEach(function (ref) {
      var ev = data.evidence[ref];  // [sentence, article title (or id), date, relation type]
      var box = el("div", "ev");
      box.appendChild(el("q", "", ev[0]));
      box.appendChild(el("div", "ev-source", ev.slice(1).filter(Boolean).join(" · ")));
      cell.appendChild(box);
    });
    if (row.more) cell.appendChild(el("div", "ev-source", "… and " + row.more + " more sentence(s)"));
    return cell;
  }

  function show() {
    var section = document.getElementById("rows");
    var query = parse(location.hash);
    if (!query) { section.hidden = true; return null; }
    var columns = data.columns[query.set];
    var rows = data.rows[query.set].filter(function (row) { return matches(row, query.where); });
    var conditions = Object.keys(query.where).map(function (k) { return k + " = " + query.where[k]; });
    document.getElementById("rows-title").textContent = rows.length + " row(s): " + query.set +
      (conditions.length ? " where " + conditions.join(", ") : "");
    var table = el("table", "rows rows-" + query.set);
    var head = el("tr");
    columns.forEach(function (c) { head.appendChild(el("th", "", c[1])); });
    if (query.set !== "articles") head.appendChild(el("th", "ev-col", "evidence (sentence · article · date)"));
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
        columns.forEach(function (c) { tr.appendChild(el("td", "", row[c[0]])); });
        if (query.set !== "articles") tr.appendChild(evidenceCell(row));
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
  var PAGE = 200;

  window.addEventListener("hashchange", show);
  window.kgReport = {data: data, show: show, ready: true};
  show();
})();
