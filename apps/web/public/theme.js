// Applied before the first paint so a dark-mode user never sees a white flash. A file of
// its own, not an inline script, so the hub's Content-Security-Policy can forbid those.
(function () {
  var choice = localStorage.getItem('homehub.theme');
  var dark =
    choice === 'dark' ||
    (choice !== 'light' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle('dark', dark);
})();
