"""Drives `panelist serve`'s OpenAI-compatible endpoints with the official `openai` Python client and
prints what it saw as one JSON object.

Usage: openai_client.py BASE_URL QUESTION OFF_TOPIC_QUESTION [API_KEY]
"""
import json
import sys

import openai


def extra(value, name):
    """A field the OpenAI types do not declare, as the client keeps it."""
    return (value.model_extra or {}).get(name)


def main(base_url, question, off_topic, api_key):
    client = openai.OpenAI(base_url=base_url + "/v1", api_key=api_key, max_retries=0, timeout=30)
    seen = {"models": [model.id for model in client.models.list().data]}

    whole = client.chat.completions.create(model="panelist", messages=[{"role": "user", "content": question}])
    seen["whole"] = {
        "object": whole.object,
        "role": whole.choices[0].message.role,
        "content": whole.choices[0].message.content,
        "finish_reason": whole.choices[0].finish_reason,
        "panelist": extra(whole, "panelist"),
    }

    pieces, finish, panelist, chunks = [], None, None, 0
    stream = client.chat.completions.create(model="panelist", stream=True, messages=[{"role": "user", "content": question}])
    for chunk in stream:
        chunks += 1
        delta = chunk.choices[0].delta
        if delta.content:
            pieces.append(delta.content)
        finish = chunk.choices[0].finish_reason or finish
        panelist = extra(chunk, "panelist") or panelist
    seen["streamed"] = {"chunks": chunks, "content": "".join(pieces), "finish_reason": finish, "panelist": panelist}

    declined = client.chat.completions.create(model="panelist", messages=[{"role": "user", "content": off_topic}])
    seen["declined"] = {"content": declined.choices[0].message.content, "panelist": extra(declined, "panelist")}

    try:
        client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": question}])
        seen["wrong_model"] = {"raised": False}
    except openai.APIStatusError as error:
        seen["wrong_model"] = {"raised": True, "status": error.status_code, "message": error.message}
    try:
        client.chat.completions.create(model="panelist", messages=[{"role": "user", "content": "   "}])
        seen["empty_question"] = {"raised": False}
    except openai.APIStatusError as error:
        seen["empty_question"] = {"raised": True, "status": error.status_code, "message": error.message}
    print(json.dumps(seen))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else "unused")
