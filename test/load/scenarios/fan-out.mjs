// 3. Live fan-out: N members on one board, one of them writing (20 ops/s, 10 ops/s from 200
// members up), then 20 members writing at the same instant. Every member's socket times each
// event from the moment its writer sent it, and counts what never came (lost) and what came
// twice (duplicated). Joining is measured too: ticket, upgrade, first snapshot, for all N.
// The bare twin is a partyserver room that inserts each message and broadcasts it.
import { latencyHistogram } from "../histogram.mjs";
import { round } from "../http-load.mjs";
import { makeTenant, openBoardSocket } from "../tenants.mjs";

/** Members are real, signed-in members; sockets beyond this many share their sessions (as tabs do). */
const MEMBER_POOL = 20;
/** Sockets joining at once, as a crowd opening the board does. */
const JOIN_CONCURRENCY = 16;
/** How long after the last write an event may still arrive before it counts as lost. */
const GRACE_MS = 15_000;

export default {
	id: "fan-out",
	title: "Live fan-out",
	about:
		"Members join one board over WebSockets (ticket, upgrade, sync), then writers send card.create operations over their sockets at a fixed rate. Latency runs from the send to each other member's event; lost and duplicated events are counted per member (both must be 0).",

	async run(ctx) {
		const measurements = [];
		const cases = [
			...ctx.opts.members.map((members) => ({ members, writers: 1, rate: members >= 200 ? 10 : 20 })),
			{ members: 20, writers: 20, rate: 1 },
		];
		for (const c of cases) {
			const key = c.writers > 1 ? `writers-${c.writers}` : `members-${c.members}`;
			const label =
				c.writers > 1
					? `${c.members} members all writing (${c.rate} op/s each, at the same instant)`
					: `${c.members} members, one writing ${c.rate} ops/s`;
			const bare = ctx.baseline && (await fanOut(ctx, bareRoom(ctx.baseline.base), c, `baseline: ${label}`));
			if (bare) measurements.push({ key, label, variant: "baseline", ...bare });
			for (const target of ctx.targets) {
				const room = await boardRoom(ctx, target.base, c.members);
				const result = await fanOut(ctx, room, c, `${target.variant}: ${label}`);
				if (bare?.latency.p99)
					result.ratio = { value: result.latency.p99 / bare.latency.p99, to: "bare room p99", of: "latency" };
				measurements.push({ key, label, variant: target.variant, ...result });
			}
		}
		return { measurements };
	},
};

/** Boardroom: a tenant, a pool of signed-in members, and sockets opened with tickets. */
async function boardRoom(ctx, base, members) {
	const tenant = await makeTenant(base, ctx.adminToken, "fanout");
	const others = await tenant.addMembers(Math.min(members, MEMBER_POOL) - 1);
	const tokens = [tenant.token, ...others.map((m) => m.token)];
	const lists = [...tenant.listIds];
	return {
		async join(i, onMessage) {
			const socket = await openBoardSocket(base, tenant.slug, tokens[i % tokens.length], tenant.boardId, { onMessage });
			return socket;
		},
		/** Joined once its sync is answered with the board. */
		isJoined: (text) => text.startsWith('{"type":"board.snapshot"') || text.startsWith('{"type":"events.replay"'),
		async prepareWriters(count) {
			while (lists.length < count)
				lists.push(
					(await tenant.json("POST", `/boards/${tenant.boardId}/lists`, { title: `Writer ${lists.length}` })).id,
				);
		},
		op: (writer, id) => ({
			type: "op",
			opId: id,
			op: { type: "card.create", boardId: tenant.boardId, listId: lists[writer], title: `Live ${id}` },
		}),
		/**
		 * The op id and sequence of an event frame, read without parsing it: a thousand members get
		 * every event, and parsing them all would make the load generator, not the server, the
		 * bottleneck. The committed event's own fields come first (seq, prevSeq, …, opId, event).
		 */
		event(text) {
			if (!text.startsWith('{"type":"event"')) return undefined;
			const seq = Number(text.slice(text.indexOf('"seq":') + 6, text.indexOf(",", text.indexOf('"seq":'))));
			const at = text.indexOf('"opId":"');
			const id = at < 0 ? undefined : text.slice(at + 8, text.indexOf('"', at + 8));
			return { id, seq };
		},
		ack(text) {
			if (!text.startsWith('{"type":"op.')) return undefined;
			const message = JSON.parse(text);
			return { id: message.opId, ok: message.type === "op.ack" };
		},
	};
}

/** The bare room: no tickets, no sync; every message is stored and broadcast as it came. */
function bareRoom(base) {
	const room = `fanout-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
	return {
		async join(_i, onMessage) {
			const started = performance.now();
			const ws = new WebSocket(`${base.replace(/^http/, "ws")}/room?room=${room}`);
			ws.addEventListener("message", (e) => onMessage(String(e.data)));
			await new Promise((resolve, reject) => {
				ws.addEventListener("open", resolve, { once: true });
				ws.addEventListener("error", () => reject(new Error("bare room socket failed")), { once: true });
			});
			onMessage('{"type":"joined"}');
			return {
				ws,
				ticketMs: 0,
				openMs: performance.now() - started,
				send: (m) => ws.send(JSON.stringify(m)),
				close: () => ws.close(),
			};
		},
		isJoined: (text) => text === '{"type":"joined"}',
		async prepareWriters() {},
		op: (_writer, id) => ({ type: "op", opId: id }),
		event(text) {
			if (!text.startsWith('{"type":"op"')) return undefined;
			return { id: JSON.parse(text).opId, seq: undefined };
		},
		// The bare room has no acknowledgements: the writer's own copy of the broadcast stands for one.
		ack: () => undefined,
	};
}

async function fanOut(ctx, room, { members, writers, rate }, stepLabel) {
	const { opts } = ctx;
	const step = ctx.step(stepLabel);
	const joinLimitMs = (opts.smoke ? 30 : 180) * 1000;
	const sentAt = new Map();
	const senderOf = new Map();
	const acked = new Set();
	const latency = latencyHistogram();
	const tickets = latencyHistogram();
	const joins = latencyHistogram();
	let duplicated = 0;
	let opErrors = 0;

	// ── Join ──────────────────────────────────────────────────────────────────
	const sockets = [];
	const joinStarted = performance.now();
	let nextIndex = 0;
	let joinFailures = 0;
	const joinOne = async (i) => {
		const seen = new Set();
		const member = { i, seen, socket: undefined };
		const started = performance.now();
		let resolveJoined;
		const joined = new Promise((resolve) => (resolveJoined = resolve));
		const onMessage = (text) => {
			if (room.isJoined(text)) return resolveJoined();
			const event = room.event(text);
			if (event) {
				const key = event.id ?? event.seq;
				if (seen.has(key)) duplicated += 1;
				seen.add(key);
				const sent = sentAt.get(event.id);
				if (sent !== undefined && senderOf.get(event.id) !== i) latency.record(performance.now() - sent);
				if (senderOf.get(event.id) === i) acked.add(event.id);
				step.request();
				return;
			}
			const ack = room.ack(text);
			if (ack) {
				if (ack.ok) acked.add(ack.id);
				else opErrors += 1;
			}
		};
		member.socket = await room.join(i, onMessage);
		tickets.record(member.socket.ticketMs || 0.001);
		await Promise.race([joined, new Promise((resolve) => setTimeout(resolve, 30_000))]);
		joins.record(performance.now() - started);
		sockets.push(member);
	};
	await Promise.all(
		Array.from({ length: JOIN_CONCURRENCY }, async () => {
			while (nextIndex < members && performance.now() - joinStarted < joinLimitMs) {
				const i = nextIndex++;
				await joinOne(i).catch(() => (joinFailures += 1));
			}
		}),
	);
	const joinSeconds = (performance.now() - joinStarted) / 1000;
	const joined = sockets.length;

	// ── Write ─────────────────────────────────────────────────────────────────
	await room.prepareWriters(writers);
	const writerSockets = [...sockets].sort((a, b) => a.i - b.i).slice(0, writers);
	const ticks = Math.max(1, Math.round(opts.seconds * rate));
	const writeStarted = performance.now();
	for (let t = 0; t < ticks && writerSockets.length > 0; t++) {
		const due = writeStarted + (t * 1000) / rate;
		const wait = due - performance.now();
		if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
		for (const [w, writer] of writerSockets.entries()) {
			const id = `fan-${t}-${w}-${Math.random().toString(36).slice(2, 10)}`;
			sentAt.set(id, performance.now());
			senderOf.set(id, writer.i);
			writer.socket.send(room.op(w, id));
		}
	}
	const sent = sentAt.size;
	// Wait for every acknowledged event to reach every member, or for the grace period.
	const everyoneHasAll = () => sockets.every((m) => [...acked].every((id) => m.seen.has(id)));
	const graceUntil = performance.now() + GRACE_MS;
	while (performance.now() < graceUntil && !(acked.size + opErrors >= sent && everyoneHasAll()))
		await new Promise((resolve) => setTimeout(resolve, 100));
	let lost = 0;
	for (const m of sockets) for (const id of acked) if (!m.seen.has(id)) lost += 1;
	// Sent but never confirmed (no ack, no error): their events are lost to everyone.
	const unconfirmed = sent - acked.size - opErrors;
	lost += unconfirmed * Math.max(0, sockets.length - 1);
	for (const m of sockets) m.socket.close();
	// Let the server finish with the leavers before the next measurement starts.
	await new Promise((resolve) => setTimeout(resolve, Math.min(1500, members * 5)));
	const summary = latency.summary();
	step.done(`joined ${joined}/${members} in ${joinSeconds.toFixed(1)} s, p99 ${summary.p99} ms, lost ${lost}`);
	return {
		members,
		joined,
		joinFailures,
		joinSeconds: round(joinSeconds),
		joinRate: round(joined / joinSeconds),
		ticket: tickets.summary(),
		join: joins.summary(),
		writers,
		opsSent: sent,
		opsAcked: acked.size,
		opErrors,
		unconfirmed,
		deliveries: summary.count,
		lost,
		duplicated,
		latency: summary,
		errors: opErrors + unconfirmed + joinFailures + (members - joined),
	};
}
