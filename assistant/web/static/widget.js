// The widget page inside the clinic's iframe. Talks only to POST api/chat/stream on its own
// origin, keeps the conversation in memory only, and builds every node from text (never
// innerHTML). The answer streams in as plain text, then the final reply replaces it.
(() => {
  "use strict";

  const KIND_LABELS = {
    urgent_care: "Please get medical help urgently",
    out_of_scope: "Outside what this assistant can answer",
    unsafe_request: "I can't help with that request",
  };
  const TOKEN = /\*\*([^*]+)\*\*|\[(\d+)\]/g;
  const body = document.body;
  const maxChars = Number.parseInt(body.dataset.maxChars, 10) || 4000;
  const maxTurns = Number.parseInt(body.dataset.maxTurns, 10) || 0;
  const form = document.getElementById("ask");
  const input = document.getElementById("question");
  const sendButton = document.getElementById("send");
  const list = document.getElementById("messages");
  const banner = document.getElementById("urgent");
  const status = document.getElementById("status");
  const examples = document.getElementById("examples");
  const scroller = document.getElementById("scroll");
  const history = []; // {role, content} turns; memory only, gone when the page closes
  let answers = 0;
  let busy = false;

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function plainText(markdown) {
    return markdown.replace(/\*\*([^*]+)\*\*/g, "$1");
  }

  function safeUrl(url) {
    try {
      const parsed = new URL(url);
      return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
    } catch {
      return null;
    }
  }

  function appendInline(parent, text, markerFor) {
    let last = 0;
    for (const match of text.matchAll(TOKEN)) {
      parent.append(text.slice(last, match.index));
      const marker = match[2] !== undefined ? markerFor(Number(match[2])) : null;
      if (match[1] !== undefined) parent.append(element("strong", "", match[1]));
      else parent.append(marker || match[0]);
      last = match.index + match[0].length;
    }
    parent.append(text.slice(last));
  }

  function appendAnswer(parent, answer, markerFor) {
    for (const paragraph of answer.split(/\n{2,}/)) {
      if (!paragraph.trim()) continue;
      const p = element("p", "answer-text");
      appendInline(p, paragraph, markerFor);
      parent.append(p);
    }
  }

  function sourceItem(citation, id) {
    const item = element("li", "source");
    item.id = id;
    item.tabIndex = -1;
    item.append(element("strong", "source-title", citation.title));
    const facts = [citation.section, citation.source_type, citation.reviewed_on && `reviewed ${citation.reviewed_on}`];
    item.append(element("span", "source-meta", facts.filter(Boolean).join(" · ")));
    if (citation.evidence_note) item.append(element("span", "source-evidence", citation.evidence_note));
    const url = citation.url && safeUrl(citation.url);
    if (url) {
      const link = element("a", "source-link", "Open the source");
      link.href = url;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      item.append(link);
    }
    item.append(element("blockquote", "quote", citation.quote));
    return item;
  }

  // Scroll only our own container: scrollIntoView could also scroll the clinic's page.
  function reveal(node) {
    const box = scroller.getBoundingClientRect();
    const rect = node.getBoundingClientRect();
    if (rect.top < box.top || rect.bottom > box.bottom) scroller.scrollTop += rect.top - box.top - 8;
  }

  function showSource(details, item) {
    details.open = true;
    for (const other of details.querySelectorAll(".source.active")) other.classList.remove("active");
    item.classList.add("active");
    item.focus({ preventScroll: true });
    reveal(item);
  }

  function appendSources(parent, citations, answerId) {
    const details = element("details", "sources");
    details.append(element("summary", "", `Sources (${citations.length})`));
    const items = element("ol", "source-list");
    const byNumber = new Map();
    for (const citation of citations) {
      const item = sourceItem(citation, `${answerId}-source-${citation.n}`);
      byNumber.set(citation.n, { citation, item });
      items.append(item);
    }
    details.append(items);
    parent.append(details);
    return (n) => {
      const found = byNumber.get(n);
      if (!found) return null;
      const marker = element("a", "marker", `[${n}]`);
      marker.href = `#${found.item.id}`;
      marker.setAttribute("aria-label", `Source ${n}: ${found.citation.title}`);
      marker.addEventListener("click", (event) => {
        event.preventDefault();
        showSource(details, found.item);
      });
      return marker;
    };
  }

  function addMessage(role, kind) {
    const item = element("li", `message ${role}${kind ? ` kind-${kind}` : ""}`);
    item.append(element("span", "visually-hidden", role === "user" ? "You said:" : "Assistant:"));
    list.append(item);
    return item;
  }

  function addReply(reply) {
    answers += 1;
    const item = addMessage("assistant", reply.kind);
    if (KIND_LABELS[reply.kind]) item.append(element("p", "kind-label", KIND_LABELS[reply.kind]));
    const content = element("div", "answer");
    item.append(content);
    const citations = Array.isArray(reply.citations) ? reply.citations : [];
    const markerFor = citations.length
      ? appendSources(item, citations, `answer-${answers}`)
      : () => null;
    appendAnswer(content, String(reply.answer || ""), markerFor);
    if (reply.kind === "urgent_care") {
      banner.textContent = plainText(String(reply.answer || ""));
      banner.hidden = false;
    }
    reveal(item);
  }

  function errorText(response, data) {
    if (response && response.status === 429) {
      const seconds = response.headers.get("retry-after") || "a few";
      return `You have sent a lot of messages. Please wait ${seconds} seconds and try again.`;
    }
    const message = data && data.error && data.error.message;
    return message ? `Sorry, that did not work: ${message}.` : "Sorry, something went wrong. Please try again.";
  }

  function requestBody(message) {
    const turns = maxTurns > 0 ? history.slice(-maxTurns) : [];
    return JSON.stringify({ message, history: turns });
  }

  function parseEvent(block) {
    let name = "message";
    const data = [];
    for (const line of block.split("\n")) {
      if (line.startsWith("event:")) name = line.slice(6).trim();
      else if (line.startsWith("data:")) data.push(line.slice(5).trim());
    }
    return { name, data: JSON.parse(data.join("\n")) };
  }

  // Server-sent events from a fetch response (EventSource cannot POST a body).
  async function* serverEvents(response) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n/g, "\n");
      for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block.trim()) yield parseEvent(block);
      }
    }
  }

  // Shows the pieces as plain text while they arrive; resolves to the final reply or null.
  async function receive(response) {
    const item = addMessage("assistant", "pending");
    item.setAttribute("aria-busy", "true");
    const text = element("p", "answer-text", "");
    item.append(text);
    let reply = null;
    let failure = null;
    try {
      for await (const event of serverEvents(response)) {
        if (event.name === "delta") text.textContent += String(event.data.text || "");
        else if (event.name === "reply") reply = event.data;
        else if (event.name === "error") failure = event.data;
        reveal(item);
      }
    } finally {
      item.remove();
    }
    if (!reply) status.textContent = errorText(null, failure);
    return reply;
  }

  async function ask(text) {
    const message = text.trim();
    if (!message || busy) return;
    busy = true;
    sendButton.disabled = true;
    status.textContent = "Looking this up…";
    examples.hidden = true;
    addMessage("user").append(element("p", "user-text", message));
    input.value = "";
    try {
      const response = await fetch("api/chat/stream", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "text/event-stream" },
        body: requestBody(message),
        credentials: "omit",
        cache: "no-store",
      });
      if (!response.ok || !response.body) {
        status.textContent = errorText(response, await response.json().catch(() => null));
        return;
      }
      const reply = await receive(response);
      if (!reply) return;
      history.push({ role: "user", content: message });
      history.push({ role: "assistant", content: String(reply.answer || "").slice(0, maxChars) });
      status.textContent = "";
      addReply(reply);
    } catch {
      status.textContent = errorText(null, null);
    } finally {
      busy = false;
      sendButton.disabled = false;
    }
  }

  function requestClose() {
    if (window.parent !== window) window.parent.postMessage({ type: "clinic-assistant:close" }, "*");
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    ask(input.value);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      ask(input.value);
    }
  });
  for (const button of document.querySelectorAll(".example")) {
    button.addEventListener("click", () => ask(button.textContent));
  }
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") requestClose();
  });
  window.addEventListener("message", (event) => {
    const data = event.data;
    if (event.source === window.parent && data && data.type === "clinic-assistant:open") input.focus();
  });
})();
