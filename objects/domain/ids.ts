// Random identifiers with a short prefix that says what they name ("c_…" is a card).

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

export function newId(prefix: string, length = 16): string {
	const bytes = crypto.getRandomValues(new Uint8Array(length));
	let id = `${prefix}_`;
	for (const byte of bytes) id += ALPHABET.charAt(byte % ALPHABET.length);
	return id;
}
