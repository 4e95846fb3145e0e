// The post's own text drives the first element.
const first = document.getElementById('first');
document.getElementById('next').addEventListener('click', () => first.next());
