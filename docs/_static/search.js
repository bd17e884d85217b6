/* The search page, as an auditor searches (fundanalysis.publish.sitesearch builds the index).
   Loaded on search.html only, before searchtools.js; runs before its search starts. */
document.addEventListener("DOMContentLoaded", () => {
  if (typeof Search === "undefined") return;
  const searched = { typed: [], terms: [] };

  /* searchtools drops every query word made of digits only (3100, 16160): figures are what an
     auditor searches for, and the index holds them. They are put back. */
  const parse = Search._parseQuery;
  Search._parseQuery = (query) => {
    const parsed = parse(query);
    const [, searchTerms, , highlightTerms] = parsed;
    for (const word of splitQuery(query.trim())) {
      if (/^\d+$/.test(word)) {
        searchTerms.add(word);
        highlightTerms.add(word);
      }
    }
    searched.typed = query.trim().split(/\s+/).filter((t) => t);
    searched.terms = [...new Set([...highlightTerms, ...searchTerms])].filter((t) => t);
    return parsed;
  };

  /* Each result's excerpt, from the page's text as the index read it (search-excerpts.js):
     Sphinx would fetch the page, which a page opened from disk may not do, and quote the
     theme's buttons with it. */
  const pages = window.FA_SEARCH_EXCERPTS || {};
  const suffix = DOCUMENTATION_OPTIONS.LINK_SUFFIX || ".html";
  /* Where the first of ``words`` is in ``text``: a figure also as printed with separators. */
  const first = (text, words) => {
    const found = words
      .map((word) => {
        const escaped = [...word].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
        const pattern = /^[\d.]+$/.test(word) ? escaped.join(",?") : escaped.join("");
        return text.search(new RegExp(pattern, "i"));
      })
      .filter((i) => i >= 0);
    return found.length ? Math.min(...found) : null;
  };
  const excerpt = (item) => {
    const link = item.querySelector("a");
    if (!link || item.querySelector("p.context")) return;
    const [path, anchor] = link.getAttribute("href").split("#");
    const page = pages[path.endsWith(suffix) ? path.slice(0, -suffix.length) : path];
    if (!page) return;
    const [start, end] = (anchor && page.sections[anchor]) || [0, page.text.length];
    const text = page.text.slice(start, end);
    const from = Math.max(first(text, searched.typed) ?? first(text, searched.terms) ?? 0, 60) - 60;
    const summary = document.createElement("p");
    summary.classList.add("context");
    summary.textContent =
      (from > 0 ? "…" : "") + text.slice(from, from + 240).trim() + (from + 240 < text.length ? "…" : "");
    item.appendChild(summary);
    if (typeof _highlightText === "function") {
      [...searched.typed, ...searched.terms].forEach((term) =>
        _highlightText(summary, term.toLowerCase(), "highlighted"),
      );
    }
  };
  const results = document.getElementById("search-results");
  if (!results) return;
  new MutationObserver((changes) => {
    for (const change of changes) {
      change.addedNodes.forEach((node) => {
        if (node.nodeName === "LI") excerpt(node);
      });
    }
  }).observe(results, { childList: true, subtree: true });
});
