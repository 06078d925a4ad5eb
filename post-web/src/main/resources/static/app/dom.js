// Building elements without innerHTML: every piece of user text goes in as a text node, so nothing a
// user wrote can ever become markup.

/** h('button', {type: 'button', onclick}, 'Like') */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

let counter = 0;
/** A document-unique id, for label/for and aria-* links. */
export function uid(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** "3 minutes ago"-style text is left out on purpose: a date a person reads, in their locale. */
export function formatDate(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleString();
}

/** Ctrl+Enter (Cmd+Enter on a Mac) in a text box does what its button does, as in most chat and mail apps. */
export function submitOnCtrlEnter(textarea, action) {
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      action();
    }
  });
  return textarea;
}
