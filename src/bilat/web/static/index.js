/* bilat index: filter the pairs and shade the countries that have data. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("index-data").textContent);
  var input = document.getElementById("pair-filter");
  var countEl = document.getElementById("pair-count");
  var rows = Array.prototype.slice.call(document.querySelectorAll("#pairs tbody tr[data-search]"));

  function filter() {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (tr) {
      var hay = tr.getAttribute("data-search");
      var ok = words.every(function (w) { return hay.indexOf(w) >= 0; });
      tr.hidden = !ok;
      if (ok) shown++;
    });
    countEl.textContent = shown + " shown";
  }
  input.addEventListener("input", filter);
  input.form.addEventListener("submit", function (ev) { ev.preventDefault(); filter(); });

  var mapEl = document.getElementById("worldmap");
  var byNum = {}, byName = {};
  Object.keys(data.countries).forEach(function (code) {
    var c = data.countries[code];
    c.code = code;
    if (c.id) byNum[c.id] = c; else byName[c.name] = c;
  });
  var max = d3.max(Object.values(data.countries), function (c) { return c.n; }) || 1;
  var shade = d3.scaleSequentialLog(d3.interpolateBlues).domain([1, Math.max(2, max)]);
  fetch("/static/vendor/countries-50m.json").then(function (r) { return r.json(); }).then(function (topo) {
    var W = Math.max(mapEl.clientWidth, 300), H = Math.round(Math.min(W * 0.48, 520));
    var land = topojson.feature(topo, topo.objects.countries).features;
    var proj = d3.geoEqualEarth().fitExtent([[6, 6], [W - 6, H - 6]], { type: "Sphere" });
    var path = d3.geoPath(proj);
    var svg = d3.select(mapEl).append("svg").attr("width", W).attr("height", H).attr("viewBox", [0, 0, W, H])
      .attr("role", "img").attr("aria-label", "Countries with data");
    function info(f) { return f.id ? byNum[f.id] : byName[f.properties && f.properties.name]; }
    svg.append("g").selectAll("path").data(land).join("path")
      .attr("class", function (f) { return "country" + (info(f) ? " has" : ""); })
      .attr("d", path)
      .style("fill", function (f) { var c = info(f); return c ? shade(c.n + 0.5) : null; })
      .on("click", function (ev, f) {
        var c = info(f);
        if (!c) return;
        input.value = c.code.toLowerCase();
        filter();
      })
      .append("title").text(function (f) {
        var c = info(f);
        var name = f.properties ? f.properties.name : "";
        return c ? name + ": " + c.n + " pair" + (c.n === 1 ? "" : "s") : name;
      });
    window.bilatMapReady = true;
    document.documentElement.setAttribute("data-map-ready", "1");
  });
  filter();
})();
