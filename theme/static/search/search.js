/* Briefing search: a small UI on the Pagefind JS API (no framework).
 *
 * Thai is indexed as ASCII code words (plugins/search/textcode.py): every Thai word, as ICU cuts
 * it, becomes "qj" + two letters per code point + "z", so Pagefind can neither drop Thai marks
 * nor prefix-match a longer word. Queries get the same treatment here: normalise, cut Thai runs
 * with Intl.Segmenter('th') (ICU, like the index), encode. A Thai word that ICU cuts into several
 * pieces is searched as a quoted phrase. Excerpts are made from the decoded page text.
 * URL state: ?q=…&country=KH&topic=…&meeting=…&year=…&language=… (repeatable).
 * Facets live in a closed <details> panel: Pagefind's filter index (every page's country, meeting,
 * topic, year and language, ~40 KB on a 10k-page site) is fetched only when a reader opens it or
 * the URL carries a filter, so a plain query does not pay for it.
 */
(function () {
  "use strict";
  const root = document.querySelector("[data-search-app]");
  if (!root) return;
  const cfg = JSON.parse(document.getElementById("search-config").textContent);
  const FACETS = cfg.facets; // ["country", "meeting", "topic", "year", "language"]
  const FIRST = 5; // results drawn first (each needs its Pagefind fragment), then up to PAGE
  const PAGE = 10;
  const THAI_RUN = /([\u0e01-\u0e3a\u0e3f-\u0e5b]+|\s+)/;
  const THAI_ONLY = /^[\u0e01-\u0e3a\u0e3f-\u0e5b]+$/;
  const HI = "abcdef", LO = "abcdefghijklmnop";
  const CODED = /q[jk]((?:[a-f][a-p])+)z/g;
  const FREQUENT = new Set(cfg.frequent); // coded "qk…": see plugins/search/frequent_th.txt
  const TERMS_MARK = "qjtermsz";
  const segmenter = new Intl.Segmenter("th", { granularity: "word" });

  const form = root.querySelector("form");
  const input = form.querySelector("input[name=q]");
  const status = root.querySelector("[data-search-status]");
  const panel = root.querySelector("[data-search-filters]");
  const facetBox = root.querySelector("[data-search-facets]");
  const list = root.querySelector("[data-search-results]");
  const more = root.querySelector("[data-search-more]");
  let pagefind = null, current = null, shown = 0, ticket = 0, typingTimer = 0;
  let filtersReady = null; // Promise of every filter's total counts, once the panel needs them

  /* ---- text: mirror of plugins/search/textcode.py ---- */
  function normalize(text) {
    return text.normalize("NFC").replace(/[\u200b\u200c\u200d\u2060\ufeff\u00ad]/g, "")
      .replaceAll("\u0e40\u0e40", "\u0e41").replaceAll("\u0e4d\u0e32", "\u0e33")
      .replace(/\s+/g, " ").trim();
  }
  function encodeWord(word) {
    let out = FREQUENT.has(word) ? "qk" : "qj";
    for (const ch of word) {
      const c = ch.codePointAt(0) - 0x0e00;
      out += HI[c >> 4] + LO[c & 15];
    }
    return out + "z";
  }
  function decodeText(coded) {
    return coded.replace(CODED, (_, pairs) => {
      let s = "";
      for (let i = 0; i < pairs.length; i += 2) {
        s += String.fromCodePoint(0x0e00 + (HI.indexOf(pairs[i]) << 4) + LO.indexOf(pairs[i + 1]));
      }
      return s;
    }).split(" ").map((w) => (w === "_" ? " " : w)).join("");
  }
  /* One query term (no spaces) → list of index words. */
  function termWords(term) {
    const words = [];
    for (const piece of term.split(THAI_RUN)) {
      if (!piece || /^\s+$/.test(piece)) continue;
      if (THAI_ONLY.test(piece)) {
        for (const s of segmenter.segment(piece)) words.push(encodeWord(s.segment));
      } else {
        // Pagefind indexes "WG-AS" also as "wgas": ask for that, not for "wg" AND "as…"
        words.push(/^[\p{L}\p{N}]+(-[\p{L}\p{N}]+)+$/u.test(piece) ? piece.replaceAll("-", "") : piece);
      }
    }
    return words;
  }
  /* Query text → Pagefind query string (at most one quoted phrase: Pagefind allows one). */
  function pagefindQuery(text) {
    let phrase = null;
    const rest = [];
    for (const term of normalize(text).split(" ").filter(Boolean)) {
      const words = termWords(term);
      if (words.length > 1 && phrase === null && words.every((w) => /^q[jk]/.test(w))) {
        phrase = words.join(" ");
      } else {
        rest.push(...words);
      }
    }
    return ((phrase ? `"${phrase}" ` : "") + rest.join(" ")).trim();
  }

  /* ---- URL state ---- */
  function readState() {
    const params = new URLSearchParams(location.search);
    const state = { q: params.get("q") || "", filters: {} };
    for (const f of FACETS) {
      const values = params.getAll(f).filter(Boolean);
      if (values.length) state.filters[f] = values;
    }
    return state;
  }
  function writeState(state, push) {
    const params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    for (const f of FACETS) (state.filters[f] || []).forEach((v) => params.append(f, v));
    const query = params.toString();
    const url = location.pathname + (query ? "?" + query : "");
    if (url !== location.pathname + location.search) {
      history[push ? "pushState" : "replaceState"](null, "", url);
    }
  }

  /* ---- rendering ---- */
  const label = (facet, id) => (cfg.labels[facet] && cfg.labels[facet][id]) || id;
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    for (const c of children) node.append(c);
    return node;
  }
  function formatDate(iso) {
    const d = new Date(iso + "T00:00:00");
    if (isNaN(d)) return iso;
    return new Intl.DateTimeFormat(cfg.lang === "th" ? "th-TH" : "en-GB",
      { day: "numeric", month: "long", year: "numeric" }).format(d);
  }
  /* Needles to highlight: query terms, normalised; Latin ones case-insensitive. */
  function needles(q) {
    return normalize(q).split(" ").filter(Boolean).map((t) => t.toLowerCase());
  }
  function excerpt(text, terms) {
    const lower = text.toLowerCase();
    let at = -1, len = 0;
    for (const t of terms) {
      const i = lower.indexOf(t);
      if (i >= 0 && (at < 0 || i < at)) { at = i; len = t.length; }
    }
    const start = Math.max(0, at - 80);
    const end = Math.min(text.length, (at < 0 ? 0 : at + len) + 160);
    const slice = text.slice(start, end);
    const p = el("p", { class: "search-excerpt" });
    if (start > 0) p.append("… ");
    const pattern = terms.filter(Boolean).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    if (!pattern.length) { p.append(slice); return p; }
    const re = new RegExp("(" + pattern.join("|") + ")", "gi");
    let last = 0;
    for (const m of slice.matchAll(re)) {
      p.append(slice.slice(last, m.index), el("mark", {}, m[0]));
      last = m.index + m[0].length;
    }
    p.append(slice.slice(last));
    if (end < text.length) p.append(" …");
    return p;
  }
  function renderResult(data, terms) {
    const decoded = decodeText(data.content || "");
    const cut = decoded.indexOf(TERMS_MARK);
    const text = cut >= 0 ? decoded.slice(0, cut) : decoded;
    const meta = data.meta || {};
    const link = el("a", { href: cfg.base + (meta.url || "") }, meta.title || meta.url);
    const item = el("li", { class: "search-result" }, el("h2", {}, link));
    if (meta.date) item.append(el("p", { class: "search-date" }, el("time", { datetime: meta.date }, formatDate(meta.date))));
    item.append(excerpt(text, terms));
    const chips = el("ul", { class: "chips", "aria-label": cfg.strings.tags });
    for (const tag of (meta.tags || "").split(" ").filter(Boolean)) {
      const [facet, id] = tag.split(":");
      chips.append(el("li", { class: "chip chip-" + facet }, label(facet, id)));
    }
    if (chips.childElementCount) item.append(chips);
    return item;
  }
  async function showMore(my, size = PAGE) {
    const terms = needles(current.state.q);
    const batch = current.results.slice(shown, shown + size);
    shown += batch.length;
    // fragments are fetched in parallel; each result is drawn, in order, as soon as it can be
    // (the first one does not wait for the slowest of the batch)
    for (const pending of batch.map((r) => r.data())) {
      const data = await pending;
      if (my !== ticket) return;
      list.append(renderResult(data, terms));
    }
    more.hidden = shown >= current.results.length;
  }
  function renderFacets(state, counts) {
    const focused = facetBox.contains(document.activeElement) ? document.activeElement : null;
    facetBox.replaceChildren();
    for (const facet of FACETS) {
      const values = Object.entries(counts[facet] || {});
      if (!values.length) continue;
      values.sort((a, b) => (facet === "year" ? b[0].localeCompare(a[0]) : b[1] - a[1]));
      const box = el("fieldset", { class: "search-facet", "data-facet": facet },
        el("legend", {}, cfg.strings.facets[facet]));
      for (const [id, count] of values) {
        const checked = (state.filters[facet] || []).includes(id);
        if (!count && !checked) continue;
        const cb = el("input", { type: "checkbox", name: facet, value: id });
        cb.checked = checked;
        box.append(el("label", {}, cb, " " + label(facet, id) + " ", el("span", { class: "count", "data-count": String(count) }, `(${count})`)));
      }
      facetBox.append(box);
    }
    if (focused) { // keep keyboard users where they were after the facets are redrawn
      const again = facetBox.querySelector(`input[name="${focused.name}"][value="${CSS.escape(focused.value)}"]`);
      if (again) again.focus();
    }
  }

  /* ---- searching ---- */
  function loadFilters() { // the whole filter index, once (facet counts need every kind)
    if (!filtersReady) filtersReady = pagefind.filters();
    return filtersReady;
  }
  function searchArgs(state) {
    const filters = {};
    for (const [f, v] of Object.entries(state.filters)) filters[f] = { any: v };
    return { query: state.q.trim() ? pagefindQuery(state.q) : null, filters };
  }
  async function refreshFacets() { // the panel was opened: counts for what is on screen
    const my = ticket;
    const totals = await loadFilters();
    if (my !== ticket) return;
    if (!current) { renderFacets({ filters: {} }, totals); return; }
    const { query, filters } = searchArgs(current.state);
    const search = await pagefind.search(query, { filters });
    if (my === ticket) renderFacets(current.state, search.filters);
  }
  async function run(state) {
    const my = ++ticket;
    const { query, filters } = searchArgs(state);
    if (Object.keys(filters).length) panel.open = true;
    const totals = panel.open ? await loadFilters() : null;
    if (my !== ticket) return;
    if (!query && !Object.keys(filters).length) {
      list.replaceChildren(); more.hidden = true; current = null;
      if (totals) renderFacets(state, totals); else facetBox.replaceChildren();
      status.textContent = cfg.strings.prompt;
      root.dataset.state = "idle";
      return;
    }
    root.dataset.state = "busy";
    const search = await pagefind.search(query, { filters });
    if (my !== ticket) return;
    current = { state, results: search.results };
    shown = 0;
    list.replaceChildren();
    if (filtersReady) renderFacets(state, search.filters); // else the panel is closed
    const n = search.results.length;
    status.textContent = n ? cfg.strings.count.replace("{n}", n) : cfg.strings.none;
    await showMore(my, FIRST);
    if (my === ticket && !performance.getEntriesByName("search-first-results").length) {
      performance.mark("search-first-results"); // read by plugins/search/bench.py
    }
    if (my === ticket && shown < PAGE) await showMore(my, PAGE - shown);
    if (my === ticket) root.dataset.state = "done";
  }
  function stateFromForm() {
    const filters = {};
    for (const cb of facetBox.querySelectorAll("input:checked")) {
      (filters[cb.name] = filters[cb.name] || []).push(cb.value);
    }
    return { q: input.value, filters };
  }

  async function start() {
    const mod = await import(cfg.base + "pagefind/pagefind.js");
    pagefind = mod;
    // noWorker: search in this thread; a Web Worker costs one more script (pagefind-worker.js,
    // ~12 KB gzip) and a message round trip per call, for a search that takes a few ms
    await pagefind.options({ baseUrl: cfg.base || "/", noWorker: true });
    await pagefind.init();
    const state = readState();
    input.value = state.q;
    const header = document.querySelector("header input[name=q]");
    if (header && state.q) header.value = state.q;
    await run(state);
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const state = stateFromForm();
    writeState(state, true);
    run(state);
  });
  input.addEventListener("input", () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => {
      const state = stateFromForm();
      writeState(state, false);
      run(state);
    }, 200);
  });
  facetBox.addEventListener("change", () => {
    const state = stateFromForm();
    writeState(state, true);
    run(state);
  });
  panel.addEventListener("toggle", () => {
    if (panel.open && pagefind && !filtersReady) refreshFacets();
  });
  more.addEventListener("click", () => showMore(ticket));
  window.addEventListener("popstate", () => {
    const state = readState();
    input.value = state.q;
    run(state);
  });
  window.BriefingSearch = { normalize, pagefindQuery, decodeText }; // for tests and debugging
  root.hidden = false;
  start().catch((err) => {
    status.textContent = cfg.strings.error;
    root.dataset.state = "error";
    console.error(err);
  });
})();
