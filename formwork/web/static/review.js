// Progressive enhancement only: every page works without it.
(() => {
  "use strict";

  // ------------------------------------------------------------------ an answer's box follows its focus

  // While an answer has focus, its box on the page image is highlighted and scrolled into view.
  document.addEventListener("focusin", (event) => {
    const el = event.target;
    const id = el && el.dataset ? el.dataset.box : null;
    if (!id && el && el.closest && el.closest("figure.page")) return; // on the page: the answer's box stays lit
    document.querySelectorAll(".box.active").forEach((b) => b.classList.remove("active"));
    if (!id) return;
    const box = document.getElementById(id);
    if (box) {
      box.classList.add("active");
      const r = box.getBoundingClientRect();
      if (r.top < 0 || r.bottom > window.innerHeight) box.scrollIntoView({ block: "center", behavior: "smooth" });
    }
  });

  // ------------------------------------------------------------------ dates: how the one typed reads

  const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];

  // The common ways of writing a date (UK order); null for anything else (the server still reads it on "check").
  function readDate(raw) {
    const s = raw.trim().replace(/\s+/g, " ").replace(/[.,]$/, "");
    let y, m, d, match;
    if ((match = s.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/))) [y, m, d] = [+match[1], +match[2], +match[3]];
    else if ((match = s.match(/^(\d{1,2}) ?[/.-] ?(\d{1,2}) ?[/.-] ?(\d{4})$/))) [d, m, y] = [+match[1], +match[2], +match[3]];
    else if ((match = s.match(/^(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+),? (\d{4})$/))) {
      d = +match[1]; y = +match[3]; m = monthOf(match[2]);
    } else if ((match = s.match(/^([A-Za-z]+) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/))) {
      m = monthOf(match[1]); d = +match[2]; y = +match[3];
    } else return null;
    if (!m || m > 12 || d < 1) return null;
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCDate() !== d || date.getUTCMonth() !== m - 1) return null;
    return `${d} ${MONTHS[m - 1]} ${y}`;
  }

  function monthOf(word) {
    const w = word.toLowerCase();
    if (w.length < 3) return 0;
    const i = MONTHS.findIndex((name) => name.toLowerCase().startsWith(w.slice(0, 3)) && name.toLowerCase().startsWith(w));
    return i >= 0 ? i + 1 : (w === "sept" ? 9 : 0);
  }

  function showReading(input) {
    const reading = document.getElementById(`r-${input.id.slice(2)}`);
    if (!reading) return;
    const parts = input.value.split(";").map((p) => p.trim()).filter(Boolean);
    const read = parts.map(readDate);
    if (parts.length && read.every(Boolean)) {
      reading.textContent = `That is ${read.join(", ")}.`;
      reading.hidden = false;
    } else {
      reading.textContent = "";
      reading.hidden = true;
    }
  }

  document.addEventListener("input", (event) => {
    const el = event.target;
    if (el && el.id && el.id.startsWith("f-")) showReading(el);
  });

  // ------------------------------------------------------------------ copying words from the page into an answer

  const form = document.querySelector("form.answers");
  const figures = [...document.querySelectorAll("figure.page[data-words]")];
  const ANSWER = "input[name^='field.'], textarea[name^='field.']";
  const editable = (el) => !!(el && el.matches && form && form.contains(el) && el.matches(ANSWER) && !el.readOnly
    && !el.disabled);
  if (!form || !figures.length || ![...form.querySelectorAll(ANSWER)].some(editable)) return;

  const labelOf = (input) => {
    const label = input.labels && input.labels[0];
    if (!label) return "the answer";
    const copy = label.cloneNode(true);
    copy.querySelectorAll(".num, .optional").forEach((n) => n.remove());
    return copy.textContent.trim();
  };

  let target = null; // the answer words go into: the one focused last
  let undo = null; // { input, value } before the last copy

  // The bar above the pages says what a click on the page will do, and offers to undo a copy.
  const bar = document.createElement("div");
  bar.className = "pickbar";
  bar.innerHTML = '<p class="pick-what"></p><p class="pick-done" role="status" aria-live="polite"></p>'
    + '<div class="pick-buttons"><button type="button" class="link-button pick-undo" hidden>Undo</button>'
    + '<button type="button" class="link-button pick-stop" hidden>Stop copying</button></div>';
  figures[0].before(bar);
  const what = bar.querySelector(".pick-what");
  const done = bar.querySelector(".pick-done");
  const undoButton = bar.querySelector(".pick-undo");
  const stopButton = bar.querySelector(".pick-stop");

  function setTarget(input) {
    if (target === input) return;
    if (target) target.closest(".field")?.classList.remove("picking-into");
    target = input;
    figures.forEach((f) => f.classList.toggle("picking", !!target));
    stopButton.hidden = !target;
    if (target) {
      target.closest(".field")?.classList.add("picking-into");
      what.innerHTML = "";
      what.append("Copying into ");
      const name = document.createElement("strong");
      name.textContent = labelOf(target);
      what.append(name, ": click a word or a box on the page, or drag across words (keyboard: Alt+W).");
    } else {
      what.textContent = "To copy text from the page, select an answer, then click a word on the page.";
    }
  }
  setTarget(null);

  document.addEventListener("focusin", (event) => {
    if (editable(event.target)) setTarget(event.target);
  });
  stopButton.addEventListener("click", () => {
    const was = target;
    setTarget(null);
    done.textContent = "";
    if (was) was.focus();
  });
  undoButton.addEventListener("click", () => {
    if (!undo) return;
    undo.input.value = undo.value;
    changed(undo.input);
    done.textContent = `${labelOf(undo.input)} is back as it was.`;
    undo.input.focus();
    undo = null;
    undoButton.hidden = true;
  });

  function changed(input) {
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }

  // Words in reading order, grouped into lines, joined: lines by a space (a new line in a text box).
  function textOf(words, multiline) {
    const lines = new Map();
    [...words].sort((a, b) => a.order - b.order).forEach((w) => {
      if (!lines.has(w.line)) lines.set(w.line, []);
      lines.get(w.line).push(w.text);
    });
    // A comma or full stop that ends the words picked is the sentence's, not the answer's ("Close," → "Close").
    return [...lines.values()].map((l) => l.join(" ")).join(multiline ? "\n" : " ").replace(/[,;:.]+$/, "");
  }

  function put(words, append) {
    if (!target) {
      done.textContent = "Select an answer first, then choose the words to copy into it.";
      return;
    }
    if (!words.length) {
      done.textContent = "There is no text there to copy.";
      return;
    }
    const text = textOf(words, target.tagName === "TEXTAREA");
    undo = { input: target, value: target.value };
    const before = target.value.replace(/\s+$/, "");
    target.value = append && before ? `${before} ${text}` : text;
    changed(target);
    target.classList.remove("filled");
    void target.offsetWidth; // restart the highlight
    target.classList.add("filled");
    done.textContent = `“${text}” put into ${labelOf(target)}.`;
    undoButton.hidden = false;
  }

  // ------------------------------------------------------------------ each page's words, as targets over the image

  const pages = new Map(); // figure -> { width, height, words: [{ text, x0, top, x1, bottom, el, line, order }] }

  function pct(v, whole) { return `${(v / whole * 100).toFixed(3)}%`; }

  function layOut(figure, data) {
    const words = data.words.filter((w) => w.text && w.text.trim());
    // Reading order: lines by their middles, then left to right.
    words.sort((a, b) => a.top - b.top || a.x0 - b.x0);
    let line = -1, lineTop = -Infinity, lineBottom = -Infinity;
    words.forEach((w) => {
      const mid = (w.top + w.bottom) / 2;
      if (mid > lineBottom || mid < lineTop) { line += 1; lineTop = w.top; lineBottom = w.bottom; }
      w.line = line;
    });
    words.sort((a, b) => a.line - b.line || a.x0 - b.x0);
    const layer = document.createElement("div");
    layer.className = "words";
    layer.setAttribute("role", "listbox");
    layer.setAttribute("aria-multiselectable", "true");
    layer.setAttribute("aria-label", `Words on page ${figure.dataset.page}: arrow keys move, shift and an arrow `
      + "selects more, Enter copies them into the answer, Escape goes back to it");
    words.forEach((w, i) => {
      w.order = i;
      const el = document.createElement("span");
      el.className = "word";
      el.id = `w${figure.dataset.page}-${i}`;
      el.setAttribute("role", "option");
      el.setAttribute("aria-selected", "false");
      el.tabIndex = i === 0 ? 0 : -1;
      el.textContent = w.text;
      el.style.cssText = `left:${pct(w.x0, data.width)};top:${pct(w.top, data.height)};`
        + `width:${pct(w.x1 - w.x0, data.width)};height:${pct(w.bottom - w.top, data.height)}`;
      el.dataset.i = String(i);
      w.el = el;
      layer.append(el);
    });
    figure.append(layer);
    pages.set(figure, { width: data.width, height: data.height, words, layer, anchor: 0, selected: new Set() });
  }

  figures.forEach((figure) => {
    fetch(figure.dataset.words, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then((r) => (r.ok ? r.json() : null))
      .then((data) => { if (data && Array.isArray(data.words)) layOut(figure, data); })
      .catch(() => {}); // no words: the page still works, staff type the answer
  });

  // Where a pointer is on a page, in the page's points.
  function pointOn(figure, event) {
    const page = pages.get(figure);
    const r = figure.getBoundingClientRect();
    return { x: (event.clientX - r.left) / r.width * page.width, y: (event.clientY - r.top) / r.height * page.height };
  }

  const within = (w, box) => {
    const cx = (w.x0 + w.x1) / 2, cy = (w.top + w.bottom) / 2;
    return cx >= box.x0 && cx <= box.x1 && cy >= box.top && cy <= box.bottom;
  };
  const touches = (w, r) => w.x0 < r.x1 && w.x1 > r.x0 && w.top < r.bottom && w.bottom > r.top;

  function boxRect(figure, box) {
    const page = pages.get(figure);
    const f = figure.getBoundingClientRect(), b = box.getBoundingClientRect();
    return { x0: (b.left - f.left) / f.width * page.width, x1: (b.right - f.left) / f.width * page.width,
      top: (b.top - f.top) / f.height * page.height, bottom: (b.bottom - f.top) / f.height * page.height };
  }

  function select(page, chosen) {
    page.selected.forEach((i) => page.words[i].el.setAttribute("aria-selected", "false"));
    page.selected = new Set(chosen.map((w) => w.order));
    page.selected.forEach((i) => page.words[i].el.setAttribute("aria-selected", "true"));
  }

  // ------------------------------------------------------------------ the mouse: click a word or a box, or drag

  let drag = null;

  figures.forEach((figure) => {
    figure.addEventListener("mousedown", (event) => {
      if (!target || event.button !== 0 || !pages.has(figure) || event.target.closest(".marker")) return;
      event.preventDefault(); // keep the answer focused, and do not drag the image
      const start = pointOn(figure, event);
      drag = { figure, start, moved: false, shift: event.shiftKey, on: event.target, marquee: null };
    });
    // A click on a box copies its words while copying; otherwise (and on its number) it goes to its answer.
    figure.addEventListener("click", (event) => {
      const box = event.target.closest(".box");
      if (!box) return;
      if (target && pages.has(figure) && !event.target.closest(".marker")) {
        event.preventDefault();
        return;
      }
      const input = document.getElementById(`f-${box.dataset.field}`);
      if (input) setTimeout(() => input.focus({ preventScroll: true }), 0);
    });
  });

  window.addEventListener("mousemove", (event) => {
    if (!drag) return;
    const page = pages.get(drag.figure);
    const at = pointOn(drag.figure, event);
    const far = Math.hypot(at.x - drag.start.x, at.y - drag.start.y) / page.width * drag.figure.clientWidth;
    if (!drag.moved && far < 4) return;
    drag.moved = true;
    const r = { x0: Math.min(at.x, drag.start.x), x1: Math.max(at.x, drag.start.x),
      top: Math.min(at.y, drag.start.y), bottom: Math.max(at.y, drag.start.y) };
    if (!drag.marquee) {
      drag.marquee = document.createElement("div");
      drag.marquee.className = "marquee";
      drag.figure.append(drag.marquee);
    }
    drag.marquee.style.cssText = `left:${pct(r.x0, page.width)};top:${pct(r.top, page.height)};`
      + `width:${pct(r.x1 - r.x0, page.width)};height:${pct(r.bottom - r.top, page.height)}`;
    drag.rect = r;
    select(page, page.words.filter((w) => touches(w, r)));
  });

  window.addEventListener("mouseup", (event) => {
    if (!drag) return;
    const { figure, moved, shift, on, marquee } = drag;
    const page = pages.get(figure);
    drag = null;
    if (marquee) marquee.remove();
    if (moved) {
      put(page.words.filter((w) => page.selected.has(w.order)), shift || event.shiftKey);
      return;
    }
    const word = on.closest && on.closest(".word");
    if (word) {
      const w = page.words[+word.dataset.i];
      select(page, [w]);
      put([w], shift);
      return;
    }
    const box = on.closest && on.closest(".box");
    if (box) {
      const r = boxRect(figure, box);
      const inside = page.words.filter((w) => within(w, r));
      select(page, inside);
      put(inside, shift);
    }
  });

  // ------------------------------------------------------------------ the keyboard: one stop per page, arrows within

  function focusWord(page, i, extend) {
    const n = page.words.length;
    if (!n) return;
    const j = Math.max(0, Math.min(n - 1, i));
    page.words.forEach((w) => { w.el.tabIndex = -1; });
    const w = page.words[j];
    w.el.tabIndex = 0;
    w.el.focus();
    if (extend) {
      const [a, b] = [Math.min(page.anchor, j), Math.max(page.anchor, j)];
      select(page, page.words.slice(a, b + 1));
    } else {
      page.anchor = j;
      select(page, [w]);
    }
  }

  function lineStep(page, from, step) {
    const w = page.words[from];
    const line = w.line + step;
    const cx = (w.x0 + w.x1) / 2;
    let best = -1, dist = Infinity;
    page.words.forEach((o, i) => {
      if (o.line !== line) return;
      const d = Math.abs((o.x0 + o.x1) / 2 - cx);
      if (d < dist) { dist = d; best = i; }
    });
    return best < 0 ? from : best;
  }

  document.addEventListener("keydown", (event) => {
    // Alt+W from an answer: to the words on the page, beside its box if it has one.
    if (event.altKey && !event.ctrlKey && event.code === "KeyW" && editable(event.target)) {
      event.preventDefault();
      const box = document.getElementById(event.target.dataset.box || "");
      const figure = (box && box.closest("figure.page")) || figures.find((f) => pages.has(f));
      const page = figure && pages.get(figure);
      if (!page || !page.words.length) return;
      let i = 0;
      if (box && figure.contains(box)) {
        const r = boxRect(figure, box);
        const inside = page.words.findIndex((w) => within(w, r));
        i = inside >= 0 ? inside : 0;
      }
      focusWord(page, i, false);
      return;
    }
    const el = event.target;
    if (!el.classList || !el.classList.contains("word")) return;
    const figure = el.closest("figure.page");
    const page = pages.get(figure);
    const i = +el.dataset.i;
    const move = {
      ArrowRight: () => i + 1, ArrowLeft: () => i - 1, ArrowDown: () => lineStep(page, i, 1),
      ArrowUp: () => lineStep(page, i, -1),
      Home: () => page.words.findIndex((w) => w.line === page.words[i].line),
      End: () => page.words.length - 1 - [...page.words].reverse().findIndex((w) => w.line === page.words[i].line),
    }[event.key];
    if (move) {
      event.preventDefault();
      focusWord(page, move(), event.shiftKey);
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      const chosen = page.words.filter((w) => page.selected.has(w.order));
      put(chosen.length ? chosen : [page.words[i]], false);
    } else if (event.key === "Escape" && target) {
      event.preventDefault();
      target.focus();
    }
  });
})();
