"""Sends the HTTP requests listed as JSON on standard input and prints one JSON result per request.

Plain sockets and http.client (no HTTP library that would tidy the request), so a test can send what
a careless or hostile client sends. Each request is an object:
  {"method", "path", "body" (text), "body_size" (that many "a"s inside a JSON string), "headers",
   "repeat" (send it that many times), "slow": "start" | "finish"}
A "slow" start sends the head and part of a body and holds the connection; the next "finish" reads the
server's answer to it, so the requests in between show the server serving others meanwhile.
Usage: http_probe.py HOST PORT < requests.json
"""
import http.client
import json
import socket
import sys


def send(host, port, request):
    body = request.get("body", "")
    if "body_size" in request:
        body = '{"question": "' + "a" * request["body_size"] + '"}'
    connection = http.client.HTTPConnection(host, port, timeout=30)
    try:
        connection.request(request.get("method", "GET"), request["path"], body=body.encode() if body else None,
                           headers=request.get("headers", {}))
        response = connection.getresponse()
        return {"status": response.status, "headers": {k.lower(): v for k, v in response.getheaders()},
                "body": response.read().decode("utf-8", "replace")}
    except (ConnectionError, OSError) as error:
        return {"status": 0, "error": repr(error)}
    finally:
        connection.close()


def read_response(sock):
    data = b""
    while True:
        try:
            chunk = sock.recv(65536)
        except OSError as error:
            return {"status": 0, "error": repr(error)}
        if not chunk:
            break
        data += chunk
        head, _, rest = data.partition(b"\r\n\r\n")
        if _ and b"content-length:" in head.lower():
            length = int(head.lower().split(b"content-length:")[1].split(b"\r\n")[0])
            if len(rest) >= length:
                break
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1]) if lines and len(lines[0].split()) > 1 else 0
    headers = dict((k.strip().lower(), v.strip()) for k, _, v in (line.partition(":") for line in lines[1:]))
    return {"status": status, "headers": headers, "body": rest.decode("utf-8", "replace")}


def main(host, port):
    results, held = [], None
    for request in json.load(sys.stdin):
        if request.get("slow") == "start":
            held = socket.create_connection((host, port), timeout=60)
            held.sendall(("POST %s HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"question\":"
                          % (request["path"], host)).encode())
            results.append({"status": "held"})
        elif request.get("slow") == "finish":
            results.append(read_response(held))
            held.close()
        else:
            for _ in range(request.get("repeat", 1)):
                results.append(send(host, port, request))
    print(json.dumps(results))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
