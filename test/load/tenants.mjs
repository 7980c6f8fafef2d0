// Load-test fixtures: fresh tenants with signed-in members, boards with many cards, WebSocket
// clients, and a record of everything created so a run against a deployed instance deletes
// exactly what it made.

const PASSWORD = "load-test-password";
/** Every tenant this process created, by base URL, so `deleteCreatedTenants` can remove them. */
const created = new Map();
let memberSerial = 0;

/** Admin POST/DELETE with the operator's token; throws on anything unexpected. */
export function adminApi(base, adminToken) {
	const call = async (method, path, body, okStatuses = [200, 201, 202, 204]) => {
		const res = await fetch(`${base}${path}`, {
			method,
			headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		if (!okStatuses.includes(res.status)) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
		return res.status === 204 ? null : res.json().catch(() => null);
	};
	return call;
}

/** A tenant (business plan) with an owner signed in and one board, ready for load. */
export async function makeTenant(base, adminToken, prefix) {
	const slug = `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`.slice(0, 63);
	const admin = adminApi(base, adminToken);
	await admin("POST", "/api/admin/tenants", { slug, name: slug, plan: "business" });
	if (!created.has(base)) created.set(base, new Set());
	created.get(base).add(slug);
	const owner = await addMember(base, adminToken, slug, "owner@load.test", "owner");
	const api = tenantApi(base, slug, owner.token);
	const board = await api.json("POST", "/boards", { title: "Load" });
	const detail = await api.json("GET", `/boards/${board.id}`);
	return {
		slug,
		base,
		token: owner.token,
		owner,
		...api,
		boardId: board.id,
		listId: detail.lists[0].id,
		listIds: detail.lists.map((l) => l.id),
		/** More members, signed in: each one PBKDF2 hash and one sign-in, so keep the count small. */
		addMembers: (count, role = "member") =>
			Promise.all(
				Array.from({ length: count }, () => addMember(base, adminToken, slug, `m${memberSerial++}@load.test`, role)),
			),
		socket: (token = owner.token, boardId = board.id) => openBoardSocket(base, slug, token, boardId),
	};
}

async function addMember(base, adminToken, slug, email, role) {
	await adminApi(base, adminToken)("POST", `/api/admin/tenants/${slug}/members`, { email, password: PASSWORD, role });
	const res = await fetch(`${base}/api/t/${slug}/session`, {
		method: "POST",
		headers: { "content-type": "application/json" },
		body: JSON.stringify({ email, password: PASSWORD }),
	});
	if (res.status !== 200) throw new Error(`sign-in ${email}@${slug}: ${res.status} ${await res.text()}`);
	const { token, user } = await res.json();
	return { token, userId: user.id, email };
}

/** The tenant's routes, called with one member's token. */
export function tenantApi(base, slug, token) {
	const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
	const call = (method, path, body) =>
		fetch(`${base}/api/t/${slug}${path}`, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
		});
	return {
		headers,
		call,
		post: (path, body) => call("POST", path, body),
		async json(method, path, body) {
			const res = await call(method, path, body);
			if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
			return res.json();
		},
	};
}

/** Fills a board up to `count` live cards, one writer per list so no two writes race for a position. */
export async function fillBoard(tenant, boardId, listIds, count, step) {
	const perList = Math.ceil(count / listIds.length);
	await Promise.all(
		listIds.map(async (listId, l) => {
			for (let i = 0; i < perList && l * perList + i < count; i++) {
				await tenant.json("POST", `/boards/${boardId}/cards`, {
					listId,
					title: `Card ${l * perList + i}: a realistic title of a few words`,
					description: "Some notes on what this card is about, as people write them.",
				});
				step?.request();
			}
		}),
	);
}

/** Deletes every tenant this process created on `base` (DELETE /api/admin/tenants/:slug). */
export async function deleteCreatedTenants(base, adminToken) {
	const slugs = [...(created.get(base) ?? [])];
	const admin = adminApi(base, adminToken);
	for (let i = 0; i < slugs.length; i += 8)
		await Promise.all(
			slugs.slice(i, i + 8).map(async (slug) => {
				await admin("DELETE", `/api/admin/tenants/${slug}`, undefined, [200, 202, 204, 404]);
				created.get(base)?.delete(slug);
			}),
		);
	return slugs.length;
}

/**
 * A board socket as non-browser clients open one: a one-minute, one-use ticket for the board,
 * then the upgrade. Resolves once the socket is open and has sent its sync; `ticketMs` and
 * `openMs` say how long each step took.
 */
export async function openBoardSocket(base, slug, token, boardId, { since = null, onMessage } = {}) {
	const asked = performance.now();
	const res = await fetch(`${base}/api/t/${slug}/ws-ticket?board=${boardId}`, {
		method: "POST",
		headers: { authorization: `Bearer ${token}` },
	});
	if (res.status !== 200) throw new Error(`ws-ticket: ${res.status} ${await res.text()}`);
	const { ticket } = await res.json();
	const ticketMs = performance.now() - asked;
	const url = `${base.replace(/^http/, "ws")}/api/t/${slug}/ws?board=${boardId}&ticket=${encodeURIComponent(ticket)}`;
	const ws = new WebSocket(url);
	const listeners = new Set();
	ws.addEventListener("message", (event) => {
		const text = String(event.data);
		onMessage?.(text);
		if (listeners.size === 0) return;
		const message = JSON.parse(text);
		for (const listener of listeners) listener(message);
	});
	await new Promise((resolve, reject) => {
		ws.addEventListener("open", resolve, { once: true });
		ws.addEventListener("error", () => reject(new Error(`WebSocket to ${slug} failed`)), { once: true });
	});
	const openMs = performance.now() - asked - ticketMs;
	ws.send(JSON.stringify({ type: "sync", since }));
	return {
		ws,
		ticketMs,
		openMs,
		send: (message) => ws.send(JSON.stringify(message)),
		close: () => ws.close(),
		waitFor: (match, timeoutMs = 10_000) =>
			new Promise((resolve, reject) => {
				const timer = setTimeout(() => {
					listeners.delete(listener);
					reject(new Error("timed out waiting for a frame"));
				}, timeoutMs);
				const listener = (message) => {
					if (!match(message)) return;
					clearTimeout(timer);
					listeners.delete(listener);
					resolve(message);
				};
				listeners.add(listener);
			}),
	};
}

/** A tenant's usage so far this month, per meter, as the operator sees it (the exact ledger). */
export async function usageTotals(base, adminToken, slug) {
	const res = await fetch(`${base}/api/admin/tenants/${slug}/billing/usage?granularity=month`, {
		headers: { authorization: `Bearer ${adminToken}` },
	});
	if (res.status !== 200) return {};
	return (await res.json()).totals ?? {};
}

/** What each request of a measurement cost in rows, from the ledger before and after it. */
export function perRequest(before, after, requests) {
	const delta = (meter) => ((after[meter] ?? 0) - (before[meter] ?? 0)) / Math.max(1, requests);
	return {
		rowsRead: Math.round(delta("cost.rows_read") * 10) / 10,
		rowsWritten: Math.round(delta("cost.rows_written") * 10) / 10,
		objectRequests: Math.round(delta("cost.object_requests") * 100) / 100,
	};
}
