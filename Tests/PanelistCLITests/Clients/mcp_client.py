"""Drives `panelist mcp` with the official MCP Python SDK and prints what it saw as one JSON object.

Usage: mcp_client.py PANELIST_BINARY QUESTION QUERY [panelist options…]
Every step a client makes is here: initialize, list tools, call each tool, list and read resources,
and bad calls, after which the server must still answer.
"""
import asyncio
import json
import os
import sys

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client
from mcp.shared.exceptions import MCPError


async def bad_call(session, name, arguments):
    try:
        result = await session.call_tool(name, arguments)
        return {"raised": False, "is_error": bool(result.is_error)}
    except MCPError as error:
        return {"raised": True, "code": error.error.code, "message": error.error.message}


async def main(binary, question, query, options):
    params = StdioServerParameters(command=binary, args=["mcp", *options], env=dict(os.environ))
    seen = {}
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            initialized = await session.initialize()
            seen["server"] = initialized.server_info.name
            seen["tools"] = sorted(tool.name for tool in (await session.list_tools()).tools)

            ask = await session.call_tool("ask", {"question": question})
            seen["ask"] = {"is_error": bool(ask.is_error), "text": ask.content[0].text, "structured": ask.structured_content}
            search = await session.call_tool("search", {"query": query, "k": 2})
            seen["search"] = {"is_error": bool(search.is_error), "structured": search.structured_content}
            experts = await session.call_tool("list_experts", {})
            seen["experts"] = {"is_error": bool(experts.is_error), "structured": experts.structured_content}

            listed = await session.list_resources()
            uris = [str(resource.uri) for resource in listed.resources]
            seen["resources"] = uris
            seen["next_cursor"] = listed.next_cursor
            templates = await session.list_resource_templates()
            seen["templates"] = sorted(template.uri_template for template in templates.resource_templates)
            passage_uri = next(uri for uri in uris if uri.startswith("panelist://passage/"))
            expert_uri = next(uri for uri in uris if uri.startswith("panelist://expert/"))
            seen["passage"] = json.loads((await session.read_resource(passage_uri)).contents[0].text)
            seen["expert"] = json.loads((await session.read_resource(expert_uri)).contents[0].text)
            cited = ask.structured_content["citations"][0]["passage_id"] if ask.structured_content["citations"] else None
            if cited:
                from urllib.parse import quote
                uri = "panelist://passage/" + quote(cited, safe="-._~:@")
                seen["cited_passage"] = json.loads((await session.read_resource(uri)).contents[0].text)

            seen["bad"] = {
                "missing_question": await bad_call(session, "ask", {}),
                "k_out_of_range": await bad_call(session, "search", {"query": query, "k": 500}),
                "wrong_type": await bad_call(session, "search", {"query": 42}),
                "unknown_expert": await bad_call(session, "ask", {"question": question, "expert": "Nobody Atall"}),
                "unknown_tool": await bad_call(session, "nonexistent", {}),
            }
            try:
                await session.read_resource("panelist://passage/no-such-passage")
                seen["bad"]["unknown_passage"] = {"raised": False}
            except MCPError as error:
                seen["bad"]["unknown_passage"] = {"raised": True, "code": error.error.code, "message": error.error.message}
            after = await session.call_tool("list_experts", {})
            seen["after_bad"] = len(after.structured_content["experts"])
    print(json.dumps(seen))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]))
