// The e2e tests drive the system Chromium, so npm install must not download a browser of its own.
module.exports = { skipDownload: true };
