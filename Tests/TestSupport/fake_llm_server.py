#!/usr/bin/env python3
"""A scripted OpenAI-compatible chat server for the LLM tests.

Binds 127.0.0.1 on a free port, prints the port on its first stdout line, then serves until it is
killed or its parent process goes away; with --exit-on-stdin-eof also when its standard input closes,
so a test process that dies without killing it takes it along.

POST .../v1/chat/completions (under any path prefix) picks a behaviour from the request's "model"
field, written NAME or NAME:ARG:ARG...:

  normal            "Hello", ", world", "!" as a stream (or one JSON reply when "stream" is false)
  bytes             a stream with multi-byte characters, written one byte per flushed chunk
  keepalive         ": keep-alive" comment lines between the events
  crlf              CRLF line endings, an "event:" field and one JSON chunk split over two data lines
  nodone            a stream that ends without "data: [DONE]"
  error-event       two deltas, then data: {"error": ...} at HTTP 200
  error-line        one delta, then an "error: ..." line (llama.cpp style) at HTTP 200
  error-json        HTTP 200 with {"error": ...} as the whole (non-streamed) body
  reasoning         reasoning_content and reasoning deltas before the answer
  reasoning-only    reasoning deltas only, ending with finish_reason "length"
  empty             role delta, finish_reason and [DONE], but no content
  garbage           a data line that is not JSON
  json-when-stream  one JSON reply even when a stream was asked for
  status:CODE:SHAPE[:QUOTE]
                    HTTP CODE with an error body of SHAPE: openai, llamacpp, plain, detail,
                    detail-list, text, html, empty; openai with CODE 401 quotes the key it got,
                    as QUOTE says: whole (the default), upper, prefix, suffix, middle, ellipsis, stars
  flaky:N:CODE:ID   HTTP CODE for the first N requests with this ID, then a stream "attempt K"
  always:CODE:ID    HTTP CODE every time, with "failure on attempt K" in the error body
  drop:N:ID         close the connection without answering for the first N requests with this ID
  hang              read the request, then never answer
  stall             one delta, then silence
  trickle           a keep-alive comment every 0.2 s, never any data
  slow              one delta every 0.3 s, ten of them
  close             one delta, then close the connection mid-chunk
  endless           16 KB deltas as fast as the client reads them, never ending
  escapes           a supported sentence carrying terminal escapes (window title, screen clear,
                    hyperlink, C1 CSI, BEL, CR), split across pieces
  escapes-error     HTTP 500 whose error message carries terminal escapes
  echo              answer with a JSON text describing the request: path, Authorization (also
                    reversed), body

POST .../v1/embeddings answers by its "model":

  words             a 64-dimensional vector per input, hashed from its lower-cased words (so texts that
                    share words are close); more than 64 inputs in one request is HTTP 413
  flaky-words:N:ID  HTTP 503 for the first N requests with this ID, then as words
  reject-key        HTTP 401 quoting the key it got, as OpenAI does

Any other path answers 404 in the OpenAI error shape.
"""

import json
import re
import os
import signal
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ATTEMPTS = {}
ATTEMPTS_LOCK = threading.Lock()


def next_attempt(key):
    with ATTEMPTS_LOCK:
        ATTEMPTS[key] = ATTEMPTS.get(key, 0) + 1
        return ATTEMPTS[key]


def chunk(model, content=None, reasoning_content=None, reasoning=None, finish=None, role=None):
    delta = {}
    if role is not None:
        delta["role"] = role
    if content is not None:
        delta["content"] = content
    if reasoning_content is not None:
        delta["reasoning_content"] = reasoning_content
    if reasoning is not None:
        delta["reasoning"] = reasoning
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion.chunk",
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }


def completion(model, content, reasoning_content=None, finish="stop"):
    message = {"role": "assistant", "content": content}
    if reasoning_content is not None:
        message["reasoning_content"] = reasoning_content
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "model": model,
        "choices": [{"index": 0, "message": message, "finish_reason": finish}],
    }


def event(obj, newline="\n"):
    return ("data: " + json.dumps(obj, ensure_ascii=False) + newline + newline).encode("utf-8")


def quoted(key, quote):
    """The key as a server might quote it back."""
    if not key:
        return "(none)"
    return {
        "upper": key.upper(),
        "prefix": key[:10],
        "suffix": key[-10:],
        "middle": key[4:14],
        "ellipsis": key[:6] + "\u2026" + key[-4:],
        "stars": key[:8] + "*" * 24 + key[-4:],
    }.get(quote, key)


def error_body(status, shape, key, quote="whole"):
    message = "scripted %d error" % status
    if shape == "openai":
        if status == 401:
            message = "Incorrect API key provided: %s. You can find your API key on the website." % quoted(key, quote)
        body = {"error": {"message": message, "type": "invalid_request_error", "param": None, "code": "bad"}}
    elif shape == "llamacpp":
        body = {"error": {"code": status, "message": message, "type": "server_error"}}
    elif shape == "plain":
        body = {"error": message}
    elif shape == "detail":
        body = {"detail": message}
    elif shape == "detail-list":
        body = {"detail": [{"loc": ["body", "model"], "msg": message, "type": "value_error"}]}
    elif shape == "text":
        return "text/plain", ("  %s\nsecond line\n" % message).encode()
    elif shape == "html":
        return "text/html", ("<html><head><title>%s</title></head><body></body></html>" % message).encode()
    else:
        return "text/plain", b""
    return "application/json", json.dumps(body).encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        pass

    def send_body(self, status, content_type, body):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def send_json(self, status, obj):
        self.send_body(status, "application/json", json.dumps(obj).encode())

    def start_stream(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()

    def send_chunk(self, data):
        if data:
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
            self.wfile.flush()

    def end_stream(self):
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    def stream(self, pieces):
        self.start_stream()
        for piece in pieces:
            self.send_chunk(piece)
        self.end_stream()

    def reply(self, model, stream, contents, reasoning=None):
        if stream:
            pieces = [event(chunk(model, role="assistant", content=""))]
            pieces += [event(chunk(model, content=c)) for c in contents]
            pieces.append(event(chunk(model, finish="stop")))
            pieces.append(b"data: [DONE]\n\n")
            self.stream(pieces)
        else:
            self.send_json(200, completion(model, "".join(contents), reasoning))

    def do_GET(self):
        self.send_json(404, {"error": {"message": "no route for GET %s" % self.path}})

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        raw = self.rfile.read(length)
        if self.path.endswith("/v1/embeddings"):
            self.embeddings(raw)
            return
        if not self.path.endswith("/v1/chat/completions"):
            self.send_json(404, {"error": {"message": "no route for POST %s" % self.path}})
            return
        try:
            request = json.loads(raw)
        except ValueError:
            self.send_json(400, {"error": {"message": "request body is not JSON"}})
            return
        model = request.get("model", "")
        stream = bool(request.get("stream", False))
        auth = self.headers.get("Authorization")
        key = auth[len("Bearer "):] if auth and auth.startswith("Bearer ") else None
        name, *args = model.split(":")
        handler = getattr(self, "behave_" + name.replace("-", "_"), None)
        if handler is None:
            self.send_json(404, {"error": {"message": "The model `%s` does not exist." % model}})
            return
        handler(model, stream, args, request, auth, key)

    def embeddings(self, raw):
        request = json.loads(raw)
        name, *args = request.get("model", "").split(":")
        inputs = request.get("input", [])
        auth = self.headers.get("Authorization") or ""
        if name == "reject-key":
            self.send_json(401, {"error": {"message": "Incorrect API key provided: %s" % auth[len("Bearer "):]}})
            return
        if name == "flaky-words" and next_attempt("embeddings:" + args[1]) <= int(args[0]):
            self.send_json(503, {"error": {"message": "overloaded"}})
            return
        if len(inputs) > 64:
            self.send_json(413, {"error": {"message": "at most 64 inputs per request"}})
            return
        data = []
        for index, text in enumerate(inputs):
            vector = [0.0] * 64
            for word in re.findall(r"[a-z]+", text.lower()):
                vector[sum(map(ord, word)) * 31 % 64] += 1.0
            data.append({"object": "embedding", "index": index, "embedding": vector})
        self.send_json(200, {"object": "list", "data": data, "model": request.get("model")})

    def behave_normal(self, model, stream, args, request, auth, key):
        self.reply(model, stream, ["Hello", ", world", "!"])

    def behave_bytes(self, model, stream, args, request, auth, key):
        self.start_stream()
        body = event(chunk(model, content="Grüße, ")) + event(chunk(model, content="☕ und 👋")) + b"data: [DONE]\n\n"
        for i in range(len(body)):
            self.send_chunk(body[i:i + 1])
        self.end_stream()

    def behave_keepalive(self, model, stream, args, request, auth, key):
        self.stream([
            b": keep-alive\n\n",
            event(chunk(model, content="kept")),
            b":\n: ping\n\n",
            event(chunk(model, content=" alive")),
            b": keep-alive\n\n",
            b"data: [DONE]\n\n",
        ])

    def behave_crlf(self, model, stream, args, request, auth, key):
        split = json.dumps(chunk(model, content=" two")).replace('"delta": ', '"delta":\r\ndata: ', 1)
        self.stream([
            b"event: message\r\n" + event(chunk(model, content="line one"), "\r\n"),
            ("data: " + split + "\r\n\r\n").encode(),
            b"data: [DONE]\r\n\r\n",
        ])

    def behave_nodone(self, model, stream, args, request, auth, key):
        self.stream([event(chunk(model, content="no")), event(chunk(model, content=" done", finish="stop"))])

    def behave_error_event(self, model, stream, args, request, auth, key):
        self.stream([
            event(chunk(model, content="partial")),
            event(chunk(model, content=" answer")),
            event({"error": {"message": "model crashed mid-answer", "type": "server_error"}}),
            b"data: [DONE]\n\n",
        ])

    def behave_error_line(self, model, stream, args, request, auth, key):
        self.stream([
            event(chunk(model, content="partial")),
            b'error: {"code": 500, "message": "context size exceeded", "type": "server_error"}\n\n',
        ])

    def behave_error_json(self, model, stream, args, request, auth, key):
        self.send_json(200, {"error": {"message": "the model is loading"}})

    def behave_reasoning(self, model, stream, args, request, auth, key):
        if not stream:
            self.send_json(200, completion(model, "Forty-two.", reasoning_content="Think hard."))
            return
        self.stream([
            event(chunk(model, reasoning_content="Think")),
            event(chunk(model, reasoning=" hard.")),
            event(chunk(model, content="Forty-two.")),
            event(chunk(model, finish="stop")),
            b"data: [DONE]\n\n",
        ])

    def behave_reasoning_only(self, model, stream, args, request, auth, key):
        self.stream([
            event(chunk(model, reasoning_content="Still thinking")),
            event(chunk(model, finish="length")),
            b"data: [DONE]\n\n",
        ])

    def behave_empty(self, model, stream, args, request, auth, key):
        self.stream([
            event(chunk(model, role="assistant", content="")),
            event(chunk(model, finish="stop")),
            b"data: [DONE]\n\n",
        ])

    def behave_garbage(self, model, stream, args, request, auth, key):
        self.stream([event(chunk(model, content="fine")), b"data: this is not json\n\n", b"data: [DONE]\n\n"])

    def behave_json_when_stream(self, model, stream, args, request, auth, key):
        self.send_json(200, completion(model, "plain JSON"))

    def behave_status(self, model, stream, args, request, auth, key):
        status = int(args[0])
        content_type, body = error_body(status, args[1] if len(args) > 1 else "openai", key, args[2] if len(args) > 2 else "whole")
        self.send_body(status, content_type, body)

    def behave_flaky(self, model, stream, args, request, auth, key):
        failures, status, ident = int(args[0]), int(args[1]), args[2]
        attempt = next_attempt("flaky:" + ident)
        if attempt <= failures:
            self.send_json(status, {"error": {"message": "busy, attempt %d" % attempt}})
        else:
            self.reply(model, stream, ["attempt %d" % attempt])

    def behave_always(self, model, stream, args, request, auth, key):
        status, ident = int(args[0]), args[1]
        attempt = next_attempt("always:" + ident)
        self.send_json(status, {"error": {"message": "failure on attempt %d" % attempt}})

    def behave_drop(self, model, stream, args, request, auth, key):
        failures, ident = int(args[0]), args[1]
        attempt = next_attempt("drop:" + ident)
        if attempt <= failures:
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
        else:
            self.reply(model, stream, ["attempt %d" % attempt])

    def behave_hang(self, model, stream, args, request, auth, key):
        time.sleep(30)
        self.close_connection = True

    def behave_stall(self, model, stream, args, request, auth, key):
        self.start_stream()
        self.send_chunk(event(chunk(model, content="waiting")))
        time.sleep(30)
        self.close_connection = True

    def behave_trickle(self, model, stream, args, request, auth, key):
        self.start_stream()
        try:
            for _ in range(150):
                self.send_chunk(b": keep-alive\n\n")
                time.sleep(0.2)
        except OSError:
            pass
        self.close_connection = True

    def behave_slow(self, model, stream, args, request, auth, key):
        self.start_stream()
        try:
            for i in range(20):
                self.send_chunk(event(chunk(model, content="piece %d " % i)))
                time.sleep(0.3)
            self.send_chunk(b"data: [DONE]\n\n")
            self.end_stream()
        except OSError:
            self.close_connection = True

    def behave_close(self, model, stream, args, request, auth, key):
        self.start_stream()
        self.send_chunk(event(chunk(model, content="cut")))
        self.wfile.write(b"40\r\ndata: {\"choices\"")
        self.wfile.flush()
        self.close_connection = True
        self.connection.shutdown(socket.SHUT_RDWR)

    def behave_endless(self, model, stream, args, request, auth, key):
        piece = event(chunk(model, content="flood " * 2730))
        self.start_stream()
        try:
            while True:
                self.send_chunk(piece)
        except OSError:
            self.close_connection = True

    def passages(self, request):
        """The numbered passages of Panelist's answer prompt: {n: text}."""
        user = "\n".join(m.get("content", "") for m in request.get("messages", []) if m.get("role") == "user")
        found = {}
        for match in re.finditer(r"^\[(\d+)\] [^\n]*:\n(.*?)(?=\n\n\[\d+\] |\n\nQuestion:|\Z)", user, re.M | re.S):
            found[int(match.group(1))] = match.group(2).strip()
        return found

    @staticmethod
    def first_sentence(text):
        return re.split(r"(?<=[.!?])\s+(?=[A-Z])", text)[0]

    def behave_grounded(self, model, stream, args, request, auth, key):
        """A cited sentence, an uncited but supported one, and an invented one."""
        found = self.passages(request)
        first = self.first_sentence(found.get(1, "Nothing."))
        second = self.first_sentence(found.get(2, found.get(1, "Nothing.")))
        self.reply(model, stream, [first + " [1] ", second + " ", "The moon is made of green cheese and rockets [2]."])

    def behave_phantom(self, model, stream, args, request, auth, key):
        """Markers naming passages that were never given."""
        found = self.passages(request)
        self.reply(model, stream, [self.first_sentence(found.get(1, "Nothing.")) + " [9][42]"])

    def behave_ungrounded(self, model, stream, args, request, auth, key):
        """A reply none of whose sentences the passages support."""
        self.reply(model, stream, ["Bananas are yellow and grow in warm tropical places [1].", " Penguins cannot fly at all [2]."])

    def behave_escapes(self, model, stream, args, request, auth, key):
        first = self.first_sentence(self.passages(request).get(1, "Nothing."))
        words = first.split(" ")
        self.reply(model, stream, [
            "\x1b]0;pwned\x07\x1b[2J" + " ".join(words[:3]) + "\x1b",
            "[31m ",
            " ".join(words[3:]) + " \u009b31m\x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\\r [1]\x7f",
        ])

    def behave_escapes_error(self, model, stream, args, request, auth, key):
        self.send_json(500, {"error": {"message": "overloaded \x1b]0;pwned\x07\x1b[2J\u009b31m now"}})

    def behave_echo(self, model, stream, args, request, auth, key):
        # The header also reversed: Panelist hides the key wherever a server quotes it, even in the answer.
        text = json.dumps({"path": self.path, "authorization": auth,
                           "authorization_reversed": auth[::-1] if auth else None, "expect": self.headers.get("Expect"),
                           "accept": self.headers.get("Accept"), "body": request})
        self.reply(model, stream, [text])


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the default of 5 drops connections when many tests start at once

    def handle_error(self, request, client_address):
        """Stays quiet about clients that hung up: several behaviours make that happen on purpose."""
        if not isinstance(sys.exc_info()[1], OSError):
            super().handle_error(request, client_address)


def exit_when_orphaned(parent, watch_stdin_eof):
    """Stops the server when the parent process is gone (or stdin closes), so no test leaves it behind."""
    def watch_stdin():
        try:
            while sys.stdin.buffer.read(4096):
                pass
        except (OSError, ValueError):
            pass
        os._exit(0)

    def watch_parent():
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(0)

    if watch_stdin_eof:
        threading.Thread(target=watch_stdin, daemon=True).start()
    threading.Thread(target=watch_parent, daemon=True).start()


def main():
    # A launcher may hand down a blocked SIGTERM (Foundation's Process on Linux does): unblock it so kill works.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM, signal.SIGINT])
    server = QuietServer(("127.0.0.1", 0), Handler)
    exit_when_orphaned(os.getppid(), "--exit-on-stdin-eof" in sys.argv[1:])
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
