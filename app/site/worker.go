package site

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// serviceWorker is go-app's service worker with one change: a new worker
// precaches the site once the page has drawn its first frame (the page
// posts started), or after 5 seconds, instead of at once. At once means during a
// first visit's load, while the page is downloading and compiling app.wasm:
// the worker fetched it a second time and slowed the page's start.
func serviceWorker(started string) string {
	return mustReplace(app.DefaultAppWorkerJS, `self.addEventListener("install", async (event) => {
  try {
    console.log("installing app worker {{.Version}}");
    await installWorker();
    await self.skipWaiting();
  } catch (error) {
    console.error("error during installation:", error);
  }
});`, `let pageStarted;
const started = new Promise((resolve) => { pageStarted = resolve; });
self.addEventListener("message", (event) => {
  if (event.data === "`+started+`") pageStarted();
});

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    try {
      await Promise.race([started, new Promise((resolve) => setTimeout(resolve, 5000))]);
      console.log("installing app worker {{.Version}}");
      await installWorker();
      await self.skipWaiting();
    } catch (error) {
      console.error("error during installation:", error);
    }
  })());
});`)
}

// mustReplace replaces old, which must occur once in s: the worker is
// go-app's, and a go-app that changed it must not be patched blindly.
func mustReplace(s, old, new string) string {
	if strings.Count(s, old) != 1 {
		panic("go-app's service worker changed: review serviceWorker")
	}
	return strings.Replace(s, old, new, 1)
}
