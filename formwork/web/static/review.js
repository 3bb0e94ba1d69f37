// Progressive enhancement only: every page works without it.
// While an answer has focus, its box on the page image is highlighted and scrolled into view.
document.addEventListener("focusin", (event) => {
  const id = event.target && event.target.dataset ? event.target.dataset.box : null;
  document.querySelectorAll(".box.active").forEach((b) => b.classList.remove("active"));
  if (!id) return;
  const box = document.getElementById(id);
  if (box) {
    box.classList.add("active");
    const r = box.getBoundingClientRect();
    if (r.top < 0 || r.bottom > window.innerHeight) box.scrollIntoView({ block: "center", behavior: "smooth" });
  }
});
