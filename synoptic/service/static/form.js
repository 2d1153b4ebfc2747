// The form page: "Add another article" copies an empty article box; submitting shows that work started.
(function () {
  "use strict";
  var add = document.getElementById("add-article");
  var pasted = document.getElementById("pasted");
  if (add && pasted) {
    add.hidden = false;
    add.addEventListener("click", function () {
      var boxes = pasted.querySelectorAll(".article-input");
      var copy = boxes[boxes.length - 1].cloneNode(true);
      copy.querySelectorAll("input, textarea").forEach(function (field) { field.value = ""; });
      copy.querySelectorAll(".n").forEach(function (n) { n.textContent = String(boxes.length + 1); });  // each label names its box
      pasted.appendChild(copy);
      copy.querySelector("input").focus();
    });
  }
  var form = document.getElementById("brief-form");
  var submit = document.getElementById("submit");
  if (form && submit) {
    form.addEventListener("submit", function () {
      submit.disabled = true;
      submit.textContent = "Writing the brief…";
    });
  }
})();
