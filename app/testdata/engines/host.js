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
    if (url.pathname === '/wiki') {
      // A page written as the MSNP wikis write it: nothing marked, the
      // examples found by their text (data-cvq-detect).
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>CVQ - msnp-wiki</title></head>
<body><main><h1>CVQ</h1>
<p>Syntax:</p>
<pre><code>C: CVQ TrID locale system-type system-ver system-arch requesting-library client-version client-identification
S: CVQ TrID recommended-version recommended-version-2 minimum-version download-url info-url
</code></pre>
<pre><code>C: VER 1 MSNP2 CVR0
S: VER 1 CVR0
C: CVQ 2 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS
S: CVQ 2 5.0.0537 5.0.0537 1.0.0863
.. http://download.microsoft.com/download/msnmessenger/install/5.0/w98nt42kmexp/en-us/setupdl.exe
.. http://messenger.microsoft.com
</code></pre>
<p>Server disconnects client.</p>
<pre><code>C: CVQ 5 0x1111 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS example@hotmail.com
S: CVQ 5 7.0.0813 7.0.0813 6.2.0205 http://example.com/setup.exe http://example.com
</code></pre>
<!-- cvq policy: msn-2003-09 -->
<pre><code>C: VER 3 MSNP8 CVR0
S: VER 3 MSNP8
</code></pre>
<pre><code>C: USR 6 TWN I example@passport.com
S: USR 6 TWN S lc=1033,id=507
</code></pre>
<div class="mw-parser-output"><pre data-policy="msn-2006-12">&gt;&gt;&gt; VER 0 MSNP8 CVR0 &lt;&lt;&lt; VER 0 MSNP8 CVR0</pre></div>
<pre><code>C: CVQ 9 0x0409 winnt 5.1 i386 MSNMSGR 6.2.0205 MSMSGS</code></pre>
<pre>The client sends VER first. C: and S: mark who writes a line.</pre>
</main>
<script src="${playground}/web/embed.js" data-cvq-detect defer></script></body></html>`);
      return;
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise(r => server.close(r)) };
}
