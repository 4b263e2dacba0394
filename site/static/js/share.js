// "Copy link" on a statement page: copies the page's address instead of following the
// link (which, without this script, simply opens the same address). No inline script:
// the public Content-Security-Policy allows scripts from this origin only.
document.addEventListener("click", (event) => {
  const link = event.target.closest("a.copy-link");
  if (!link) return;
  event.preventDefault();
  const status = link.parentElement.querySelector(".copy-status");
  const say = (text) => {
    if (status) status.textContent = text;
  };
  if (!navigator.clipboard) {
    say(link.dataset.copyFailed);
    return;
  }
  navigator.clipboard.writeText(link.href).then(
    () => say(link.dataset.copied),
    () => say(link.dataset.copyFailed),
  );
});
