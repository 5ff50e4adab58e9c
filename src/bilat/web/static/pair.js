/* bilat pair page: map, timeline, cooperation-conflict chart, event table,
   evidence and as-of state. Article text is only ever put into the page as
   text nodes (textContent), never as markup. */
(function () {
  "use strict";
  var t0 = performance.now();
  window.bilatScriptAt = t0;
  var data = JSON.parse(document.getElementById("pair-data").textContent);
  var css = getComputedStyle(document.documentElement);
  var NAMES = {};
  NAMES[data.a] = data.a_name;
  NAMES[data.b] = data.b_name;
  var byId = new Map(data.events.map(function (e) { return [e.id, e]; }));
  var state = { fictional: false, type: "", from: "", to: "", asof: "", selected: null };
  var redrawers = [];

  var colors = {};
  function color(type) {      // the type colours live in bilat.css (--t-agree, ...)
    if (!(type in colors)) colors[type] = css.getPropertyValue("--t-" + String(type).toLowerCase()).trim() || "#888";
    return colors[type];
  }
  function cname(code) { return code ? (NAMES[code] || code) : "—"; }
  function el(tag, attrs, text) {
    var n = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { n.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) n.textContent = String(text);
    return n;
  }

  // ISO day ("2022-04-06", "-0500-01-01", "0900-01-01") -> UTC Date
  function day(s) {
    if (!s) return null;
    var m = /^(-?)(\d{4,})-(\d\d)-(\d\d)$/.exec(s);
    if (!m) return null;
    var d = new Date(Date.UTC(2000, +m[3] - 1, +m[4]));
    d.setUTCFullYear((m[1] ? -1 : 1) * +m[2]);
    return d;
  }
  // a user's "YYYY[-MM[-DD]]" as the first or last ISO day of its span
  function bound(s, end) {
    s = (s || "").trim();
    if (!/^-?\d{4}(-\d\d(-\d\d)?)?$/.test(s)) return "";
    var parts = s.replace(/^-/, "").split("-").length;
    if (parts === 1) return s + (end ? "-12-31" : "-01-01");
    if (parts === 2) return s + (end ? "-31" : "-01");
    return s;
  }

  var DAY = 864e5;
  function yearStart(yr) { var d = new Date(Date.UTC(2000, 0, 1)); d.setUTCFullYear(yr); return d; }
  data.events.forEach(function (e) {
    var lo = day(e.lo), hi = day(e.hi);
    if (e.lo === "0000-01-01" && hi) lo = hi;              // open start: draw at its end
    if (hi && e.hi && e.hi.slice(0, 4) === "9999") hi = lo;  // open end: draw at its start
    e._lo = lo;
    e._hi = hi ? new Date(+hi + DAY) : null;
    e._span = lo && hi && (+e._hi - +lo) > 120 * DAY;
  });
  var dated = data.events.filter(function (e) { return e._lo; });

  function visible(e) {
    if (e.fictional && !state.fictional) return false;
    if (state.type && e.type !== state.type) return false;
    return true;
  }
  function inRange(e) {
    var from = bound(state.from, false), to = bound(state.to, true);
    if (!from && !to) return true;
    if (!e.lo) return false;
    if (from && e.hi < from) return false;
    if (to && e.lo > to) return false;
    return true;
  }
  function afterAsof(e) {
    var limit = bound(state.asof, true);
    return !!(limit && (!e.lo || e.lo > limit));
  }

  // ------------------------------------------------------------ time scale
  var extent = d3.extent(dated.flatMap(function (e) { return [e._lo, e._hi]; }));
  if (!extent[0]) { extent = [new Date(Date.UTC(1900, 0, 1)), new Date(Date.UTC(2030, 0, 1))]; }
  var pad = Math.max((+extent[1] - +extent[0]) * 0.03, 365 * DAY);
  var x0 = d3.scaleUtc().domain([new Date(+extent[0] - pad), new Date(+extent[1] + pad)]);
  var xz = x0.copy();
  var zoom = d3.zoom().scaleExtent([1, 20000]);

  // ------------------------------------------------------------ timeline
  var tl = document.getElementById("timeline");
  var lanes = data.types.length ? data.types : ["(none)"];
  var M = { top: 8, right: 16, bottom: 26, left: 96 }, LANE = 24;
  var tlW = Math.max(tl.clientWidth, 400), tlH = M.top + M.bottom + LANE * lanes.length;
  x0.range([M.left, tlW - M.right]);
  xz = x0.copy();
  var y = d3.scaleBand().domain(lanes).range([M.top, tlH - M.bottom]).paddingInner(0.12);
  var svg = d3.select(tl).append("svg").attr("width", tlW).attr("height", tlH)
    .attr("viewBox", [0, 0, tlW, tlH]).attr("role", "img").attr("aria-label", "Timeline of events by type");
  svg.append("defs").append("clipPath").attr("id", "tl-clip").append("rect")
    .attr("x", M.left).attr("y", 0).attr("width", tlW - M.left - M.right).attr("height", tlH);
  svg.append("g").selectAll("rect").data(lanes).join("rect").attr("class", "lane-bg")
    .attr("x", M.left).attr("width", tlW - M.left - M.right)
    .attr("y", function (t) { return y(t); }).attr("height", y.bandwidth());
  svg.append("g").selectAll("text").data(lanes).join("text").attr("class", "lane-label")
    .attr("x", M.left - 8).attr("text-anchor", "end").attr("dy", "0.35em")
    .attr("y", function (t) { return y(t) + y.bandwidth() / 2; })
    .style("fill", function (t) { return color(t); }).text(function (t) { return t; });
  var xAxis = svg.append("g").attr("class", "axis").attr("transform", "translate(0," + (tlH - M.bottom) + ")");
  var tlAsof = svg.append("line").attr("class", "asof-line").attr("y1", M.top).attr("y2", tlH - M.bottom)
    .style("display", "none");
  var marksG = svg.append("g").attr("clip-path", "url(#tl-clip)");
  var marks = marksG.selectAll(".mark").data(dated, function (e) { return e.id; }).join(function (enter) {
    return enter.append(function (e) {
      return document.createElementNS("http://www.w3.org/2000/svg", e._span ? "rect" : "circle");
    });
  })
    .attr("class", function (e) { return "mark" + (e.fictional ? " fictional" : ""); })
    .attr("data-event-id", function (e) { return e.id; })
    .attr("data-type", function (e) { return e.type; })
    .style("fill", function (e) { return color(e.type); })
    .style("stroke", function (e) { return e.fictional ? color(e.type) : null; })
    .on("click", function (ev, e) { select(e.id, true); });
  marks.append("title").text(function (e) { return (e.date || "") + " · " + e.type + " · " + e.summary; });

  function drawTimeline() {
    var band = y.bandwidth();
    var r = Math.min(5.5, band / 2 - 2);
    // points that would cover each other move up or down within their lane
    var dodge = {}, offsets = [0, -band * 0.3, band * 0.3], last = {};
    marks.filter(function (e) { return !e._span && visible(e); }).data()
      .map(function (e) { return [xz(new Date((+e._lo + +e._hi) / 2)), e]; })
      .sort(function (p, q) { return p[0] - q[0]; })
      .forEach(function (pq) {
        var e = pq[1], lane = last[e.type] || (last[e.type] = [-1e9, -1e9, -1e9]);
        var k = offsets.findIndex(function (_, i) { return pq[0] - lane[i] > 2 * r; });
        if (k < 0) k = 0;
        lane[k] = pq[0];
        dodge[e.id] = offsets[k];
      });
    marks.filter(function (e) { return !e._span; })
      .attr("cx", function (e) { return xz(new Date((+e._lo + +e._hi) / 2)); })
      .attr("cy", function (e) { return y(e.type) + band / 2 + (dodge[e.id] || 0); })
      .attr("r", r);
    marks.filter(function (e) { return e._span; })
      .attr("x", function (e) { return xz(e._lo); })
      .attr("width", function (e) { return Math.max(4, xz(e._hi) - xz(e._lo)); })
      .attr("y", function (e) { return y(e.type) + band * 0.2; })
      .attr("height", band * 0.6).attr("rx", 3);
    marks.classed("off", function (e) { return !visible(e); })
      .classed("after", afterAsof)
      .classed("selected", function (e) { return e.id === state.selected; });
    xAxis.call(d3.axisBottom(xz).ticks(Math.max(2, Math.floor(tlW / 90))).tickSizeOuter(0));
    var asofDay = day(bound(state.asof, true));
    tlAsof.style("display", asofDay ? null : "none").attr("x1", asofDay ? xz(asofDay) : 0)
      .attr("x2", asofDay ? xz(asofDay) : 0);
  }
  redrawers.push(drawTimeline);

  zoom.extent([[M.left, 0], [tlW - M.right, tlH]]).translateExtent([[M.left, 0], [tlW - M.right, tlH]])
    .on("zoom", function (ev) {
      xz = ev.transform.rescaleX(x0);
      redraw();
    });
  svg.call(zoom);
  // start on the years most events are in, when a few old ones would squeeze them together
  var los = dated.filter(function (e) { return !e.fictional; }).map(function (e) { return +e._lo; })
    .sort(function (p, q) { return p - q; });
  if (los.length >= 8) {
    var from = new Date(los[Math.floor(los.length * 0.2)] - 2 * 365.25 * DAY);
    if (x0(from) - x0.range()[0] > 0.4 * (x0.range()[1] - x0.range()[0])) {
      var k0 = (x0.range()[1] - x0.range()[0]) / (x0.range()[1] - x0(from));
      svg.call(zoom.transform, d3.zoomIdentity.translate(x0.range()[0] - k0 * x0(from), 0).scale(k0));
    }
  }
  document.getElementById("zoom-reset").addEventListener("click", function () {
    svg.transition().duration(300).call(zoom.transform, d3.zoomIdentity);
  });
  // preset windows: from a year (or N years before the last event) to the end
  document.querySelectorAll(".zoom-presets button[data-since]").forEach(function (b) {
    b.addEventListener("click", function () {
      var n = +b.getAttribute("data-since"), end = x0.domain()[1];
      var start = n < 0 ? new Date(+end - (-n) * 365.25 * DAY) : yearStart(n);
      if (+start <= +x0.domain()[0]) start = x0.domain()[0];
      var k = (x0.range()[1] - x0.range()[0]) / (x0(end) - x0(start));
      var t = d3.zoomIdentity.translate(x0.range()[0] - k * x0(start), 0).scale(k);
      svg.transition().duration(300).call(zoom.transform, t);
    });
  });

  // ------------------------------------------------------------ chart
  var ch = document.getElementById("chart");
  var chW = Math.max(ch.clientWidth, 300), chH = Math.max(ch.clientHeight, 200);
  var CM = { top: 12, right: 12, bottom: 26, left: 44 };
  var cx = d3.scaleUtc().range([CM.left, chW - CM.right]);
  var series = data.series || [];
  var lo = d3.min(series, function (d) { return d.conflict; }) || 0;
  var hi = d3.max(series, function (d) { return d.cooperation; }) || 0;
  if (lo === 0 && hi === 0) { lo = -1; hi = 1; }
  var cy = d3.scaleLinear().domain([Math.min(lo, 0), Math.max(hi, 0)]).nice().range([chH - CM.bottom, CM.top]);
  var csvg = d3.select(ch).append("svg").attr("width", chW).attr("height", chH).attr("viewBox", [0, 0, chW, chH])
    .attr("role", "img").attr("aria-label", "Goldstein score summed per year");
  csvg.append("defs").append("clipPath").attr("id", "ch-clip").append("rect")
    .attr("x", CM.left).attr("y", 0).attr("width", chW - CM.left - CM.right).attr("height", chH);
  csvg.append("g").attr("class", "axis").attr("transform", "translate(" + CM.left + ",0)")
    .call(d3.axisLeft(cy).ticks(6));
  csvg.append("line").attr("class", "zero").attr("x1", CM.left).attr("x2", chW - CM.right)
    .attr("y1", cy(0)).attr("y2", cy(0));
  var cxAxis = csvg.append("g").attr("class", "axis").attr("transform", "translate(0," + (chH - CM.bottom) + ")");
  var bars = csvg.append("g").attr("clip-path", "url(#ch-clip)");
  var coop = bars.selectAll(".coop").data(series).join("rect").attr("class", "coop");
  var conf = bars.selectAll(".conf").data(series).join("rect").attr("class", "conf");
  var net = bars.selectAll(".net").data(series).join("line").attr("class", "net");
  [coop, conf, net].forEach(function (s) {
    s.append("title").text(function (d) {
      return d.year + ": " + d.events + " event" + (d.events === 1 ? "" : "s") + ", Goldstein sum " +
        d.goldstein.toFixed(1) + " (cooperation +" + d.cooperation.toFixed(1) + ", conflict " + d.conflict.toFixed(1) + ")";
    });
  });
  var chAsof = csvg.append("line").attr("class", "asof-line").attr("y1", CM.top).attr("y2", chH - CM.bottom)
    .style("display", "none");

  function drawChart() {
    cx.domain(xz.domain());
    var x = function (d) { return cx(yearStart(d.year)); };
    var w = function (d) { return Math.max(3, cx(yearStart(d.year + 1)) - cx(yearStart(d.year)) - 1); };
    coop.attr("x", x).attr("width", w).attr("y", function (d) { return cy(d.cooperation); })
      .attr("height", function (d) { return cy(0) - cy(d.cooperation); });
    conf.attr("x", x).attr("width", w).attr("y", cy(0))
      .attr("height", function (d) { return cy(d.conflict) - cy(0); });
    net.attr("x1", x).attr("x2", function (d) { return x(d) + w(d); })
      .attr("y1", function (d) { return cy(d.goldstein); }).attr("y2", function (d) { return cy(d.goldstein); });
    cxAxis.call(d3.axisBottom(cx).ticks(Math.max(2, Math.floor(chW / 90))).tickSizeOuter(0));
    var asofDay = day(bound(state.asof, true));
    chAsof.style("display", asofDay ? null : "none").attr("x1", asofDay ? cx(asofDay) : 0)
      .attr("x2", asofDay ? cx(asofDay) : 0);
  }
  redrawers.push(drawChart);

  // ------------------------------------------------------------ table
  var rows = Array.prototype.slice.call(document.querySelectorAll("#events tbody tr[data-event-id]"));
  var countEl = document.getElementById("event-count");
  function filterTable() {
    var shown = 0;
    rows.forEach(function (tr) {
      var e = byId.get(tr.getAttribute("data-event-id"));
      var ok = e && visible(e) && inRange(e);
      tr.hidden = !ok;
      tr.classList.toggle("after", !!(e && afterAsof(e)));
      tr.classList.toggle("selected", !!(e && e.id === state.selected));
      if (ok) shown++;
    });
    countEl.textContent = shown + " of " + rows.length + " shown";
  }
  redrawers.push(filterTable);
  rows.forEach(function (tr) {
    var id = tr.getAttribute("data-event-id");
    tr.addEventListener("click", function () { select(id, false); });
    tr.addEventListener("keydown", function (ev) { if (ev.key === "Enter") select(id, false); });
  });
  document.getElementById("show-fictional").addEventListener("change", function (ev) {
    state.fictional = ev.target.checked; redraw();
  });
  document.getElementById("type-filter").addEventListener("change", function (ev) {
    state.type = ev.target.value; redraw();
  });
  document.getElementById("from-filter").addEventListener("input", function (ev) {
    state.from = ev.target.value; filterTable();
  });
  document.getElementById("to-filter").addEventListener("input", function (ev) {
    state.to = ev.target.value; filterTable();
  });

  function redraw() { redrawers.forEach(function (f) { f(); }); }

  // ------------------------------------------------------------ evidence
  var panel = document.getElementById("evidence");
  function select(id, fromTimeline) {
    var e = byId.get(id);
    if (!e) return;
    if (e.fictional && !state.fictional) {
      state.fictional = true;
      document.getElementById("show-fictional").checked = true;
    }
    state.selected = id;
    redraw();
    showEvidence(e);
    var tr = document.querySelector('#events tr[data-event-id="' + CSS.escape(id) + '"]');
    if (tr && fromTimeline) tr.scrollIntoView({ block: "nearest" });
  }

  function showEvidence(e) {
    panel.textContent = "";
    panel.appendChild(el("h2", null, "Evidence"));
    panel.appendChild(el("p", { "class": "ev-title" }, e.summary || e.type));
    var dl = el("dl");
    function row(k, v) { if (v === null || v === undefined || v === "") return; dl.appendChild(el("dt", null, k)); dl.appendChild(el("dd", null, v)); }
    row("Date", e.date || "undated");
    row("Type", e.type + (e.mode ? " · " + e.mode : "") + (e.cameo ? " (CAMEO " + e.cameo + ")" : ""));
    row("Actors", e.source || e.target ? cname(e.source) + " → " + cname(e.target)
      : (e.actors.length ? e.actors.map(cname).join(" & ") : "—"));
    row("Goldstein", e.goldstein === null ? "" : (e.goldstein > 0 ? "+" : "") + e.goldstein.toFixed(1));
    row("Count", e.count);
    if (e.fictional) row("Status", "fictional, negated or planned: not history");
    panel.appendChild(dl);
    if (e.response_to && byId.has(e.response_to)) {
      var prev = byId.get(e.response_to);
      var p = el("p", { "class": "small" }, "Answers: ");
      var a = el("a", { href: "#" }, (prev.date || "") + " " + prev.summary);
      a.addEventListener("click", function (ev) { ev.preventDefault(); select(prev.id, true); });
      p.appendChild(a);
      panel.appendChild(p);
    }
    var art = data.articles.find(function (x) { return x.title === e.article; }) || data.articles[0] || {};
    var sections = (data.sections || {})[e.article] || {};
    var boxes = [];
    e.evidence.forEach(function (ev) {
      panel.appendChild(el("p", { "class": "section" }, ev.section || "Lead"));
      // first the stored sentences of the section; the whole section follows when loaded
      var box = el("blockquote", { "class": "context", "data-context": "sentences" });
      boxes.push(box);
      var sentences = sections[ev.section || ""] || [[ev.start, ev.end, ev.text]];
      var found = false, prevEnd = null;
      sentences.forEach(function (s) {
        if (prevEnd !== null) box.appendChild(document.createTextNode(" "));
        if (prevEnd !== null && s[0] > prevEnd + 2) {
          box.appendChild(el("span", { "class": "gap", title: "text the store does not keep" }, "…"));
          box.appendChild(document.createTextNode(" "));
        }
        if (s[0] === ev.start && s[1] === ev.end) {
          box.appendChild(el("mark", null, s[2]));
          found = true;
        } else {
          box.appendChild(document.createTextNode(s[2]));
        }
        prevEnd = s[1];
      });
      if (!found) { box.textContent = ""; box.appendChild(el("mark", null, ev.text)); }
      panel.appendChild(box);
      var src = el("p", { "class": "src" });
      src.appendChild(document.createTextNode("Source: "));
      if (art.url) {
        var anchor = (ev.section || "").split(" > ").pop();
        var href = art.url + (anchor && anchor !== "Lead" && anchor !== "Infobox" ? "#" + encodeURIComponent(anchor.replace(/ /g, "_")) : "");
        src.appendChild(el("a", { href: href, rel: "noreferrer noopener", target: "_blank", "class": "source-link" }, art.title));
      } else {
        src.appendChild(document.createTextNode(art.title || ""));
      }
      src.appendChild(document.createTextNode(" · " + (art.path || "") + ", characters " + ev.start + "–" + ev.end));
      panel.appendChild(src);
    });
    sectionsOf(e).then(function (d) {
      if (!d || state.selected !== e.id) return;
      d.evidence.forEach(function (v, i) {
        var box = boxes[i], ev = e.evidence[i];
        // a box of a panel since redrawn, or another sentence: leave it
        if (!box || !box.isConnected || !v.context || !ev || v.start !== ev.start || v.end !== ev.end) return;
        showSection(box, v.context);
      });
    });
  }

  // An event's evidence in the whole text of its sections, asked of the
  // server on the first click (not embedded: most are never looked at).
  var sectionRequests = new Map();
  function sectionsOf(e) {
    if (!sectionRequests.has(e.id)) {
      var url = "/api/pairs/" + encodeURIComponent(data.a) + "/" + encodeURIComponent(data.b) + "/events/" +
        encodeURIComponent(e.id) + "/evidence" + (e.article ? "?title=" + encodeURIComponent(e.article) : "");
      var req = fetch(url, { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .catch(function () { return null; })
        .then(function (d) { if (!d) sectionRequests.delete(e.id); return d; });   // failed: ask again next time
      sectionRequests.set(e.id, req);
    }
    return sectionRequests.get(e.id);
  }

  // The section's text with the sentence marked: text nodes and a <mark> only.
  // The offsets count code points (as the server does), so split by them.
  function showSection(box, ctx) {
    var chars = Array.from(ctx.text);
    box.textContent = "";
    box.classList.add("whole");
    box.setAttribute("data-context", "section");
    box.appendChild(document.createTextNode(chars.slice(0, ctx.start).join("")));
    var mark = el("mark", null, chars.slice(ctx.start, ctx.end).join(""));
    box.appendChild(mark);
    box.appendChild(document.createTextNode(chars.slice(ctx.end).join("")));
    // a long section scrolls inside its box: bring the sentence near its top
    box.scrollTop = Math.max(0, mark.offsetTop - box.clientHeight / 4);
  }

  // ------------------------------------------------------------ as-of
  var asofForm = document.getElementById("asof-form");
  var asofInput = document.getElementById("asof-date");
  var asofBox = document.getElementById("asof-state");
  state.asof = asofInput.value;
  function showAsof(s) {
    asofBox.textContent = "";
    var est = s.established === null ? "establishment date unknown"
      : s.established ? "relations established (" + s.established_date + ")" : "relations not yet established";
    var counts = Object.keys(s.counts).map(function (t) { return t + " " + s.counts[t]; }).join(", ");
    var p = el("p");
    p.appendChild(el("strong", null, "On " + s.date));
    p.appendChild(document.createTextNode(": " + est + "; " + s.events_so_far + " event" +
      (s.events_so_far === 1 ? "" : "s") + " so far" + (counts ? " (" + counts + ")" : "") + "; " +
      s.missions.length + " open mission" + (s.missions.length === 1 ? "" : "s") + "; lists in force: " +
      (s.lists.length ? s.lists.map(function (x) { return x.name; }).join(", ") : "none") + "."));
    asofBox.appendChild(p);
    if (s.last_events.length) {
      asofBox.appendChild(el("p", { "class": "small" }, "Latest: " + s.last_events.slice(-3).map(function (e) {
        return e.date + " " + e.summary;
      }).join("; ")));
    }
  }
  asofForm.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var v = asofInput.value.trim();
    var url = new URL(window.location.href);
    if (!v) { clearAsof(); return; }
    fetch("/api/pairs/" + encodeURIComponent(data.a) + "/" + encodeURIComponent(data.b) + "/asof/" + encodeURIComponent(v))
      .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, body: j }; }); })
      .then(function (res) {
        if (!res.ok) {
          asofBox.textContent = "";
          asofBox.appendChild(el("p", { "class": "bad" }, res.body.error ? res.body.error.message : "error"));
          return;
        }
        state.asof = v;
        showAsof(res.body);
        url.searchParams.set("asof", v);
        history.replaceState(null, "", url);
        redraw();
      });
  });
  function clearAsof() {
    state.asof = "";
    asofInput.value = "";
    asofBox.textContent = "";
    var url = new URL(window.location.href);
    url.searchParams.delete("asof");
    history.replaceState(null, "", url);
    redraw();
  }
  document.getElementById("asof-clear").addEventListener("click", clearAsof);

  redraw();
  window.bilatReady = true;
  window.bilatDrawMs = performance.now() - t0;     // drawing alone
  window.bilatReadyAt = performance.now();         // since the navigation started
  document.documentElement.setAttribute("data-ready", "1");

  // ------------------------------------------------------------ map (async: loads the atlas)
  var mapEl = document.getElementById("pairmap");
  fetch("/static/vendor/countries-50m.json").then(function (r) { return r.json(); }).then(function (topo) {
    drawMap(topo);
    window.bilatMapReady = true;
    document.documentElement.setAttribute("data-map-ready", "1");
  }).catch(function (err) {
    mapEl.appendChild(el("p", { "class": "muted" }, "The map could not be drawn: " + err));
  });

  function drawMap(topo) {
    var W = Math.max(mapEl.clientWidth, 300), H = Math.max(mapEl.clientHeight, 260);
    var world = topojson.feature(topo, topo.objects.countries).features;
    function match(code, num, name) {
      return world.find(function (f) { return num ? f.id === num : (f.properties && f.properties.name) === name; });
    }
    var fa = match(data.a, data.a_numeric, data.a === "XKX" ? "Kosovo" : data.a_name);
    var fb = match(data.b, data.b_numeric, data.b === "XKX" ? "Kosovo" : data.b_name);
    var points = [];
    data.missions.forEach(function (m) {
      if (m.lat === null || m.lon === null) return;
      points.push({ kind: "mission", closed: m.status !== "open", lon: m.lon, lat: m.lat,
        label: m.city, title: cname(m.sending) + " " + m.kind + " in " + m.city + (m.opened ? ", opened " + m.opened : "") +
          (m.status !== "open" ? " (" + m.status + (m.closed ? " " + m.closed : "") + ")" : "") });
    });
    ((data.border && data.border.crossings) || []).forEach(function (c) {
      if (c.lat === null || c.lon === null) return;
      points.push({ kind: "crossing", lon: c.lon, lat: c.lat, label: c.name, title: "Border crossing " + c.name });
    });
    data.sites.forEach(function (s) {
      if (s.lat === null || s.lon === null) return;
      points.push({ kind: "site", lon: s.lon, lat: s.lat, label: s.name, title: s.name + " (" + s.kind + ")" });
    });
    // merge points on the same spot into one label
    var spots = new Map();
    points.forEach(function (p) {
      var k = p.lon.toFixed(2) + "," + p.lat.toFixed(2);
      if (!spots.has(k)) spots.set(k, Object.assign({}, p, { titles: [p.title] }));
      else spots.get(k).titles.push(p.title);
    });
    points = Array.from(spots.values());
    var pts = { type: "MultiPoint", coordinates: points.map(function (p) { return [p.lon, p.lat]; }) };
    var focus = { type: "FeatureCollection", features: [fa, fb].filter(Boolean).concat(
      points.length ? [{ type: "Feature", geometry: pts, properties: {} }] : []) };
    var proj;
    if (focus.features.length) {
      var c = d3.geoCentroid(focus);
      proj = d3.geoAzimuthalEqualArea().rotate([-c[0], -c[1]]).fitExtent([[16, 16], [W - 16, H - 16]], focus);
    } else {
      proj = d3.geoEqualEarth().fitSize([W, H], { type: "Sphere" });
    }
    var path = d3.geoPath(proj);
    var msvg = d3.select(mapEl).append("svg").attr("width", W).attr("height", H).attr("viewBox", [0, 0, W, H])
      .attr("role", "img").attr("aria-label", "Map of " + data.a_name + " and " + data.b_name);
    msvg.append("path").attr("class", "sphere").attr("d", path({ type: "Sphere" }));
    msvg.append("path").attr("class", "graticule").attr("d", path(d3.geoGraticule10()));
    msvg.append("g").selectAll("path").data(world).join("path")
      .attr("class", function (f) { return "country" + (f === fa ? " a" : f === fb ? " b" : ""); })
      .attr("d", path)
      .append("title").text(function (f) { return f.properties ? f.properties.name : ""; });
    // a country too small to see at this scale gets a ring
    [[fa, "a"], [fb, "b"]].forEach(function (fc) {
      if (fc[0] && path.area(fc[0]) < 40) {
        var c = path.centroid(fc[0]);
        if (isFinite(c[0])) msvg.append("circle").attr("class", "ring " + fc[1]).attr("cx", c[0]).attr("cy", c[1]).attr("r", 9);
      }
    });
    var g = msvg.append("g").selectAll("g").data(points).join("g")
      .attr("class", function (p) { return "point " + p.kind + (p.closed ? " closed" : ""); })
      .attr("transform", function (p) { var xy = proj([p.lon, p.lat]); return "translate(" + xy[0] + "," + xy[1] + ")"; });
    g.filter(function (p) { return p.kind === "mission"; }).append("circle").attr("r", 4.5);
    g.filter(function (p) { return p.kind === "crossing"; }).append("path").attr("d", d3.symbol(d3.symbolDiamond, 70)());
    g.filter(function (p) { return p.kind === "site"; }).append("path").attr("d", d3.symbol(d3.symbolTriangle, 60)());
    g.append("title").text(function (p) { return p.titles.join("\n"); });
    // labels: right of the point, else left, above or below; none where all would cover another
    var boxes = [];
    points.map(function (p) { var xy = proj([p.lon, p.lat]); return { p: p, x: xy[0], y: xy[1] }; })
      .sort(function (u, v) { return u.y - v.y; })
      .forEach(function (q) {
        var w = q.p.label.length * 6.3, h = 12;
        var tries = [[7, 0, "start"], [-7, 0, "end"], [0, -11, "middle"], [0, 13, "middle"]];
        for (var i = 0; i < tries.length; i++) {
          var t = tries[i], x1 = t[2] === "start" ? q.x + t[0] : t[2] === "end" ? q.x + t[0] - w : q.x - w / 2;
          var box = [x1, q.y + t[1] - h / 2, x1 + w, q.y + t[1] + h / 2];
          var clash = box[0] < 0 || box[2] > W || boxes.some(function (b) {
            return box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3];
          });
          if (!clash) {
            boxes.push(box);
            q.p.labelAt = t;
            return;
          }
        }
      });
    g.filter(function (p) { return p.labelAt; }).append("text")
      .attr("x", function (p) { return p.labelAt[0]; }).attr("y", function (p) { return p.labelAt[1]; })
      .attr("text-anchor", function (p) { return p.labelAt[2]; })
      .attr("dy", "0.35em").text(function (p) { return p.label; });
  }
})();
