import { describe, expect, it } from "vitest";
import { call, tenantWithBoard } from "../helpers/api";
import { admission, ticketFor, upgradeWithTicket } from "../helpers/credentials";

describe("WebSocket tickets for clients that cannot send cookies", () => {
	it("a one-minute ticket opens a board socket without any other credential", async () => {
		const { slug, token, board } = await tenantWithBoard();
		const ticket = await ticketFor(slug, board.id, token);
		const res = await upgradeWithTicket(slug, board.id, ticket);
		expect(res.status).toBe(101);
		expect(await admission(res)).toBe("hello");
	});

	it("a ticket can also be asked for with ?board= and no body", async () => {
		const { slug, token, board } = await tenantWithBoard();
		const res = await call(`/api/t/${slug}/ws-ticket?board=${board.id}`, { method: "POST", token });
		const { ticket } = (await res.json()) as { ticket: string };
		expect(await admission(await upgradeWithTicket(slug, board.id, ticket))).toBe("hello");
	});

	it("a ticket must name its board", async () => {
		const { slug, token } = await tenantWithBoard();
		const res = await call(`/api/t/${slug}/ws-ticket`, { method: "POST", token });
		expect(res.status).toBe(422);
		expect(await res.json()).toMatchObject({ error: { code: "validation_failed" } });
	});

	it("a ticket opens one socket only: the second try is refused", async () => {
		const { slug, token, board } = await tenantWithBoard();
		const ticket = await ticketFor(slug, board.id, token);
		expect(await admission(await upgradeWithTicket(slug, board.id, ticket))).toBe("hello");
		expect(await admission(await upgradeWithTicket(slug, board.id, ticket))).toBe(4401);
	});

	it("a ticket for one board does not open another", async () => {
		const { slug, token, board } = await tenantWithBoard();
		const other = (await (
			await call(`/api/t/${slug}/boards`, { method: "POST", json: { title: "Other" }, token })
		).json()) as { id: string };
		const ticket = await ticketFor(slug, board.id, token);
		const res = await upgradeWithTicket(slug, other.id, ticket);
		expect(res.status).toBe(403);
		expect(await res.json()).toMatchObject({ error: { code: "forbidden" } });
		// Refused at the edge, so it was not spent: it still opens its own board.
		expect(await admission(await upgradeWithTicket(slug, board.id, ticket))).toBe("hello");
	});

	it("a session token is not a ticket, and a ticket is not a session", async () => {
		const { slug, token, board } = await tenantWithBoard();
		const ticket = await ticketFor(slug, board.id, token);
		expect((await upgradeWithTicket(slug, board.id, token)).status).toBe(401);
		expect((await call(`/api/t/${slug}/boards`, { token: ticket })).status).toBe(401);
	});

	it("a ticket of another tenant answers 404", async () => {
		const a = await tenantWithBoard();
		const b = await tenantWithBoard();
		const ticket = await ticketFor(a.slug, a.board.id, a.token);
		expect((await upgradeWithTicket(b.slug, b.board.id, ticket)).status).toBe(404);
	});

	it("a ticket drawn from a session that has ended opens nothing", async () => {
		const { slug, token, board } = await tenantWithBoard();
		const ticket = await ticketFor(slug, board.id, token);
		expect((await call(`/api/t/${slug}/session`, { method: "DELETE", token })).status).toBe(204);
		expect(await admission(await upgradeWithTicket(slug, board.id, ticket))).toBe(4401);
	});
});
