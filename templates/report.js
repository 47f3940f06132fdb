// Sorting and filtering of the table of briefs. The page is complete
// without this script: it only shows the filters and makes the column
// headings buttons. It loads nothing and sends nothing (the page's
// Content-Security-Policy allows this script by its hash and nothing else).
(function () {
  "use strict";
  var table = document.getElementById("briefs-table");
  var form = document.getElementById("filters");
  if (!table || !form) {
    return;
  }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var shown = document.getElementById("shown");
  var words = null;
  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

  function text(row) {
    return row.textContent.replace(/\s+/g, " ").toLowerCase();
  }

  function apply() {
    var query = form.elements.q.value.trim().toLowerCase();
    var stage = form.elements.stage.value;
    var status = form.elements.status.value;
    var signal = form.elements.signal.value;
    if (query && words === null) {
      words = rows.map(text);
    }
    var count = 0;
    rows.forEach(function (row, i) {
      var signals = " " + row.getAttribute("data-signals") + " ";
      var keep = (!query || words[i].indexOf(query) !== -1) &&
        (!stage || row.getAttribute("data-stage") === stage) &&
        (!status || row.getAttribute("data-status") === status) &&
        (!signal || signals.indexOf(" " + signal + " ") !== -1);
      row.hidden = !keep;
      if (keep) {
        count += 1;
      }
    });
    shown.textContent = count === rows.length
      ? "All " + rows.length + (rows.length === 1 ? " brief" : " briefs") + " shown"
      : count + " of " + rows.length + " briefs shown";
  }

  function sortBy(heading, column) {
    var ascending = heading.getAttribute("aria-sort") !== "ascending";
    var numeric = heading.getAttribute("data-sort") === "number";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
      cell.removeAttribute("aria-sort");
    });
    heading.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var keyed = rows.map(function (row, i) {
      var cell = row.cells[column];
      var key = cell.hasAttribute("data-value")
        ? cell.getAttribute("data-value")
        : cell.textContent.trim();
      return { key: key, index: i, row: row };
    });
    keyed.sort(function (a, b) {
      // Empty cells go last whichever way the column is sorted.
      if (a.key === "" || b.key === "") {
        return (a.key === "") - (b.key === "") || a.index - b.index;
      }
      var order = numeric ? Number(a.key) - Number(b.key) : collator.compare(a.key, b.key);
      return (ascending ? order : -order) || a.index - b.index;
    });
    var fragment = document.createDocumentFragment();
    keyed.forEach(function (k) {
      fragment.appendChild(k.row);
    });
    body.appendChild(fragment);
  }

  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (heading, column) {
    if (!heading.hasAttribute("data-sort")) {
      return;
    }
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = heading.textContent;
    button.title = "Sort by " + heading.textContent.toLowerCase();
    heading.textContent = "";
    heading.appendChild(button);
    button.addEventListener("click", function () {
      sortBy(heading, column);
    });
  });

  Array.prototype.forEach.call(document.querySelectorAll(".show-in-table"), function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      form.reset();
      form.elements.signal.value = button.getAttribute("data-signal");
      apply();
      document.getElementById("briefs").scrollIntoView();
    });
  });

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
  });
  form.addEventListener("reset", function () {
    window.setTimeout(apply, 0);
  });
  form.hidden = false;
  apply();
})();
