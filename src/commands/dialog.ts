// The dialog that shows why 重新计算 failed: the message comes in the query string, as text (never as HTML).
const text = new URLSearchParams(window.location.search).get("m") ?? "";
const box = document.getElementById("message");
if (box) box.textContent = text;
