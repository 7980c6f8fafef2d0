// The relay of the D1 design: one small Durable Object per tenant that holds only its sockets and
// presence. The data lives in D1; every Worker that commits a change hands the committed event
// here, and the relay delivers each board's events in sequence order — Workers may hand them over
// out of order, and one that dies after its commit never hands its event over at all, so a gap
// that stays open is filled from D1. Socket frames run through the same collaboration code as the
// Durable Object design, against the same tenant service, with D1 behind it.
import { type Connection, type ConnectionContext, Server, type WSMessage } from "partyserver";
import type { CommittedEvent } from "../../shared/protocol";
import { d1Of } from "../../worker/d1/bindings";
import { d1Tenant } from "../../worker/d1/tenant";
import {
	admitSocket,
	type BoardSocket,
	boardParam,
	boardTag,
	broadcastEvent,
	broadcastPresence,
	handleFrame,
	type Room,
	type SocketState,
} from "../domain/collaboration";
import { isRevoked, type Revoked } from "../domain/revocation";
import { EventOrder } from "./event-order";

/** How long a gap in a board's events may stay open before the relay reads the missing ones from D1. */
const GAP_TIMEOUT_MS = 300;

/** Read and message counts wait this long in memory before they are written (see usage-meter.ts). */
const FLUSH_AFTER_MS = 5_000;

export class Relay extends Server<Env> {
	static override options = { hibernate: true };

	/**
	 * The tenant, with D1 behind it, for as long as this object is in memory. Queries go straight
	 * to the primary (no Sessions API here): a socket's sync must not come from a replica that is
	 * behind what the relay has already delivered.
	 */
	readonly #tenant = d1Tenant(this.env, (promise) => this.ctx.waitUntil(promise), this.name, {
		d1: d1Of(this.env),
		flushAfterMs: FLUSH_AFTER_MS,
		onCommitted: (committed) => this.#order.add(committed),
	});
	readonly #room: Room = {
		store: this.#tenant.store,
		meter: this.#tenant.meter,
		resolve: async (credential) => {
			const actor = await this.#tenant.service.authorize(credential);
			return actor.ok ? actor.value : undefined;
		},
		connections: (boardId) => this.getConnections<SocketState>(boardTag(boardId)),
	};
	readonly #order = new EventOrder(
		(committed) => broadcastEvent(this.#room, committed),
		GAP_TIMEOUT_MS,
		(boardId, after) => this.#tenant.store.eventsSince(after, boardId),
	);

	// ── RPC from the Workers ──────────────────────────────────────────────────

	/** A committed event, from the Worker that committed it; delivered in its board's order. */
	async publish(committed: CommittedEvent): Promise<void> {
		this.#order.add(committed);
	}

	/** Closes the tenant's sockets whose credential `match`es (all, when omitted). */
	async closeSockets(code: number, reason: string, match?: Revoked): Promise<void> {
		for (const socket of this.getConnections<SocketState>()) {
			const credential = socket.state?.credential;
			if (!match || (credential && isRevoked(match, credential))) socket.close(code, reason);
		}
	}

	/** Writes the usage counts the relay holds (socket connects and messages): a report is about to be read. */
	async flushUsage(): Promise<void> {
		await this.#tenant.meter.flush();
	}

	/** Makes sure the cleanup sweep (expired uploads, archived files) runs by `at`. */
	async scheduleSweep(at: number): Promise<void> {
		const current = await this.ctx.storage.getAlarm();
		if (current === null || current > at) await this.ctx.storage.setAlarm(at);
	}

	override async onAlarm(): Promise<void> {
		const next = await this.#tenant.service.sweep();
		if (next !== undefined) await this.ctx.storage.setAlarm(next);
	}

	// ── Sockets (partyserver hooks) ───────────────────────────────────────────

	override getConnectionTags(_connection: Connection, { request }: ConnectionContext): string[] {
		return [boardTag(boardParam(request) ?? "none")];
	}

	override async onConnect(connection: BoardSocket, { request }: ConnectionContext): Promise<void> {
		const boardId = boardParam(request) ?? "";
		const { service, meter } = this.#tenant;
		try {
			await service.identity();
			meter.begin();
			await admitSocket(this.#room, connection, request, (credential) => service.admit(credential, boardId));
		} catch (error) {
			console.error("Admitting a socket failed", error);
			connection.close(1011, "Something went wrong on our side");
		}
	}

	override async onMessage(connection: BoardSocket, message: WSMessage): Promise<void> {
		// After hibernation the tenant is read again before anything is counted for it.
		await this.#tenant.service.identity();
		return handleFrame(this.#room, connection, message);
	}

	override onClose(connection: BoardSocket): void {
		const boardId = connection.state?.boardId;
		if (boardId) broadcastPresence(this.#room, boardId, connection.id);
	}

	override onRequest(): Response {
		return Response.json({ error: { code: "not_found", message: "Not found." } }, { status: 404 });
	}

	/** partyserver answers its own failures with `err.stack` as a text body; ours is JSON without one. */
	override async fetch(request: Request): Promise<Response> {
		const response = await super.fetch(request);
		if (response.status !== 500) return response;
		return Response.json(
			{ error: { code: "internal", message: "Something went wrong on our side." } },
			{ status: 500 },
		);
	}
}
