// Load-test helpers: a fresh tenant with a signed-in member, a board, and WebSocket clients.

export async function makeTenant(base, adminToken, prefix) {
	const slug = `${prefix}-${Date.now().toString(36)}`;
	const admin = (path, body) =>
		fetch(`${base}${path}`, {
			method: "POST",
			headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" },
			body: JSON.stringify(body),
		});
	await admin("/api/admin/tenants", { slug, name: slug, plan: "business" });
	await admin(`/api/admin/tenants/${slug}/members`, {
		email: "load@example.test",
		password: "load-test-password",
		role: "owner",
	});
	const session = await fetch(`${base}/api/t/${slug}/session`, {
		method: "POST",
		headers: { "content-type": "application/json" },
		body: JSON.stringify({ email: "load@example.test", password: "load-test-password" }),
	});
	const { token } = await session.json();
	const post = (path, body) =>
		fetch(`${base}/api/t/${slug}${path}`, {
			method: "POST",
			headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
			body: JSON.stringify(body),
		});
	const board = await (await post("/boards", { title: "Load" })).json();
	const detail = await (
		await fetch(`${base}/api/t/${slug}/boards/${board.id}`, { headers: { authorization: `Bearer ${token}` } })
	).json();
	return {
		slug,
		token,
		post,
		boardId: board.id,
		listId: detail.lists[0].id,
		socket: () => openSocket(base, slug, token, board.id),
	};
}

/** A board socket authenticated with a one-minute, one-use ticket for its board, as non-browser clients do. */
async function openSocket(base, slug, token, boardId) {
	const { ticket } = await (
		await fetch(`${base}/api/t/${slug}/ws-ticket?board=${boardId}`, {
			method: "POST",
			headers: { authorization: `Bearer ${token}` },
		})
	).json();
	const ws = new WebSocket(
		`${base.replace("http", "ws")}/api/t/${slug}/ws?board=${boardId}&ticket=${encodeURIComponent(ticket)}`,
	);
	const listeners = new Set();
	ws.addEventListener("message", (event) => {
		const message = JSON.parse(String(event.data));
		for (const listener of listeners) listener(message);
	});
	await new Promise((resolve, reject) => {
		ws.addEventListener("open", resolve, { once: true });
		ws.addEventListener("error", reject, { once: true });
	});
	ws.send(JSON.stringify({ type: "sync", since: null }));
	return {
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

export function percentiles(samples) {
	const sorted = [...samples].sort((a, b) => a - b);
	const at = (q) => Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) * 10) / 10;
	return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
}
