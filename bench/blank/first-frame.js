// The bench's baseline page (bench/page.mjs): one module, one circle; its first animation frame is the floor under
// "first network drawn" in the same browser, server and machine.
requestAnimationFrame(() => {
  window.__benchDraw = { dom: performance.now(), drawn: performance.now() };
});
