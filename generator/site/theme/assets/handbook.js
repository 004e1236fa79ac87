/* Reader controls for the handbook: text size (A- A A+) and NFC search input.
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
    var anchor = header.querySelector("form.md-header__option") ||
      header.querySelector("label[for=__search]");
    header.insertBefore(group, anchor);
    apply(current());
  }

  // Some keyboards send decomposed Vietnamese (NFD); the index holds NFC.
  document.addEventListener("input", function (event) {
    var target = event.target;
    if (target && target.matches && target.matches("input[data-md-component=search-query]")) {
      var value = target.value.normalize("NFC");
      if (value !== target.value) { target.value = value; }
    }
  }, true);

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", addControls);
  } else {
    addControls();
  }
})();
