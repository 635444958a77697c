/* Briefing search: a small UI on the Pagefind JS API (no framework).
 *
 * Thai is indexed as ASCII code words (plugins/search/textcode.py): at every word start, "qj" +
 * two letters per code point of the text from there (cfg.span characters or more) + "z" + the
 * first word's length, so Pagefind can neither drop Thai marks nor match inside a word. A Thai
 * query word is coded the same way, without the "z": Pagefind's prefix match then finds the
 * texts where the word *begins at a word boundary* (สแกม finds สแกมเมอร์, ไลน์ never ออนไลน์).
 * Excerpts are made from the decoded page text.
 * Expansion: a query that is a taxonomy name or alias (cfg.expansion, keyed as the taxonomy
 * matcher compares; see plugins/search/terms.py) also lists the releases tagged with the term
 * (the index's "qx…" about-words), after the direct matches, labelled; ?about=0 turns it off.
 * URL state: ?q=…&country=KH&topic=…&meeting=…&year=…&language=… (repeatable), &about=0.
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
  const CODED = /q[jk]((?:[a-f][a-p])+)z([a-p][a-p])/g;
  const EXPANSION = cfg.expansion || { thai: {}, latin: {}, names: {} };
  const FREQUENT = new Set(cfg.frequent); // coded "qk…": see plugins/search/frequent_th.txt
  const TERMS_MARK = "qjtermsz";

  const form = root.querySelector("form");
  const input = form.querySelector("input[name=q]");
  const status = root.querySelector("[data-search-status]");
  const panel = root.querySelector("[data-search-filters]");
  const facetBox = root.querySelector("[data-search-facets]");
  const list = root.querySelector("[data-search-results]");
  const more = root.querySelector("[data-search-more]");
  const aboutBox = root.querySelector("[data-search-about]");
  let pagefind = null, current = null, shown = 0, ticket = 0, typingTimer = 0;
  let filtersReady = null; // Promise of every filter's total counts, once the panel needs them

  /* ---- text: mirror of plugins/search/textcode.py ---- */
  function normalize(text) {
    return text.normalize("NFC").replace(/[\u200b\u200c\u200d\u2060\ufeff\u00ad]/g, "")
      .replaceAll("\u0e40\u0e40", "\u0e41").replaceAll("\u0e4d\u0e32", "\u0e33")
      .replace(/\s+/g, " ").trim();
  }
  function code(thai) {
    let out = "";
    for (const ch of thai) {
      const c = ch.codePointAt(0) - 0x0e00;
      out += HI[c >> 4] + LO[c & 15];
    }
    return out;
  }
  /* A Thai query word: exact for the frequent words, else a prefix of its first cfg.span. */
  function queryWord(word) {
    return FREQUENT.has(word) ? "qk" + code(word) + "z" : "qj" + code(word.slice(0, cfg.span));
  }
  function decodeWord(word) {
    return word.replace(CODED, (_, pairs, length) => {
      const first = (LO.indexOf(length[0]) << 4) + LO.indexOf(length[1]);
      let s = "";
      for (let i = 0; i < 2 * first; i += 2) {
        s += String.fromCodePoint(0x0e00 + (HI.indexOf(pairs[i]) << 4) + LO.indexOf(pairs[i + 1]));
      }
      return s;
    });
  }
  /* Mirror of textcode.decode_text: "_" is a space, and two plain (non-Thai) words have one
   * between them. Pagefind ends each block (title, paragraph) with ". ": after a coded word
   * that dot is its own, so a space follows it too. */
  function decodeText(coded) {
    let out = "", plain = false, dotted = false;
    for (const word of coded.split(" ")) {
      if (word === "_") { out += " "; plain = dotted = false; continue; }
      const decoded = decodeWord(word);
      const now = decoded === word;
      out += ((plain && now) || dotted ? " " : "") + decoded;
      plain = now;
      dotted = /z[a-p]{2}\.$/.test(word);
    }
    return out;
  }
  /* One query term (no spaces) → list of index words. */
  function termWords(term) {
    const words = [];
    for (const piece of term.split(THAI_RUN)) {
      if (!piece || /^\s+$/.test(piece)) continue;
      if (THAI_ONLY.test(piece)) {
        words.push(queryWord(piece));
      } else {
        // Pagefind indexes "WG-AS" also as "wgas": ask for that, not for "wg" AND "as…"
        words.push(/^[\p{L}\p{N}]+(-[\p{L}\p{N}]+)+$/u.test(piece) ? piece.replaceAll("-", "") : piece);
      }
    }
    return words;
  }
  /* Query text → Pagefind query string: every word must be found; several Latin words are
   * one phrase ("scam centre", "money laundering"), as a reader means them. */
  function pagefindQuery(text) {
    const words = normalize(text).split(" ").filter(Boolean).flatMap(termWords);
    if (words.length > 1 && words.every((w) => !/^q[jkx]/.test(w))) return `"${words.join(" ")}"`;
    return words.join(" ");
  }

  /* ---- expansion: the query as a taxonomy name or alias (the matcher's rule, no fuzziness) ---- */
  function expansionTags(text) {
    const q = normalize(text);
    if (!q) return [];
    if (/[\u0e00-\u0e7f]/.test(q)) return EXPANSION.thai[q.replace(/\s+/g, "")] || [];
    const chunks = q.match(/[A-Za-z0-9]+/g) || [];
    const letters = chunks.join(""), key = letters.toLowerCase();
    if (!key) return [];
    const entries = EXPANSION.latin[key] || EXPANSION.latin[key.slice(0, -1)] || [];
    return [...new Set(entries.filter(([, exact]) => exact === null || letters === exact
      || letters === exact + "s").map(([tag]) => tag))];
  }
  function aboutWord(tag) { // mirror of plugins/search/index.py about_word
    let out = "qx";
    for (const b of new TextEncoder().encode(tag)) out += LO[b >> 4] + LO[b & 15];
    return out + "z";
  }
  const termNames = (tags) => tags.map((t) => EXPANSION.names[t] || t).join(", ");
  /* Pagefind answers a word it does not hold with the longest shorter word it does (its issue
   * #793: "cryptocurrency" finds "crypto"). Thai code words never fall back (no index word is a
   * prefix of a query's), so for Latin words the best result is read: when it does not hold
   * each word (or a form sharing all but its last four letters: Pagefind stems), the
   * "matches" are the fallback's and none contains the word. */
  async function fellBack(text, results) {
    const latin = normalize(text).split(" ").filter((w) => /^[A-Za-z0-9-]+$/.test(w));
    if (!latin.length || !results.length) return false;
    const data = await results[0].data();
    const page = (decodeText(data.meta.title || "") + " " + decodeText(data.content || "")).toLowerCase();
    return !latin.every((w) => {
      const stem = w.toLowerCase().replaceAll("-", "").slice(0, Math.max(4, w.length - 4));
      return page.replaceAll("-", "").includes(stem);
    });
  }
  /* Direct matches, then the releases about the query's terms that do not contain it. The
   * about-words' index chunk is fetched only when those releases are due on screen (fewer
   * direct matches than a page, "Show more" past them, or eager): a query with many direct
   * matches costs no more bytes than it did before expansion. */
  async function searchAll(state, eager = false) {
    const { query, filters } = searchArgs(state);
    let direct = await pagefind.search(query, { filters });
    if (query && query.startsWith('"') && !direct.results.length) { // no page has the phrase:
      direct = await pagefind.search(query.slice(1, -1), { filters }); // pages with every word
    }
    if (query && await fellBack(state.q, direct.results)) direct.results = [];
    const tags = query ? expansionTags(state.q) : [];
    const items = direct.results.map((r) => ({ result: r, about: false }));
    const found = { search: direct, items, tags, extra: 0, expand: null };
    if (!tags.length || state.about === false) return found;
    found.extra = null; // not counted yet
    found.expand = async () => { // appends the about-releases to items, once
      found.expand = null;
      const seen = new Set(direct.results.map((r) => r.id));
      const about = await Promise.all(tags.map((t) => pagefind.search(aboutWord(t), { filters })));
      found.extra = 0;
      for (const r of about.flatMap((f) => f.results).sort((a, b) => b.score - a.score)) {
        if (seen.has(r.id)) continue;
        seen.add(r.id);
        items.push({ result: r, about: true });
        found.extra += 1;
      }
    };
    if (eager || items.length < PAGE) await found.expand();
    return found;
  }
  async function findAll(text) { // every result, in order (tests): [{url, about}]
    await ready;
    const { items } = await searchAll({ q: text, filters: {}, about: true }, true);
    const data = await Promise.all(items.map((i) => i.result.data()));
    return data.map((d, n) => ({ url: d.meta.url, about: items[n].about }));
  }

  /* ---- URL state ---- */
  function readState() {
    const params = new URLSearchParams(location.search);
    const state = { q: params.get("q") || "", filters: {}, about: params.get("about") !== "0" };
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
    if (state.about === false) params.set("about", "0");
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
  function renderResult(data, terms, about) {
    const content = data.content || "";
    const cut = content.indexOf(TERMS_MARK);
    const text = decodeText(cut >= 0 ? content.slice(0, cut) : content);
    const meta = data.meta || {};
    const title = decodeText(meta.title || "") || meta.url;
    const link = el("a", { href: cfg.base + (meta.url || "") }, title);
    const item = el("li", { class: "search-result" + (about ? " search-result-about" : "") },
      el("h2", {}, link));
    if (about) {
      item.dataset.about = "";
      item.append(el("p", { class: "search-about-label" },
        cfg.strings.about_label.replace("{terms}", termNames(current.tags))));
    }
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
    const found = current.found;
    if (found.expand && shown + size > found.items.length) {
      await found.expand();
      if (my !== ticket) return;
      renderAbout(current.state, found.tags, found.extra);
    }
    const batch = current.items.slice(shown, shown + size);
    shown += batch.length;
    // fragments are fetched in parallel; each result is drawn, in order, as soon as it can be
    // (the first one does not wait for the slowest of the batch)
    const pending = batch.map((i) => i.result.data());
    for (let n = 0; n < batch.length; n += 1) {
      const data = await pending[n];
      if (my !== ticket) return;
      list.append(renderResult(data, terms, batch[n].about));
    }
    more.hidden = shown >= current.items.length && !found.expand;
  }
  function renderFacets(state, counts) {
    const focused = facetBox.contains(document.activeElement) ? document.activeElement : null;
    facetBox.replaceChildren();
    for (const facet of FACETS) {
      const values = Object.entries(counts[facet] || {});
      // a facet with one value filters nothing (e.g. every release's original is Thai)
      if (values.length < 2 && !(state.filters[facet] || []).length) continue;
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
    const found = await searchAll(state);
    const { search, items, tags, extra } = found;
    if (my !== ticket) return;
    current = { state, items, tags, found };
    shown = 0;
    list.replaceChildren();
    if (filtersReady) renderFacets(state, search.filters); // else the panel is closed
    const n = search.results.length;
    status.textContent = n ? cfg.strings.count.replace("{n}", n)
      : (extra ? "" : cfg.strings.none);
    renderAbout(state, tags, extra);
    await showMore(my, FIRST);
    if (my === ticket && !performance.getEntriesByName("search-first-results").length) {
      performance.mark("search-first-results"); // read by plugins/search/bench.py
    }
    if (my === ticket && shown < PAGE) await showMore(my, PAGE - shown);
    if (my === ticket) root.dataset.state = "done";
  }
  function renderAbout(state, tags, extra) { // "also showing releases about X" and its switch
    aboutBox.replaceChildren();
    aboutBox.hidden = !tags.length;
    if (!tags.length) return;
    const names = termNames(tags);
    const on = state.about !== false;
    if (on) {
      const note = extra === null ? cfg.strings.about_later : cfg.strings.about.replace("{n}", extra);
      aboutBox.append(el("span", {}, note.replace("{terms}", names)), " ");
    }
    const button = el("button", { type: "button", class: "search-about-switch", "aria-pressed": String(on) },
      on ? cfg.strings.about_off : cfg.strings.about_on.replace("{terms}", names));
    button.addEventListener("click", () => {
      const next = { ...stateFromForm(), about: !on };
      writeState(next, true);
      run(next);
    });
    aboutBox.append(button);
  }
  function stateFromForm() {
    const filters = {};
    for (const cb of facetBox.querySelectorAll("input:checked")) {
      (filters[cb.name] = filters[cb.name] || []).push(cb.value);
    }
    return { q: input.value, filters, about: current ? current.state.about : true };
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
  window.BriefingSearch = { normalize, pagefindQuery, decodeText, expansionTags, findAll }; // tests
  root.hidden = false;
  const ready = start();
  ready.catch((err) => {
    status.textContent = cfg.strings.error;
    root.dataset.state = "error";
    console.error(err);
  });
})();
