// The full page: one backstep instance filling the window. `?example=mazur` opens the second example.
import './component/styles.js';
import './styles/page.css';
import { mountBackstep } from './component/mount.js';

const example = new URLSearchParams(window.location.search).get('example') ?? undefined;
mountBackstep(document.getElementById('app'), { example, page: true, storage: true });
