/* Relais — response statistics (the "Statistiques" page) and the regional median on the
   thank-you page, read from the function's public JSON (GET /stats). Without JavaScript the
   pages link to the function's own HTML table. No personal data is read or shown. */
(function () {
  "use strict";
  var OUTCOMES = ["accompanied", "referred_program", "referred_elsewhere", "not_pursued", "unreachable"];
  var SVG = "http://www.w3.org/2000/svg";

  function number(value, lang) {
    if (value === null || value === undefined) return "< 5";
    var text = String(value);
    return lang === "fr" ? text.replace(".", ",") : text;
  }

  function chart(rows, caption) {
    var totals = {};
    rows.forEach(function (row) { totals[row.month] = (totals[row.month] || 0) + (row.received || 0); });
    var months = Object.keys(totals).filter(function (m) { return totals[m] >= 5; }).sort().slice(-12);
    if (!months.length) return null;
    var top = Math.max.apply(null, months.map(function (m) { return totals[m]; }));
    var bar = 36, gap = 12, height = 160, width = months.length * (bar + gap) + gap;
    var figure = document.createElement("figure");
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    svg.setAttribute("width", String(width));
    svg.setAttribute("height", String(height));
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", caption);
    months.forEach(function (month, i) {
      var h = Math.round(totals[month] / top * (height - 30));
      var x = gap + i * (bar + gap);
      var rect = document.createElementNS(SVG, "rect");
      rect.setAttribute("x", String(x));
      rect.setAttribute("y", String(height - 20 - h));
      rect.setAttribute("width", String(bar));
      rect.setAttribute("height", String(h));
      rect.setAttribute("class", "relais-stats-bar");
      svg.appendChild(rect);
      [[totals[month], height - 24 - h, "11"], [month.slice(2), height - 5, "10"]].forEach(function (t) {
        var text = document.createElementNS(SVG, "text");
        text.setAttribute("x", String(x + bar / 2));
        text.setAttribute("y", String(t[1]));
        text.setAttribute("text-anchor", "middle");
        text.setAttribute("font-size", t[2]);
        text.textContent = String(t[0]);
        svg.appendChild(text);
      });
    });
    var figcaption = document.createElement("figcaption");
    figcaption.textContent = caption;
    figure.appendChild(svg);
    figure.appendChild(figcaption);
    return figure;
  }

  function table(data, headers, lang) {
    var tableEl = document.createElement("table");
    tableEl.tabIndex = 0;  // it scrolls sideways on a phone: reachable by keyboard
    var head = tableEl.createTHead().insertRow();
    headers.forEach(function (label) {
      var th = document.createElement("th");
      th.scope = "col";
      th.textContent = label;
      head.appendChild(th);
    });
    var body = tableEl.createTBody();
    data.rows.forEach(function (row) {
      var tr = body.insertRow();
      var th = document.createElement("th");
      th.scope = "row";
      th.textContent = row.month;
      tr.appendChild(th);
      var region = (data.regions[row.region] || {})[lang] || row.region;
      var cells = [region, number(row.received, lang), number(row.taken_within_2_business_days, lang),
        number(row.median_business_days_to_take, lang)];
      OUTCOMES.forEach(function (o) { cells.push(number(row.closed[o], lang)); });
      cells.forEach(function (text) { tr.insertCell().textContent = text; });
    });
    return tableEl;
  }

  function showStatistics(box) {
    var lang = box.getAttribute("data-lang") || "fr";
    fetch(box.getAttribute("data-stats-url"), { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data || !data.rows) return;
        if (!data.rows.length) {
          var empty = document.createElement("p");
          empty.textContent = box.getAttribute("data-empty");
          box.appendChild(empty);
          return;
        }
        var figure = chart(data.rows, box.getAttribute("data-caption"));
        if (figure) box.appendChild(figure);
        box.appendChild(table(data, box.getAttribute("data-headers").split("|"), lang));
      })
      .catch(function () { /* the link to the HTML table stays */ });
  }

  function showMedian(box) {
    var region = new URLSearchParams(window.location.search).get("region");
    if (!region || !/^[0-9]{2}$/.test(region)) return;
    fetch(box.getAttribute("data-stats-url"), { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        var medians = data && data.median_business_days_to_take_last_12_months;
        var value = medians ? medians[region] : null;
        if (typeof value !== "number") return;
        box.querySelector("[data-median]").textContent = number(value, box.getAttribute("data-lang") || "fr");
        box.hidden = false;
      })
      .catch(function () { /* nothing to state */ });
  }

  function start() {
    var stats = document.getElementById("relais-stats");
    if (stats) showStatistics(stats);
    var median = document.getElementById("relais-median");
    if (median) showMedian(median);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
