// The bare platform, for the load report's ratios: what a Worker, one SQLite Durable Object and
// one partyserver room cost on this machine with none of Boardroom's work (authentication,
// validation, metering, events) on top. Every Boardroom figure is divided by its twin here:
//
//   GET  /read?object=   the object reads one row (the twin of a board read)
//   POST /insert?object= the object inserts one row (the twin of a card write)
//   GET  /room?room=     a WebSocket into a room that inserts each message and broadcasts it
//   PUT  /blobs/:key     streams the body into R2; GET streams it back (attachments' twin)
import { DurableObject } from "cloudflare:workers";
import { type Connection, Server, type WSMessage } from "partyserver";

interface Env {
	BareObject: DurableObjectNamespace<BareObject>;
	BareRoom: DurableObjectNamespace<BareRoom>;
	BLOBS: R2Bucket;
}

/** One table, one row per write: the least a durable write can be. */
export class BareObject extends DurableObject<Env> {
	constructor(ctx: DurableObjectState, env: Env) {
		super(ctx, env);
		ctx.storage.sql.exec("CREATE TABLE IF NOT EXISTS items (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
	}

	insert(body: string): { id: number } {
		const row = this.ctx.storage.sql
			.exec<{ id: number }>("INSERT INTO items (body) VALUES (?) RETURNING id", body)
			.one();
		return { id: row.id };
	}

	read(): { id: number; body: string } | null {
		return (
			this.ctx.storage.sql
				.exec<{ id: number; body: string }>("SELECT * FROM items ORDER BY id DESC LIMIT 1")
				.toArray()[0] ?? null
		);
	}
}

/** A room with hibernating sockets, like Boardroom's: each message is stored, then sent to everyone. */
export class BareRoom extends Server<Env> {
	static override options = { hibernate: true };

	override onStart(): void {
		this.ctx.storage.sql.exec("CREATE TABLE IF NOT EXISTS messages (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
	}

	override onMessage(_connection: Connection, message: WSMessage): void {
		const body = typeof message === "string" ? message : "";
		this.ctx.storage.sql.exec("INSERT INTO messages (body) VALUES (?)", body);
		this.broadcast(body);
	}
}

export default {
	async fetch(request, env) {
		const url = new URL(request.url);
		const name = url.searchParams.get("object") ?? url.searchParams.get("room") ?? "bare";
		if (url.pathname === "/api/health") return Response.json({ ok: true, variant: "baseline" });
		if (url.pathname === "/read") return Response.json(await env.BareObject.getByName(name).read());
		if (url.pathname === "/insert" && request.method === "POST")
			return Response.json(await env.BareObject.getByName(name).insert(await request.text()), { status: 201 });
		if (url.pathname === "/room") return env.BareRoom.getByName(name).fetch(request);
		const blob = url.pathname.match(/^\/blobs\/([\w.-]+)$/)?.[1];
		if (blob && request.method === "PUT" && request.body) {
			const stored = await env.BLOBS.put(blob, request.body);
			return Response.json({ key: blob, size: stored?.size ?? 0 }, { status: 201 });
		}
		if (blob && request.method === "GET") {
			const object = await env.BLOBS.get(blob);
			return object
				? new Response(object.body, { headers: { "content-length": String(object.size) } })
				: new Response(null, { status: 404 });
		}
		if (blob && request.method === "DELETE") {
			await env.BLOBS.delete(blob);
			return new Response(null, { status: 204 });
		}
		return new Response("Not found", { status: 404 });
	},
} satisfies ExportedHandler<Env>;
