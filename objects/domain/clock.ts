// The time every record is stamped with: ISO 8601 in UTC, as the contract and both stores keep it.

export function now(): string {
	return new Date().toISOString();
}
