// The little script of the counter pages; every page also works without it.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // Sensitive facts can be filled in only once the visitor's consent is ticked.
  document.querySelectorAll("input[data-consent-for]").forEach(function (box) {
    var set = document.getElementById(box.getAttribute("data-consent-for"));
    if (!set) {
      return;
    }
    var sync = function () { set.disabled = !box.checked; };
    box.addEventListener("change", sync);
    sync();
  });
  document.querySelectorAll("button[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
  // After a search or with errors, bring the reader to what changed.
  var focus = document.getElementById("errors") || document.getElementById("results");
  if (focus) {
    focus.focus();
  }
});
