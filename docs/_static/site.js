/* The book theme's menu button at phone width does nothing: the base theme wires only the first
   .primary-toggle on the page (a hidden one). Every other toggle forwards its click to it. */
document.addEventListener("DOMContentLoaded", () => {
  for (const kind of ["primary", "secondary"]) {
    const toggles = document.querySelectorAll(`.${kind}-toggle`);
    toggles.forEach((button, index) => {
      if (index === 0) return;
      button.addEventListener("click", (event) => {
        event.preventDefault();
        event.stopPropagation();
        toggles[0].click();
      });
    });
  }
});

/* 如何引用 / How to cite: the page's own address, wherever the site is served from. */
document.addEventListener("DOMContentLoaded", () => {
  const address = window.location.href.split("#")[0];
  document.querySelectorAll(".fa-cite-address").forEach((span) => {
    span.textContent = address;
  });
});

/* The language switch keeps the reader's place: its link carries the anchor of the section
   (or finding, check, table) the reader is at, which the other language's page has too
   (fundanalysis.publish.sitesections gives both pages the same section anchors). */
document.addEventListener("DOMContentLoaded", () => {
  const switches = [...document.querySelectorAll("a.fa-lang-switch")];
  const article = document.querySelector("article.bd-article") || document.querySelector("[role=main]");
  if (!switches.length || !article) return;
  const bases = switches.map((link) => link.getAttribute("href").split("#")[0]);
  const places = [
    ...article.querySelectorAll('section[id], [id^="finding-"], [id^="check-"], [id^="table-"]'),
  ];
  const place = () => {
    // the last place whose top the reader has reached: the line a link to an anchor brings
    // the anchor to (the theme's scroll padding, under its sticky header), and a little more
    const padding = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
    const line = padding + 16;
    let current = null;
    for (const element of places) {
      if (element.getBoundingClientRect().top <= line) current = element;
    }
    if (!current && window.location.hash) current = document.getElementById(window.location.hash.slice(1));
    return current && current !== places[0] ? current.id : "";
  };
  let pending = false;
  const update = () => {
    pending = false;
    const anchor = place();
    switches.forEach((link, i) => {
      // the query too: the search page's switch shows the same search in the other language
      const search = window.location.search;
      link.setAttribute("href", bases[i] + search + (anchor ? `#${encodeURIComponent(anchor)}` : ""));
    });
  };
  const later = () => {
    if (!pending) {
      pending = true;
      window.requestAnimationFrame(update);
    }
  };
  window.addEventListener("scroll", later, { passive: true });
  window.addEventListener("hashchange", later);
  switches.forEach((link) => link.addEventListener("pointerdown", update));
  switches.forEach((link) => link.addEventListener("focus", update));
  update();
});
