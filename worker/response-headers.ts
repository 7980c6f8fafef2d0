// Changing a response's headers on its way out. Responses from fetch, R2 and the runtime have
// immutable headers, so the change is made on a copy; the body is passed along, not read.

/** The response with `edit` applied to a copy of its headers; a WebSocket upgrade keeps its socket. */
export function withHeaders(response: Response, edit: (headers: Headers) => void): Response {
	const headers = new Headers(response.headers);
	edit(headers);
	if (response.status === 101) return new Response(null, { status: 101, webSocket: response.webSocket, headers });
	return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
