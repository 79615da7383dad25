package main

// workerPageStarted is the message the page posts to a new service worker
// once its first frame is drawn.
const workerPageStarted = "cvq-playground:started"
