// A documentation page on another origin than the playground's, as a
// protocol wiki that embeds examples would be, and a page that breaks its
// own Content Security Policy (to show that the problem collector catches
// a violation in every engine).

import { createServer } from 'node:http';

export async function startHost(playground) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://host');
    if (url.pathname === '/violates') {
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'",
      });
      res.end(`<!DOCTYPE html><html lang="en"><head><title>violates</title></head><body>
<p style="color: red">An inline style and an inline script, both refused.</p>
<script>window.inlineRan = true</script><script src="/violates.js"></script></body></html>`);
      return;
    }
    if (url.pathname === '/violates.js') {
      // And one after the load event, as a running page would.
      res.writeHead(200, { 'Content-Type': 'text/javascript' });
      res.end(`addEventListener('load', () => setTimeout(() => document.body.setAttribute('style', 'color: red'), 1000));`);
      return;
    }
    if (url.pathname === '/docs') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>CVQ notes</title></head>
<body><main><h1>CVQ</h1>
<p>An old client asks for its upgrade:</p>
<pre data-cvq data-policy="msnp-wiki">CVQ 1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS
CVQ 2 0x0409 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS example@hotmail.com
CVQ 3 0x0409 winnt 5.0 i386 MSNMSGR 99.9.9999 MSMSGS</pre>
<p>The end of the page.</p></main>
<script src="${playground}/web/embed.js" defer></script></body></html>`);
      return;
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise(r => server.close(r)) };
}
