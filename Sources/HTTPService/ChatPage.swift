import Hummingbird

/// `GET /`: a small chat page, HTML, CSS and JavaScript in one document, served from the binary
/// (no build step, nothing fetched from elsewhere).
///
/// It posts the conversation to `/v1/chat/completions` with `stream: true`, shows the answer as it
/// arrives and then one expandable card per citation (expert, role, question, passage). Corpus text is
/// set with `textContent` only, never parsed as HTML. `?q=…` asks a question as the page opens.
enum ChatPage {
    static func response() -> Response {
        let headers: HTTPFields = [
            .contentType: "text/html; charset=utf-8",
            .contentSecurityPolicy: "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self'",
        ]
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    static let html = #"""
    <!doctype html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Panelist</title>
    <style>
      :root { --ink: #1d2330; --muted: #5b6475; --line: #d9dee8; --accent: #2452a3; --paper: #f7f8fb; }
      * { box-sizing: border-box; }
      body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: var(--paper); }
      main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 6rem; }
      h1 { font-size: 1.3rem; margin: 0 0 .2rem; }
      .tagline { color: var(--muted); margin: 0 0 1.2rem; }
      form { display: flex; gap: .5rem; position: sticky; top: 0; padding: .6rem 0; background: var(--paper); }
      input[type=text], input[type=password] { flex: 1; padding: .6rem .7rem; font: inherit; border: 1px solid var(--line); border-radius: .4rem; }
      button { padding: .6rem 1rem; font: inherit; border: 0; border-radius: .4rem; background: var(--accent); color: #fff; cursor: pointer; }
      button:disabled { opacity: .6; cursor: default; }
      .turn { margin: 1.2rem 0; }
      .question { font-weight: 600; }
      .answer { white-space: pre-wrap; background: #fff; border: 1px solid var(--line); border-radius: .5rem; padding: .8rem 1rem; margin-top: .4rem; }
      .answer.declined { color: var(--muted); }
      .error { color: #a32424; }
      .cards { margin-top: .6rem; display: grid; gap: .4rem; }
      details.citation { background: #fff; border: 1px solid var(--line); border-radius: .5rem; padding: .5rem .8rem; }
      details.citation summary { cursor: pointer; }
      .expert { font-weight: 600; }
      .role, .asked { color: var(--muted); }
      blockquote { margin: .5rem 0 .2rem; padding-left: .8rem; border-left: 3px solid var(--line); white-space: pre-wrap; }
      #token-row { display: none; margin-bottom: .6rem; gap: .5rem; }
    </style>
    </head>
    <body>
    <main>
      <h1>Panelist</h1>
      <p class="tagline">Ask what the experts said. Every answer cites the expert behind it.</p>
      <div id="token-row">
        <input id="token" type="password" placeholder="This server needs its access token" autocomplete="off">
      </div>
      <form id="ask">
        <input id="question" type="text" name="q" placeholder="What do the experts say about sanctions?" autocomplete="off" required>
        <button id="send" type="submit">Ask</button>
      </form>
      <section id="log" aria-live="polite"></section>
    </main>
    <script>
    "use strict";
    const log = document.getElementById("log");
    const form = document.getElementById("ask");
    const input = document.getElementById("question");
    const send = document.getElementById("send");
    const tokenRow = document.getElementById("token-row");
    const tokenInput = document.getElementById("token");
    const messages = [];
    tokenInput.value = sessionStorage.getItem("panelist-token") || "";

    function element(tag, className, text) {
      const node = document.createElement(tag);
      if (className) node.className = className;
      if (text !== undefined) node.textContent = text;
      return node;
    }

    function renderCitations(container, panelist) {
      const passages = new Map((panelist.passages || []).map(p => [p.id, p]));
      for (const citation of panelist.citations || []) {
        const card = element("details", "citation");
        card.open = citation.n === 1;
        card.dataset.passageId = citation.passage_id;
        const summary = element("summary");
        summary.append(element("span", "marker", "[" + citation.n + "] "), element("span", "expert", citation.expert || "(unnamed source)"));
        if (citation.role) summary.append(element("span", "role", " — " + citation.role));
        card.append(summary);
        if (citation.question) card.append(element("div", "asked", "On “" + citation.question + "”"));
        const passage = passages.get(citation.passage_id);
        card.append(element("blockquote", "passage", passage ? passage.text : citation.quote));
        container.append(card);
      }
    }

    async function ask(question) {
      const turn = element("div", "turn");
      turn.append(element("div", "question", question));
      const answer = element("div", "answer", "");
      const cards = element("div", "cards");
      turn.append(answer, cards);
      log.append(turn);
      messages.push({ role: "user", content: question });
      send.disabled = true;
      const headers = { "Content-Type": "application/json" };
      if (tokenInput.value) headers["Authorization"] = "Bearer " + tokenInput.value;
      let text = "";
      try {
        const response = await fetch("/v1/chat/completions", {
          method: "POST", headers,
          body: JSON.stringify({ model: "panelist", stream: true, messages })
        });
        if (!response.ok) {
          const body = await response.json().catch(() => ({}));
          if (response.status === 401) tokenRow.style.display = "flex";
          throw new Error((body.error && body.error.message) || ("HTTP " + response.status));
        }
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        let buffered = "";
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffered += decoder.decode(value, { stream: true });
          let end;
          while ((end = buffered.indexOf("\n\n")) >= 0) {
            const event = buffered.slice(0, end);
            buffered = buffered.slice(end + 2);
            if (!event.startsWith("data: ")) continue;
            const data = event.slice(6);
            if (data === "[DONE]") continue;
            const chunk = JSON.parse(data);
            const delta = chunk.choices[0].delta || {};
            if (delta.content) { text += delta.content; answer.textContent = text; }
            if (chunk.panelist) {
              // The cards below show the sources, so the answer keeps only its text and markers.
              answer.textContent = chunk.panelist.answer;
              if (chunk.panelist.abstained) answer.classList.add("declined");
              renderCitations(cards, chunk.panelist);
            }
          }
        }
        messages.push({ role: "assistant", content: text });
      } catch (error) {
        messages.pop();
        answer.classList.add("error");
        answer.textContent = error.message;
      } finally {
        send.disabled = false;
        turn.dataset.done = "true";
      }
    }

    form.addEventListener("submit", event => {
      event.preventDefault();
      const question = input.value.trim();
      if (!question) return;
      input.value = "";
      if (tokenInput.value) sessionStorage.setItem("panelist-token", tokenInput.value);
      ask(question);
    });

    const initial = new URLSearchParams(location.search).get("q");
    if (initial) ask(initial);
    </script>
    </body>
    </html>
    """#
}
