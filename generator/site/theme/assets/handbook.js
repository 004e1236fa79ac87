/* Reader controls for the handbook: text size (A- A A+), high contrast in one
 * tap, wide tables that say they scroll, and NFC search input.
 * No network, no dependencies; works from file:// too. The chosen size is
 * applied before first paint by the inline script in overrides/main.html. */
(function () {
  "use strict";
  var KEY = "handbook.textScale";
  var STEPS = [0.875, 1, 1.125, 1.25, 1.5];

  function current() {
    var stored = parseFloat(readStored());
    return STEPS.indexOf(stored) >= 0 ? stored : 1;
  }
  function readStored() {
    try { return localStorage.getItem(KEY); } catch (e) { return null; }
  }
  function apply(scale) {
    document.documentElement.style.setProperty("--handbook-text-scale", String(scale));
    try { localStorage.setItem(KEY, String(scale)); } catch (e) { /* private mode */ }
    var buttons = document.querySelectorAll("[data-handbook-size]");
    for (var i = 0; i < buttons.length; i++) {
      var b = buttons[i];
      var kind = b.getAttribute("data-handbook-size");
      b.setAttribute("aria-pressed", String(kind === "reset" && scale === 1));
    }
  }
  function step(direction) {
    var index = STEPS.indexOf(current());
    var next = Math.min(STEPS.length - 1, Math.max(0, index + direction));
    apply(STEPS[next]);
  }

  function button(kind, label, title) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "handbook-size md-header__button";
    b.setAttribute("data-handbook-size", kind);
    b.setAttribute("aria-label", title);
    b.title = title;
    b.textContent = label;
    b.addEventListener("click", function () {
      if (kind === "down") { step(-1); } else if (kind === "up") { step(1); } else { apply(1); }
    });
    return b;
  }

  function addControls() {
    var header = document.querySelector(".md-header__inner");
    if (!header || header.querySelector(".handbook-sizes")) { return; }
    var group = document.createElement("div");
    group.className = "handbook-sizes";
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "Cỡ chữ");
    group.appendChild(button("down", "A-", "Giảm cỡ chữ"));
    group.appendChild(button("reset", "A", "Cỡ chữ mặc định"));
    group.appendChild(button("up", "A+", "Tăng cỡ chữ"));
    var contrast = contrastButton();
    if (contrast) { group.appendChild(contrast); }
    var anchor = header.querySelector("form.md-header__option") ||
      header.querySelector("label[for=__search]");
    header.insertBefore(group, anchor);
    apply(current());
  }

  // High contrast in one tap from any scheme: selects Material's own contrast
  // palette (so the choice is stored and kept like the palette toggle's), and
  // back to the device's light or dark scheme.
  var CONTRAST_ON = "Bật chế độ tương phản cao";
  var CONTRAST_OFF = "Tắt chế độ tương phản cao";
  var CONTRAST_ICON = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">' +
    '<path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20m0 2v16a8 8 0 0 1 0-16"/></svg>';

  function paletteInput(scheme) {
    return document.querySelector('input[name="__palette"][data-md-color-scheme="' + scheme + '"]');
  }
  function contrastOn() {
    return document.body.getAttribute("data-md-color-scheme") === "contrast";
  }
  function showContrast(b) {
    var on = contrastOn();
    b.setAttribute("aria-pressed", String(on));
    b.setAttribute("aria-label", on ? CONTRAST_OFF : CONTRAST_ON);
    b.title = on ? CONTRAST_OFF : CONTRAST_ON;
  }
  function contrastButton() {
    if (!paletteInput("contrast")) { return null; }
    var b = document.createElement("button");
    b.type = "button";
    b.className = "handbook-contrast md-header__button";
    b.innerHTML = CONTRAST_ICON;
    b.addEventListener("click", function () {
      var dark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
      var target = contrastOn() ? paletteInput(dark ? "slate" : "default") : paletteInput("contrast");
      if (target) { target.click(); }
      window.setTimeout(function () { showContrast(b); }, 0);
    });
    new MutationObserver(function () { showContrast(b); })
      .observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
    showContrast(b);
    return b;
  }

  // Wide tables scroll inside the page: make each one that does reachable by
  // keyboard, named for screen readers, and announced by a line above it.
  var SCROLL_HINT = "Bảng rộng: vuốt hoặc cuộn ngang để xem hết các cột →";
  var SCROLL_LABEL = "Bảng, cuộn ngang để xem hết";
  function scrolls(el) { return !!el && el.scrollWidth > el.clientWidth + 1; }
  function markWideTables() {
    var wraps = document.querySelectorAll(".md-content .md-typeset__scrollwrap");
    for (var i = 0; i < wraps.length; i++) {
      var w = wraps[i];
      // Material lets the table itself scroll (inline-block, overflow auto);
      // a wrapper that scrolls is handled the same way.
      var table = w.querySelector("table");
      var scroller = scrolls(table) ? table : (scrolls(w) ? w : null);
      var hint = w.previousElementSibling;
      var hasHint = hint && hint.classList.contains("hb-scroll-hint");
      var marked = w.querySelectorAll("[data-hb-scroller]");
      for (var j = 0; j < marked.length; j++) { unmark(marked[j]); }
      if (w.hasAttribute("data-hb-scroller")) { unmark(w); }
      if (scroller) {
        scroller.tabIndex = 0;
        scroller.setAttribute("data-hb-scroller", "");
        scroller.setAttribute("aria-label", SCROLL_LABEL);
        if (scroller === w) { w.setAttribute("role", "region"); }
        if (!hasHint) {
          hint = document.createElement("p");
          hint.className = "hb-scroll-hint";
          hint.setAttribute("aria-hidden", "true");
          hint.textContent = SCROLL_HINT;
          w.parentNode.insertBefore(hint, w);
        }
      } else if (hasHint) {
        hint.parentNode.removeChild(hint);
      }
    }
  }
  function unmark(el) {
    el.removeAttribute("tabindex");
    el.removeAttribute("data-hb-scroller");
    el.removeAttribute("aria-label");
    if (el.classList.contains("md-typeset__scrollwrap")) { el.removeAttribute("role"); }
  }

  // Material's search panel is a dialog; give it a name (axe: aria-dialog-name).
  function nameDialogs() {
    var dialogs = document.querySelectorAll('[role="dialog"]:not([aria-label]):not([aria-labelledby])');
    for (var i = 0; i < dialogs.length; i++) { dialogs[i].setAttribute("aria-label", "Tìm kiếm"); }
  }

  // "Search" links (the 404 page): open Material's search panel in place.
  document.addEventListener("click", function (event) {
    var link = event.target && event.target.closest && event.target.closest("[data-hb-open-search]");
    var toggle = document.querySelector("label[for=__search]");
    if (link && toggle) {
      event.preventDefault();
      toggle.click();
    }
  });

  function onPage() {
    addControls();
    nameDialogs();
    markWideTables();
  }
  var resizeTimer = null;
  window.addEventListener("resize", function () {
    window.clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(markWideTables, 150);
  });

  // Some keyboards send decomposed Vietnamese (NFD); the index holds NFC.
  document.addEventListener("input", function (event) {
    var target = event.target;
    if (target && target.matches && target.matches("input[data-md-component=search-query]")) {
      var value = target.value.normalize("NFC");
      if (value !== target.value) { target.value = value; }
    }
  }, true);

  // Material wraps tables when it mounts a page (document$); run after it.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { window.setTimeout(onPage, 0); });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", onPage);
  } else {
    onPage();
  }
})();
