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
