// One-tag loader for clinic sites:
//   <script src="https://assistant.clinic.example/embed.js" data-title="Ask about knee & back pain"
//           data-position="right" async></script>
// Adds a launcher button and the chat iframe inside a Shadow DOM, so the host page's
// styles never reach the widget and the widget never touches the host page's styles.
(() => {
  "use strict";

  const TAG = "clinic-assistant-widget";
  const script = document.currentScript;
  if (!script || !script.src || document.querySelector(TAG)) return;

  const frameUrl = new URL("embed", script.src).href;
  const frameOrigin = new URL(script.src).origin;
  const title = (script.dataset.title || "Ask about knee & back pain").slice(0, 80);
  const side = script.dataset.position === "left" ? "left" : "right";
  const CSS = `
    :host { all: initial; position: fixed; bottom: 20px; ${side}: 20px; z-index: 2147483000; }
    * { box-sizing: border-box; }
    .launcher, .close {
      font: 600 15px/1.2 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
      cursor: pointer; border: 0; border-radius: 24px;
    }
    .launcher {
      background: #0b5cad; color: #ffffff; padding: 12px 18px;
      box-shadow: 0 4px 14px rgba(0, 0, 0, 0.25);
    }
    .panel {
      position: absolute; bottom: 60px; ${side}: 0; width: min(380px, calc(100vw - 40px));
      height: min(600px, calc(100vh - 100px)); display: flex; flex-direction: column;
      background: #ffffff; border: 1px solid #c9d0da; border-radius: 12px; overflow: hidden;
      box-shadow: 0 10px 30px rgba(0, 0, 0, 0.3);
    }
    .panel[hidden] { display: none; }
    .bar {
      display: flex; align-items: center; justify-content: space-between; gap: 8px;
      padding: 6px 8px 6px 12px; background: #0b5cad; color: #ffffff;
      font: 600 14px/1.2 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
    }
    .close { background: transparent; color: #ffffff; padding: 4px 10px; font-size: 20px; }
    iframe { flex: 1 1 auto; width: 100%; border: 0; display: block; }
    :focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
  `;

  const host = document.createElement(TAG);
  const root = host.attachShadow({ mode: "open" });
  if ("adoptedStyleSheets" in root) {
    // A constructed sheet is not an inline <style>, so a strict host CSP does not block it.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  } else {
    const style = document.createElement("style");
    style.textContent = CSS;
    root.append(style);
  }

  const launcher = document.createElement("button");
  launcher.type = "button";
  launcher.className = "launcher";
  launcher.textContent = title;
  launcher.setAttribute("aria-expanded", "false");
  launcher.setAttribute("aria-controls", "panel");

  const panel = document.createElement("div");
  panel.id = "panel";
  panel.className = "panel";
  panel.hidden = true;
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-label", title);

  const bar = document.createElement("div");
  bar.className = "bar";
  const heading = document.createElement("span");
  heading.textContent = title;
  const closeButton = document.createElement("button");
  closeButton.type = "button";
  closeButton.className = "close";
  closeButton.textContent = "×";
  closeButton.setAttribute("aria-label", "Close the chat");
  bar.append(heading, closeButton);
  panel.append(bar);
  root.append(launcher, panel);

  let frame = null;

  function ensureFrame() {
    if (frame) return frame;
    frame = document.createElement("iframe");
    frame.title = title;
    frame.src = frameUrl;
    frame.referrerPolicy = "no-referrer";
    frame.addEventListener("load", () => focusFrame());
    panel.append(frame);
    return frame;
  }

  function focusFrame() {
    if (panel.hidden || !frame) return;
    frame.focus();
    frame.contentWindow.postMessage({ type: "clinic-assistant:open" }, frameOrigin);
  }

  function open() {
    panel.hidden = false;
    launcher.setAttribute("aria-expanded", "true");
    ensureFrame();
    focusFrame();
  }

  function close() {
    if (panel.hidden) return;
    panel.hidden = true;
    launcher.setAttribute("aria-expanded", "false");
    launcher.focus();
  }

  launcher.addEventListener("click", () => (panel.hidden ? open() : close()));
  closeButton.addEventListener("click", close);
  root.addEventListener("keydown", (event) => {
    if (event.key === "Escape") close();
  });
  window.addEventListener("message", (event) => {
    const fromFrame = frame && event.source === frame.contentWindow && event.origin === frameOrigin;
    if (fromFrame && event.data && event.data.type === "clinic-assistant:close") close();
  });

  function attach() {
    document.body.append(host);
  }
  if (document.body) attach();
  else document.addEventListener("DOMContentLoaded", attach);
})();
