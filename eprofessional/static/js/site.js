/* Progressive enhancement only: every page works without this file. No inline script anywhere (CSP). */
(function () {
  "use strict";
  document.documentElement.classList.remove("no-js");
  document.documentElement.classList.add("js");

  // Buttons that copy text (e.g. a suggested rewrite) to the clipboard.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy-target]");
    if (!button || !navigator.clipboard) { return; }
    var target = document.getElementById(button.getAttribute("data-copy-target"));
    if (!target) { return; }
    navigator.clipboard.writeText(target.value || target.textContent).then(function () {
      button.textContent = "Copied";
    });
  });

  // The header's account menu is a <details>: close it with Escape or a click elsewhere.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    var open = document.querySelector("details.ep-menu[open]");
    if (open) { open.removeAttribute("open"); open.querySelector("summary").focus(); }
  });
  document.addEventListener("click", function (event) {
    var open = document.querySelector("details.ep-menu[open]");
    if (open && !open.contains(event.target)) { open.removeAttribute("open"); }
  });

  // Move focus to an error summary after a failed submit, as GOV.UK does.
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector(".ep-error-summary");
    if (summary) { summary.focus(); }
  });
  // htmx leaves the page alone on an error status; a rate limit (429) comes with a message to show.
  document.body && document.body.addEventListener("htmx:beforeSwap", function (event) {
    if (event.detail.xhr && event.detail.xhr.status === 429) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
  document.body && document.body.addEventListener("htmx:afterSwap", function (event) {
    var summary = event.target.querySelector && event.target.querySelector(".ep-error-summary, [data-focus-after-swap]");
    if (summary) { summary.focus(); }
  });
})();
