// A digest of what a request asked for, kept with its idempotency key so that reusing the key for
// a different request can be told apart from a retry. Synchronous on purpose: inside the Durable
// Object, an await on crypto.subtle between reading and committing would let other requests in.
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

export function fingerprintOf(request: unknown): string {
	return bytesToHex(sha256(utf8ToBytes(JSON.stringify(request))));
}
