/* Relais postal-code finder: answers "who can help me here?" from the lookup file
   (assets/generated/finder.json, generator/finder.py), which holds the request
   function's own answers for every postal area. Pure: no page, no network. The same
   file runs in the browser (window.RelaisFinder) and in the tests (node). */
(function (root) {
  "use strict";
  // A Canadian FSA, optionally followed by the rest of the postal code (Canada Post letters).
  var PATTERN = /^[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z]([0-9][ABCEGHJ-NPRSTV-Z][0-9])?$/;
  var QUEBEC = "GHJ";

  /* "j0k2r0", " J0K-2R0 " → "J0K 2R0"; "j0k" → "J0K"; null when not a postal code. */
  function normalise(raw) {
    var compact = String(raw || "").replace(/[\s-]+/g, "").toUpperCase();
    if (!PATTERN.test(compact)) return null;
    return compact.length === 3 ? compact : compact.slice(0, 3) + " " + compact.slice(3);
  }

  /* The municipality `code` as {code, name, mrc}. */
  function place(data, code) {
    var p = data.places[code];
    return { code: code, name: p[0], mrc: p[1] };
  }

  /* The answer index of municipality `code` in `area`, or -1. */
  function inArea(area, code) {
    var m = (area && area.m) || [];
    for (var i = 0; i < m.length; i += 1) if (m[i][0] === code) return m[i][1];
    return -1;
  }

  /* The municipality a full code names (postcodes: FSA → municipality → its LDUs), or null. */
  function named(data, code) {
    var towns = data.postcodes[code.slice(0, 3)] || {};
    var ldu = code.slice(4);
    for (var m in towns) if (towns[m].split(" ").indexOf(ldu) !== -1) return m;
    return null;
  }

  /* {status: "invalid" | "outside" | "unknown" | "choose" | "found", …}, as the request
     function decides: a full code the table lists decides; else the municipality `choice`
     (its code) among the area's; else the area when it decides; else "choose" lists the
     area's municipalities ({code, name, mrc, region}, by region then name), or its
     regions ({code, region, municipalities}) where the table has no municipality list. */
  function find(data, raw, choice) {
    var code = normalise(raw);
    if (!code) return { status: "invalid" };
    var fsa = code.slice(0, 3);
    if (QUEBEC.indexOf(fsa.charAt(0)) === -1) return { status: "outside", code: code };
    var area = data.areas[fsa];
    var town = code.length > 3 ? named(data, code) : null;
    var index = -1, chosen = false;
    if (town) index = inArea(area, town);
    else if (code.length > 3 && code in data.codes) index = data.codes[code];
    else if (!area) return { status: "unknown", code: code };
    else if (choice && inArea(area, choice) !== -1) { town = choice; chosen = true; index = inArea(area, choice); }
    else if ("x" in area) index = area.x;
    else if (area.r) {
      // No municipality list for this area: the region, as the form then asks it.
      area.r.forEach(function (r) { if (r[0] === choice) index = r[1]; });
      if (index === -1) {
        return { status: "choose", code: code, regions: area.r.map(function (r) {
          return { code: r[0], region: r[0], municipalities: r[2] };
        }) };
      }
    } else {
      return {
        status: "choose",
        code: code,
        places: area.m.map(function (m) {
          var p = place(data, m[0]);
          p.region = data.answers[m[1]].r;
          return p;
        })
      };
    }
    var answer = data.answers[index];
    return {
      status: "found",
      code: code,
      region: answer.r,
      erac: answer.e,
      advisors: answer.a.slice(),
      firstLine: answer.f || null,
      place: town ? place(data, town) : null,
      chosen: chosen
    };
  }

  var api = { normalise: normalise, find: find };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.RelaisFinder = api;
})(this);
