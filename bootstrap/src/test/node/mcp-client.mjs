// The MCP TypeScript SDK's client over Streamable HTTP: lists the tools and calls each one, then prints one JSON line
// with what it got. Arguments: the endpoint URL, an incident id, a CloudTrail event id its verdict blames.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const [url, incident, eventId] = process.argv.slice(2);
const client = new Client({ name: "typescript-sdk-client", version: "1.0.0" });
await client.connect(new StreamableHTTPClientTransport(new URL(url)));

const calls = {
  list_incidents: {},
  get_incident: { incident_id: incident, max_tokens: 3000 },
  get_incident_history: { incident_id: incident },
  list_stale_incidents: {},
  get_evidence: { incident_id: incident, evidence_id: "alert" },
  list_root_causes: { event_id: eventId },
};
const listed = await client.listTools();
const results = {};
for (const [name, args] of Object.entries(calls)) {
  const result = await client.callTool({ name, arguments: args });
  results[name] = { isError: result.isError === true, answer: JSON.parse(result.content[0].text) };
}
console.log(JSON.stringify({
  server: client.getServerVersion(),
  tools: listed.tools.map((tool) => tool.name),
  results,
}));
await client.close();
