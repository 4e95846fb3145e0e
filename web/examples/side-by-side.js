// Two independent instances on one page (also the page tests' host for that).
import '../src/component/styles.js';
import { mountBackstep } from '../src/component/mount.js';

window.backstepInstances = [...document.querySelectorAll('.host')].map((host) =>
  mountBackstep(host, { example: host.dataset.example }),
);
