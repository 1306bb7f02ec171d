/* Relais: small progressive enhancements. Every page works without this file:
   the program list shows every item, the request form posts urlencoded. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var script = document.currentScript;
  // The site's root, from this script's own address (assets/relais.js), whatever the page.
  var SITE_ROOT = script ? new URL("../", script.src) : new URL("/", window.location.href);
  // The proof-of-work worker sits beside this file (assets/relais-pow.js).
  var workerUrl = script && script.src ? script.src.replace(/relais\.js(\?.*)?$/, "relais-pow.js") : "";

  /* ---- programs index: filter the list in place ------------------------------ */
  function setupFilters() {
    var form = document.getElementById("relais-filters");
    var list = document.getElementById("relais-programs");
    if (!form || !list) return;
    var items = Array.prototype.slice.call(list.querySelectorAll("li[data-regions]"));
    var count = document.getElementById("relais-count");

    function checked(name) {
      return Array.prototype.slice
        .call(form.querySelectorAll('input[name="' + name + '"]:checked'))
        .map(function (input) { return input.value; });
    }
    function anyIn(values, attr) {
      if (!values.length) return true;
      var have = (attr || "").split(" ");
      return values.some(function (v) { return have.indexOf(v) !== -1; });
    }
    // "Open now": an open program whose start and end (ISO dates, "-" for none) hold today.
    var today = new Date().toISOString().slice(0, 10);
    function openToday(window) {
      if (!window) return false;
      var dates = window.split(" ");
      return (dates[0] === "-" || dates[0] <= today) && (dates[1] === "-" || dates[1] >= today);
    }
    function apply() {
      var region = form.elements.region.value;
      var kinds = checked("kind");
      var audiences = checked("audience");
      var openOnly = checked("open").length > 0;
      var shown = 0;
      items.forEach(function (li) {
        var regions = li.getAttribute("data-regions");
        var ok = (!region || regions === "all" || regions.split(" ").indexOf(region) !== -1) &&
          anyIn(kinds, li.getAttribute("data-kinds")) &&
          anyIn(audiences, li.getAttribute("data-audiences")) &&
          (!openOnly || openToday(li.getAttribute("data-open")));
        li.hidden = !ok;
        if (ok) shown += 1;
      });
      count.querySelector("[data-count]").textContent = String(shown);
      count.querySelector("[data-count-label]").textContent =
        form.getAttribute(shown === 1 ? "data-count-one" : "data-count-many");
    }
    // Filters given in the address (?region=14&kind=grant) apply on arrival.
    var params = new URLSearchParams(window.location.search);
    if (params.get("region")) form.elements.region.value = params.get("region");
    ["kind", "audience", "open"].forEach(function (name) {
      params.getAll(name).forEach(function (value) {
        var box = form.querySelector('input[name="' + name + '"][value="' + CSS.escape(value) + '"]');
        if (box) box.checked = true;
      });
    });
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    apply();
  }

  /* ---- request form: JSON post, field errors, split postal areas ------------- */
  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  /* The proof of work (docs/function.md "Abuse limits"): fetched and solved in a Web
     Worker from the first time the person enters the form, so it is ready when they send.
     Anything missing (no Worker, the challenge unreachable, too slow) only means the
     request goes without it, under stricter limits: the form never waits more than
     PROOF_WAIT_MS for it. */
  var PROOF_WAIT_MS = 8000;
  function makeProof(challengeUrl) {
    var state = { status: "idle", value: "", expires: 0, waiting: [] };
    function settle(status, value) {
      state.status = status;
      state.value = value || "";
      var waiting = state.waiting;
      state.waiting = [];
      waiting.forEach(function (done) { done(); });
    }
    function start() {
      if (state.status === "working") return;
      if (!window.Worker || !window.fetch || !workerUrl || !challengeUrl) return settle("failed");
      state.status = "working";
      fetch(challengeUrl, { headers: { Accept: "application/json" }, credentials: "omit" })
        .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
        .then(function (challenge) {
          var match = /[?&]expires=(\d+)/.exec(String(challenge.salt || ""));
          state.expires = match ? Number(match[1]) : 0;
          var worker = new Worker(workerUrl);
          worker.onmessage = function (event) {
            worker.terminate();
            if (!event.data || typeof event.data.number !== "number") return settle("failed");
            settle("done", btoa(JSON.stringify({
              algorithm: challenge.algorithm,
              challenge: challenge.challenge,
              number: event.data.number,
              salt: challenge.salt,
              signature: challenge.signature
            })));
          };
          worker.onerror = function () { worker.terminate(); settle("failed"); };
          worker.postMessage(challenge);
        })
        .catch(function () { settle("failed"); });
    }
    return {
      start: function () { if (state.status === "idle") start(); },
      // A proof buys one request: after each answer, work out a fresh one.
      renew: function () { state.status = "idle"; state.value = ""; start(); },
      // Calls back with the proof ("" without one) as soon as it is known, or after PROOF_WAIT_MS.
      when: function (callback) {
        var called = false;
        function done() {
          if (called) return;
          called = true;
          var fresh = state.status === "done" && state.expires - 60 > Date.now() / 1000;
          callback(fresh ? state.value : "");
        }
        if (state.status === "done" && state.expires - 60 <= Date.now() / 1000) state.status = "idle";
        if (state.status === "idle") start();
        if (state.status !== "working") return done();
        state.waiting.push(done);
        window.setTimeout(done, PROOF_WAIT_MS);
      }
    };
  }

  function setupRequestForm() {
    var form = document.getElementById("relais-request");
    if (!form) return;
    // The challenge endpoint is the request endpoint's sibling: …/requests → …/challenge.
    var proof = makeProof(form.action.replace(/requests\/?$/, "challenge"));
    form.addEventListener("focusin", proof.start);
    var summary = document.getElementById("relais-error-summary");
    var status = form.querySelector("[data-status]");
    var choice = document.getElementById("relais-region-choice");
    var submit = form.querySelector('button[type="submit"]');
    // The no-JavaScript municipality list is replaced by the question the server asks when
    // needed, unless the finder ("Qui peut m'aider, ici ?") already has the answer.
    var params = new URLSearchParams(window.location.search);
    var nojsPlace = form.querySelector(".relais-nojs-only");
    var placeList = document.getElementById("municipality");
    var givenPlace = params.get("municipality");
    var givenOption = givenPlace && placeList && Array.prototype.filter.call(placeList.options, function (o) {
      return o.value === givenPlace;
    })[0];
    if (givenOption) {
      givenOption.selected = true;
      nojsPlace.classList.remove("relais-nojs-only");
      document.getElementById("municipality-nojs-hint").hidden = true;
      document.getElementById("municipality-given-hint").hidden = false;
      placeList.setAttribute("aria-describedby", "municipality-given-hint municipality-error");
    } else if (nojsPlace) {
      nojsPlace.parentNode.removeChild(nojsPlace);
    }
    // The server's answer names every faulty field in the page's language, beside the
    // field and in the summary; the browser's own bubbles (its UI language, one field at
    // a time, not in the page) stay only as the no-JavaScript fallback.
    // Arriving from the finder: the postal code is already filled in.
    var given = params.get("postal_code");
    if (given && !form.elements.postal_code.value) form.elements.postal_code.value = given.slice(0, 7);
    form.noValidate = true;
    form.elements.submission_id.value = newId();  // once per form: a retry is the same request
    form.elements.started_at.value = String(Date.now());

    function clearErrors() {
      summary.hidden = true;
      summary.querySelector("ul").textContent = "";
      Array.prototype.forEach.call(form.querySelectorAll(".relais-error"), function (slot) { slot.textContent = ""; });
      Array.prototype.forEach.call(form.querySelectorAll("[aria-invalid]"), function (el) { el.removeAttribute("aria-invalid"); });
      status.textContent = "";
    }
    function showErrors(errors) {
      var ul = summary.querySelector("ul");
      Object.keys(errors).forEach(function (name) {
        var slot = document.getElementById(name + "-error");
        var field = form.elements[name];
        var li = document.createElement("li");
        if (slot) slot.textContent = errors[name];
        if (field && field.setAttribute) {
          field.setAttribute("aria-invalid", "true");
          var a = document.createElement("a");
          a.href = "#" + (field.id || name);
          a.textContent = errors[name];
          li.appendChild(a);
        } else {
          li.textContent = errors[name];
        }
        ul.appendChild(li);
      });
      summary.hidden = false;
      summary.focus();
    }
    function showMessage(text) {
      var ul = summary.querySelector("ul");
      var li = document.createElement("li");
      li.textContent = text;
      ul.appendChild(li);
      summary.hidden = false;
      summary.focus();
    }
    function fold(text) {
      return String(text).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
        .replace(/\u0153/g, "oe").replace(/[^a-z0-9]/g, "");
    }
    function showPlaces(candidates, box) {
      // Every municipality of the postal area, grouped by region; the filter hides the others.
      var nojs = document.getElementById("municipality");
      if (nojs) {  // the no-JS list (kept when the finder chose) is not sent with this one
        nojs.disabled = true;
        nojs.parentNode.hidden = true;
      }
      var filter = document.createElement("input");
      filter.type = "search";
      filter.id = "municipality-filter";
      filter.setAttribute("aria-controls", "municipality-choice");
      var filterLabel = document.createElement("label");
      filterLabel.htmlFor = filter.id;
      filterLabel.textContent = box.getAttribute("data-label-filter");
      var select = document.createElement("select");
      select.id = "municipality-choice";
      select.name = "municipality";
      select.required = true;
      select.size = 8;
      select.setAttribute("aria-describedby", "region_choice-error");
      var selectLabel = document.createElement("label");
      selectLabel.htmlFor = select.id;
      selectLabel.textContent = box.getAttribute("data-label-select");
      var options = [];
      candidates.forEach(function (c) {
        var group = document.createElement("optgroup");
        group.label = c.name;
        (c.places || []).forEach(function (place) {
          var option = document.createElement("option");
          option.value = place.code;
          option.textContent = place.name + (place.mrc && place.mrc !== place.name ? " (" + place.mrc + ")" : "");
          option.setAttribute("data-key", fold(place.name + " " + (place.mrc || "")));
          group.appendChild(option);
          options.push(option);
        });
        select.appendChild(group);
      });
      filter.addEventListener("input", function () {
        var wanted = fold(filter.value);
        options.forEach(function (option) {
          option.hidden = wanted !== "" && option.getAttribute("data-key").indexOf(wanted) === -1;
        });
      });
      [filterLabel, filter, selectLabel, select].forEach(function (el) {
        var p = document.createElement("p");
        p.appendChild(el);
        box.appendChild(p);
      });
    }
    function showChoices(candidates) {
      var box = choice.querySelector("[data-choices]");
      box.textContent = "";
      var withPlaces = candidates.some(function (c) { return c.places && c.places.length; });
      if (withPlaces) { showPlaces(candidates, box); }
      else candidates.forEach(function (c, i) {
        var id = "region_choice-" + c.code;
        var p = document.createElement("p");
        p.className = "relais-check";
        var input = document.createElement("input");
        input.type = "radio";
        input.name = "region_choice";
        input.id = id;
        input.value = c.code;
        input.required = true;
        if (i === 0) input.setAttribute("aria-describedby", "region_choice-error");
        var label = document.createElement("label");
        label.htmlFor = id;
        label.textContent = c.name + (c.municipalities && c.municipalities.length ? " — " + c.municipalities.join(", ") : "");
        p.appendChild(input);
        p.appendChild(label);
        box.appendChild(p);
      });
      if (!document.getElementById("region_choice-error")) {
        var slot = document.createElement("span");
        slot.className = "relais-error";
        slot.id = "region_choice-error";
        box.appendChild(slot);
      }
      choice.hidden = false;
      showMessage(form.getAttribute("data-msg-choose"));
    }
    function payload() {
      var data = {};
      new FormData(form).forEach(function (value, key) { data[key] = String(value); });
      if (!data.phone) delete data.phone;
      return data;
    }

    function send(proofValue) {
      var data = payload();
      if (proofValue) data.proof = proofValue;
      else delete data.proof;
      return fetch(form.action, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(data)
      });
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearErrors();
      submit.disabled = true;
      status.textContent = form.getAttribute("data-msg-sending");
      new Promise(function (resolve) { proof.when(resolve); })
        .then(send)
        .then(function (response) {
          return response.json().catch(function () { return {}; }).then(function (body) {
            return { code: response.status, body: body };
          });
        })
        .then(function (result) {
          var body = result.body || {};
          status.textContent = "";
          if (body.status !== "accepted") proof.renew();
          if (body.status === "accepted") {
            var next = form.getAttribute("data-thanks") + "?reference=" + encodeURIComponent(body.reference);
            if (body.confirmation === "already_sent_today") next += "&confirmation=already_sent_today";
            // the region code only: the thank-you page may state that region's median delay
            if (/^[0-9]{2}$/.test(body.region || "")) next += "&region=" + body.region;
            window.location.assign(next);
          } else if (body.status === "invalid") {
            showErrors(body.errors || {});
          } else if (body.status === "choose_region") {
            showChoices(body.candidates || []);
          } else if (body.status === "outside_quebec") {
            showErrors({ postal_code: body.message });
          } else if (body.status === "conflict") {
            showMessage(form.getAttribute("data-msg-conflict"));
          } else if (body.status === "rate_limited" && body.message) {
            showMessage(body.message);  // when to retry, in the page's language; the fields stay filled
          } else {
            showMessage(form.getAttribute("data-msg-unavailable"));
          }
        })
        .catch(function () {
          status.textContent = "";
          proof.renew();
          showMessage(form.getAttribute("data-msg-network"));
        })
        .then(function () { submit.disabled = false; });
    });
  }

  /* ---- postal-code finder: who can help me here? ---------------------------- */
  // Loads assets/finder.js and the lookup file on first use; answers in the page, sends
  // nothing. Without JavaScript the form leads to the list of postal areas.
  var finderReady = null;
  function loadFinder() {
    if (finderReady) return finderReady;
    var code = new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = new URL("assets/finder.js", SITE_ROOT).href;
      tag.onload = function () { resolve(window.RelaisFinder); };
      tag.onerror = reject;
      document.head.appendChild(tag);
    });
    var data = fetch(new URL("assets/generated/finder.json", SITE_ROOT).href).then(function (r) {
      if (!r.ok) throw new Error("finder data " + r.status);
      return r.json();
    });
    finderReady = Promise.all([code, data]);
    finderReady.catch(function () { finderReady = null; });
    return finderReady;
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return node;
  }

  function setupFinder() {
    var form = document.getElementById("relais-finder");
    if (!form) return;
    var input = form.elements.code;
    var out = form.querySelector("[data-result]");
    var lang = document.documentElement.lang === "en" ? "en" : "fr";
    var prefix = lang === "en" ? "en/" : "";
    function msg(name) { return form.getAttribute("data-msg-" + name) || ""; }
    function page(path) { return new URL(prefix + path, SITE_ROOT).href; }
    function name(obj) { return obj.name[lang] || obj.name.fr; }

    function found(data, result) {
      var region = data.regions[result.region];
      var eracId = result.erac || region.erac;  // a municipality may have its own ERAC
      var erac = data.organisations[eracId];
      var parts = [];
      var where = [el("strong", { text: msg("region") }), el("br"),
        el("a", { href: page("regions/" + region.slug + "/"), text: name(region) })];
      if (result.place) where.push(" · " + result.place.name);
      parts.push(el("p", { "class": "relais-finder__region" }, where));
      function contact(id) {
        var org = data.organisations[id];
        var line = [el("a", { href: page("organisations/" + id + "/"), text: name(org) })];
        if (org.phone) line.push(" · ", el("a", { href: org.tel, text: org.phone }));
        if (org.email) line.push(" · ", el("a", { href: "mailto:" + org.email, text: org.email }));
        return el("span", {}, line);
      }
      var eracLabel = eracId === region.erac ? msg("erac") : msg("erac-own");
      parts.push(el("p", {}, [el("strong", { text: eracLabel }), el("br"), contact(eracId)]));
      if (result.advisors.length) {
        var people = [];
        result.advisors.forEach(function (id, i) {
          var a = data.advisors[id];
          if (i) people.push(", ");
          people.push(el("a", { href: page("conseillers/#advisor-" + id), text: a.name }));
          people.push(" (" + name(data.organisations[a.organisation]) + ")");
          if (a.sample) people.push(" ", el("span", { "class": "relais-badge relais-badge--sample", text: msg("sample") }));
        });
        parts.push(el("p", {}, [el("strong", { text: msg(result.advisors.length > 1 ? "advisors" : "advisor") }), el("br"), el("span", {}, people)]));
      } else if (!result.firstLine) {
        parts.push(el("p", { text: msg("no-advisor") }));
      }
      if (result.firstLine) {
        parts.push(el("p", {}, [el("strong", { text: msg("first-line") }), el("br"), contact(result.firstLine)]));
      }
      if (region.programs.length) {
        var items = region.programs.slice(0, 6).map(function (id) {
          return el("li", {}, [el("a", { href: page("programmes/" + id + "/"), text: name(data.programs[id]) })]);
        });
        parts.push(el("p", {}, [el("strong", { text: msg("programs") })]));
        parts.push(el("ul", {}, items));
        parts.push(el("p", {}, [el("a", { href: page("programmes/?region=" + result.region), text: msg("all-programs") })]));
      }
      // The form gets the code, and the municipality when the person chose it here.
      var send = "demande/?postal_code=" + encodeURIComponent(result.code);
      if (result.chosen) send += "&municipality=" + encodeURIComponent(result.place.code);
      parts.push(el("p", {}, [el("a", { "class": "md-button md-button--primary relais-finder__send", href: page(send), text: msg("send") })]));
      return parts;
    }

    // A shared postal area: the municipality, as the request form asks it (by region, then name).
    function choose(data, result) {
      var select = el("select", { id: "finder-place", name: "municipality", "aria-describedby": "finder-place-hint" }, [
        el("option", { value: "", text: msg("place-prompt") })
      ]);
      (result.regions || []).forEach(function (r) {
        var towns = r.municipalities.length ? " — " + r.municipalities.join(", ") : "";
        select.appendChild(el("option", { value: r.code, text: name(data.regions[r.region]) + towns }));
      });
      var group = null;
      (result.places || []).forEach(function (p) {
        if (!group || group.getAttribute("data-region") !== p.region) {
          group = el("optgroup", { label: name(data.regions[p.region]), "data-region": p.region });
          select.appendChild(group);
        }
        group.appendChild(el("option", { value: p.code, text: p.name + (p.mrc && p.mrc !== p.name ? " (" + p.mrc + ")" : "") }));
      });
      select.addEventListener("change", function () {
        window.clearTimeout(timer);  // a late answer to the typing must not redraw the question
        show(select.value, true);
      });
      return [el("div", { "class": "relais-finder__choice" }, [
        el("p", { id: "finder-place-hint", text: msg("choose") }),
        el("label", { "for": "finder-place", text: msg("place") }),
        select
      ])];
    }

    var lastShown = "";
    function show(choice, keepChoice) {
      var raw = input.value;
      if (!raw.trim()) { out.textContent = ""; lastShown = ""; return; }
      loadFinder().then(function (loaded) {
        var finder = loaded[0], data = loaded[1];
        var result = finder.find(data, raw, choice);
        var key = raw + "|" + (choice || "") + "|" + result.status;
        if (key === lastShown) return;
        lastShown = key;
        var box = keepChoice && out.querySelector(".relais-finder__choice");
        if (box) {
          // Keep the question where it is; replace the answer that follows it.
          while (box.nextSibling) out.removeChild(box.nextSibling);
          if (result.status === "found") found(data, result).forEach(function (p) { out.appendChild(p); });
          return;
        }
        var parts;
        if (result.status === "found") parts = found(data, result);
        else if (result.status === "choose") parts = choose(data, result);
        else parts = [el("p", { text: msg(result.status) })];
        out.textContent = "";
        parts.forEach(function (p) { out.appendChild(p); });
      }, function () {
        out.textContent = "";
        out.appendChild(el("p", {}, [el("a", { href: form.action, text: msg("unavailable") })]));
      });
    }

    var timer = null;
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      // Answer as soon as a whole area (3 characters) or code (6) is typed.
      var compact = input.value.replace(/[\s-]+/g, "");
      if (compact.length === 3 || compact.length === 6 || compact.length === 0) timer = window.setTimeout(function () { show(); }, 150);
    });
    input.addEventListener("focus", function () { loadFinder(); }, { once: true });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      window.clearTimeout(timer);
      lastShown = "";
      show();
    });
  }

  /* ---- thank-you and error pages: show what the address says ----------------- */
  function setupResultPages() {
    var params = new URLSearchParams(window.location.search);
    var ref = document.getElementById("relais-reference");
    var reference = params.get("reference");
    if (ref && reference && /^REL-[A-Za-z0-9-]{1,40}$/.test(reference)) {
      ref.querySelector("[data-reference]").textContent = reference;
      ref.hidden = false;
    }
    var sentToday = document.getElementById("relais-confirmation-sent-today");
    if (sentToday && params.get("confirmation") === "already_sent_today") sentToday.hidden = false;
    var fields = document.getElementById("relais-error-fields");
    if (fields && params.get("fields")) {
      fields.querySelector("[data-fields]").textContent = params.get("fields").split(",").join(", ");
      fields.hidden = false;
    }
    var statusName = params.get("status");
    if (statusName && /^[a-z_]+$/.test(statusName)) {
      var section = document.getElementById(statusName);
      if (section && section.classList.contains("relais-cause")) {
        // Only the cause that happened (without JavaScript, the #fragment does it in CSS).
        Array.prototype.forEach.call(document.querySelectorAll(".relais-cause"), function (other) {
          other.hidden = other !== section;
        });
      }
      if (section) {
        section.classList.add("relais-current");
        section.setAttribute("tabindex", "-1");
        section.focus();
      }
    }
  }

  function start() {
    setupFinder();
    setupFilters();
    setupRequestForm();
    setupResultPages();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
