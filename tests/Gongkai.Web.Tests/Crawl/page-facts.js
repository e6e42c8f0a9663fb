() => {
  const out = { title: document.title, texts: [], attrs: [], links: [], forms: [] };
  const skip = el => el.closest('[translate="no"], script, style, noscript, template');
  const where = el => {
    const parts = [];
    for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
      let s = e.tagName.toLowerCase();
      if (e.id) { parts.unshift(s + '#' + e.id); break; }
      if (e.classList.length) s += '.' + e.classList[0];
      parts.unshift(s);
    }
    return parts.join('>');
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const p = n.parentElement;
    const t = n.textContent.trim();
    if (!t || !p || skip(p)) continue;
    if (p.tagName !== 'OPTION' && !p.checkVisibility()) continue;
    out.texts.push({ text: t, where: where(p) });
  }
  for (const el of document.querySelectorAll('[title],[aria-label],[placeholder],[alt],input[type=submit],input[type=button]')) {
    if (skip(el)) continue;
    for (const a of ['title', 'aria-label', 'placeholder', 'alt', 'value']) {
      if (a === 'value' && el.tagName !== 'INPUT') continue;
      const v = el.getAttribute(a);
      if (v) out.attrs.push({ text: v, where: where(el) + '[' + a + ']' });
    }
  }
  for (const a of document.querySelectorAll('a[href]')) {
    out.links.push({ href: a.href, text: (a.innerText || a.getAttribute('aria-label') || '').trim().slice(0, 40) });
  }
  for (const f of document.querySelectorAll('form')) {
    const method = (f.getAttribute('method') || 'get').toLowerCase();
    const submits = [...f.elements].filter(e => e.type === 'submit' || e.type === 'image');
    const targets = submits.length === 0
      ? [{ action: f.action, method, label: '' }]
      : submits.map(b => ({
          action: b.hasAttribute('formaction') ? b.formAction : f.action,
          method: (b.getAttribute('formmethod') || method).toLowerCase(),
          label: (b.innerText || b.value || '').trim().slice(0, 30),
        }));
    let query = null;
    if (method === 'get') {
      const data = new URLSearchParams();
      for (const [k, v] of new FormData(f)) if (typeof v === 'string') data.append(k, v);
      query = data.toString();
    }
    out.forms.push({ targets, query, where: where(f) });
  }
  return out;
}
