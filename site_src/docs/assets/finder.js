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

  /* {status: "invalid" | "outside" | "unknown" | "choose" | "found", …}: "choose" lists the
     regions sharing the area (with their municipalities) until `choice` names one. */
  function find(data, raw, choice) {
    var code = normalise(raw);
    if (!code) return { status: "invalid" };
    var fsa = code.slice(0, 3);
    if (QUEBEC.indexOf(fsa.charAt(0)) === -1) return { status: "outside", code: code };
    var entry = (code.length > 3 && data.codes[code]) || data.areas[fsa];
    if (!entry) return { status: "unknown", code: code };
    if (entry.choose) {
      var picked = null;
      entry.choose.forEach(function (option) { if (option.r === choice) picked = option; });
      if (!picked) return { status: "choose", code: code, choices: entry.choose };
      entry = picked;
    }
    return { status: "found", code: code, region: entry.r, erac: entry.e, advisors: entry.a.slice() };
  }

  var api = { normalise: normalise, find: find };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.RelaisFinder = api;
})(this);
