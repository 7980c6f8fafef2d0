// The report's prose: how to read it, what the two designs' numbers mean, and how they carry over
// to production. Kept apart from the markup so it reads as text.

const howToRead = `
<p>Every figure was measured in this run, on this machine, with the app and a <b>bare baseline</b> running side by side:
a Worker with a SQLite Durable Object that does one insert or one read, a partyserver room that inserts and broadcasts
each message, and a Worker that streams to R2 (<code>test/load/baseline/</code>). Absolute numbers on a shared two-core
machine are noisy; the <b>ratio</b> to the baseline measured minutes apart on the same stack is what to compare between runs.</p>
<ul>
<li><b>Throughput</b> is successful requests per second of a closed loop (each client sends its next request when the last one
has been read to the end); <b>ratio</b> &gt; 1 would be faster than the bare platform, which is impossible for real work,
so read 0.85 as "85% of the platform's own ceiling".</li>
<li><b>Latencies</b> are percentiles from an HDR histogram: p99 is the slowest 1 in 100. For fan-out the latency runs from
the writer's send to each <i>other</i> member's copy of the event; its ratio is ours over the bare room's (lower is better).</li>
<li><b>Lost</b> counts, per member, acknowledged events that never arrived; <b>duplicated</b>, events that arrived twice. Both must be 0.</li>
<li>Locally everything (both designs, the baseline, the load generator) shares two cores and one workerd per stack. In production
each tenant's object can be on another machine, and D1 is a database across the network: see the last two sections.</li>
<li>The app runs as it is deployed, with one exception: rate limits are off (the suite measures what a tenant can do, not where
its plan stops it). Its one log line per request stays on; locally each line travels from workerd to wrangler's terminal,
which costs a small request about a fifth of its throughput here and nothing like it in production, where Workers Logs
collects lines after the response.</li>
</ul>`;

const designs = `
<p><b>Durable Objects.</b> A tenant's request is answered inside its own object, next to its SQLite: reads cost a few
microseconds each and no other request runs in between, so nothing has to be re-checked at commit. The price is the hop from
the Worker to the object (an RPC, with the result copied across) and that one object serves all of a tenant's traffic: it is the
per-tenant ceiling, and the noisy-neighbour scenario shows that tenants do not share one.</p>
<p><b>D1.</b> The Worker runs the same tenant service and talks to one shared database. Each read is a query (locally an
in-process SQLite, in production a round trip to the database's primary or a replica), each write a guarded batch that the one
writer runs while no other write runs. Locally D1 is close to free, so this design looks better here than it will in
production; what carries over is how many queries each request sends, which is what the database's single writer
divides its capacity by. Live collaboration goes through a relay object per tenant, so fan-out pays for a D1 commit and an
RPC to the relay before the broadcast.</p>`;

function production(x) {
	const l = x.limits;
	return `<p>Cloudflare documents about <b>${l.objectRequestsPerSecond.toLocaleString()} requests/s per Durable Object</b>, <b>10 GB per object and per D1 database</b>,
and a D1 database as <b>one writer doing about ${l.d1QueriesPerSecond.toLocaleString()} queries/s when each takes 1 ms</b>; Analytics Engine takes
<b>${l.aePointsPerInvocation} points per invocation</b> (the writer counts and drops beyond that; one request here writes a handful). Prices are the list prices in
<code>shared/prices.ts</code>, read on ${x.pricesReadOn} (requests, rows read and written; Durable Object duration and D1/Workers CPU time are not included).</p>
<p>So: the Durable Object design saturates <i>per tenant</i> — one tenant at about ${l.objectRequestsPerSecond.toLocaleString()} requests/s (and 10 GB) — and the
fleet grows with tenants, since each object can live on another machine. The D1 design saturates <i>for everyone at once</i>: every tenant's
queries share one writer, so the number of tenants it carries is that writer's capacity divided by each tenant's queries per second
(≈ ${x.d1Queries.read.replica + x.d1Queries.read.primary} per board read and ≈ ${x.d1Queries.write.replica + x.d1Queries.write.primary} per card write, estimated from
<code>worker/d1/</code> and the meter), and all tenants' rows share 10 GB. Read replicas (the Sessions API this design already uses) take
the selects off the primary, but not the metering upserts each request ends with: in this design every read also writes, and that is what
its reads saturate on. "Tenants until saturation" assumes every tenant at the profile's rates at once, and nothing else running.</p>`;
}

export const explain = { howToRead, designs, production };
