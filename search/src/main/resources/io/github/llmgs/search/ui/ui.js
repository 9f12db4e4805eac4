// llmgs dashboard: sorting and filtering in place, and the live parts (server-sent events).
// The pages work without it; this file is served from the jar and fetches nothing else.
(function () {
  "use strict";

  function cellValue(row, index, numeric) {
    var cell = row.cells[index];
    if (!cell) return numeric ? NaN : "";
    var v = cell.hasAttribute("data-v") ? cell.getAttribute("data-v") : cell.textContent;
    return numeric ? (v === "" ? NaN : Number(v)) : v.toLowerCase();
  }

  function sortTable(table) {
    var key = table.getAttribute("data-sort-index");
    if (key === null) return;
    var index = Number(key), desc = table.getAttribute("data-sort-desc") === "1";
    var th = table.tHead.rows[0].cells[index];
    var numeric = th.hasAttribute("data-numeric");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellValue(a, index, numeric), y = cellValue(b, index, numeric);
      if (numeric) {
        if (isNaN(x) || isNaN(y)) return isNaN(x) ? (isNaN(y) ? 0 : 1) : -1; // missing values last
        return desc ? y - x : x - y;
      }
      return desc ? y.localeCompare(x, undefined, {numeric: true}) : x.localeCompare(y, undefined, {numeric: true});
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }

  function makeSortable(table) {
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function (th, i) {
      th.addEventListener("click", function (event) {
        event.preventDefault();
        var same = table.getAttribute("data-sort-index") === String(i);
        table.setAttribute("data-sort-desc", same && table.getAttribute("data-sort-desc") !== "1" ? "1" : "0");
        table.setAttribute("data-sort-index", String(i));
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", table.getAttribute("data-sort-desc") === "1" ? "descending" : "ascending");
        sortTable(table);
      });
    });
  }

  function filterRuns() {
    var input = document.querySelector("#filter input[name=q]");
    var table = document.getElementById("runs");
    if (!input || !table) return;
    var q = input.value.trim().toLowerCase(), shown = 0;
    Array.prototype.forEach.call(table.tBodies[0].rows, function (r) {
      var hit = q === "" || (r.getAttribute("data-id") + " " + r.textContent).toLowerCase().indexOf(q) >= 0;
      r.hidden = !hit;
      if (hit) shown++;
    });
    var count = document.getElementById("count");
    if (count) count.textContent = shown + (shown === 1 ? " run" : " runs");
  }

  function fmt(v, digits) {
    return v === null || v === undefined ? "" : Number(v).toFixed(digits);
  }

  function cell(tr, text, cls, sortValue) {
    var td = document.createElement("td");
    td.textContent = text;
    if (cls) td.className = cls;
    if (sortValue !== undefined) td.setAttribute("data-v", sortValue === null ? "" : String(sortValue));
    tr.appendChild(td);
    return td;
  }

  function runRow(r) {
    var tr = document.createElement("tr");
    tr.setAttribute("data-id", r.id);
    tr.className = r.phase;
    var a = document.createElement("a");
    a.href = "/run/" + r.id.split("/").map(encodeURIComponent).join("/");
    a.textContent = r.task;
    cell(tr, "").appendChild(a);
    cell(tr, r.method);
    cell(tr, r.seed, "", r.seed);
    cell(tr, r.status, "status");
    cell(tr, fmt(r.best_score, 6), "num", r.best_score);
    cell(tr, r.programs === null ? "" : Number(r.programs).toLocaleString("en-US"), "num", r.programs);
    cell(tr, fmt(r.wall_seconds, 1), "num", r.wall_seconds);
    return tr;
  }

  function liveRuns(live) {
    var table = document.getElementById("runs");
    var prefix = new URLSearchParams(location.search).get("in");
    prefix = prefix ? prefix.replace(/^\/+|\/+$/g, "") + "/" : "";
    var source = new EventSource(live.getAttribute("data-src"));
    source.addEventListener("runs", function (event) {
      var body = table.tBodies[0];
      var fresh = document.createElement("tbody");
      JSON.parse(event.data).forEach(function (r) {
        if (prefix === "" || r.id.indexOf(prefix) === 0) fresh.appendChild(runRow(r));
      });
      table.replaceChild(fresh, body);
      sortTable(table);
      filterRuns();
      live.setAttribute("data-updated", String(Date.now()));
    });
  }

  function text(id, value) {
    var el = document.getElementById(id);
    if (el && value !== undefined) el.textContent = value;
  }

  function refreshImage(id, version) {
    var img = document.getElementById(id);
    if (!img || !img.getAttribute("data-src")) return;
    img.src = img.getAttribute("data-src") + encodeURIComponent(version);
    img.hidden = false;
  }

  function liveRun(live) {
    var offset = live.getAttribute("data-offset") || "0";
    var lastBest = null;
    var source = new EventSource(live.getAttribute("data-src") + "?from=" + encodeURIComponent(offset));
    var events = document.querySelector("#events tbody");
    function showRow(r, version) {
      text("status", r.status);
      text("best", fmt(r.best_score, 6));
      text("programs", r.programs === null ? "" : Number(r.programs).toLocaleString("en-US"));
      text("wall", fmt(r.wall_seconds, 1));
      if (r.pretty) {
        text("program", r.pretty);
        var none = document.getElementById("episode-none");
        if (none) none.hidden = true;
      }
      if (r.best_score !== lastBest && r.best_score !== null) {
        lastBest = r.best_score;
        refreshImage("curve", version);
        refreshImage("episode", version);
      }
    }
    source.addEventListener("event", function (event) {
      var e = JSON.parse(event.data);
      if (events && e.row_html) events.insertAdjacentHTML("beforeend", e.row_html);
    });
    source.addEventListener("run", function (event) {
      showRow(JSON.parse(event.data), event.lastEventId);
    });
    source.addEventListener("end", function (event) {
      var r = JSON.parse(event.data);
      lastBest = null; // the finished curve comes from the plot API: draw it again
      showRow(r, event.lastEventId + "e");
      live.setAttribute("data-phase", r.phase);
      source.close();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), makeSortable);
    var input = document.querySelector("#filter input[name=q]");
    if (input) input.addEventListener("input", filterRuns);
    var live = document.getElementById("live");
    if (!live || typeof EventSource === "undefined") return;
    if (live.getAttribute("data-kind") === "runs") liveRuns(live);
    else if (live.getAttribute("data-kind") === "run" && live.getAttribute("data-phase") === "running") liveRun(live);
  });
})();
