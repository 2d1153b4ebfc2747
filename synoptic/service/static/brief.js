// The brief page: a click on a citation [n] lights up the supporting sentence inside its article,
// opens that article and scrolls to it. Marks are server-made names (m1, m2, ...), never user text.
(function () {
  "use strict";

  function show(mark) {
    var parts = document.querySelectorAll('.ev[data-marks~="' + mark + '"]');
    if (!parts.length) return false;
    document.querySelectorAll(".ev.hl").forEach(function (el) { el.classList.remove("hl"); });
    parts.forEach(function (el) { el.classList.add("hl"); });
    var details = parts[0].closest("details");
    if (details) details.open = true;
    parts[0].scrollIntoView({ block: "center" });
    return true;
  }

  document.addEventListener("click", function (event) {
    var cite = event.target.closest("a.cite[data-mark]");
    if (!cite || !show(cite.dataset.mark)) return;
    event.preventDefault();
    document.querySelectorAll("a.cite.active").forEach(function (el) { el.classList.remove("active"); });
    cite.classList.add("active");
    history.replaceState(null, "", "#" + cite.dataset.mark);
  });

  var initial = location.hash.slice(1);
  if (/^m[0-9]+$/.test(initial)) show(initial);
})();
