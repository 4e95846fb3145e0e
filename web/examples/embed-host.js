// What a blogger adds beside the iframe: size the frame to the height it posts, and drive it.
const frame = document.querySelector('.backstep-frame');
window.addEventListener('message', (event) => {
  if (event.source === frame.contentWindow && event.data?.type === 'backstep:height')
    frame.style.height = `${event.data.height}px`;
});
for (const button of document.querySelectorAll('[data-goto]')) {
  const [step, at] = button.dataset.goto.split(',').map(Number);
  button.addEventListener('click', () =>
    frame.contentWindow.postMessage({ type: 'backstep:goto', step, event: at }, '*'),
  );
}
document
  .querySelector('[data-next]')
  .addEventListener('click', () => frame.contentWindow.postMessage({ type: 'backstep:next' }, '*'));
