// Webview entry (filled in with the views).
