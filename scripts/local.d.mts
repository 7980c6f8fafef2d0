// Types for scripts/local.mjs, so TypeScript tests can import it.
import type { ChildProcess } from "node:child_process";

export const DEMO: {
	slug: string;
	name: string;
	password: string;
	members: { email: string; name: string; role: string }[];
};
export function ensureDevVars(path?: string): Record<string, string | undefined>;
export function startWrangler(options: {
	port: number;
	persistTo?: string;
	/** "d1" runs the D1 design (`--env d1`), its migrations applied first. */
	variant?: "do" | "d1";
	extraArgs?: string[];
	stdio?: "inherit" | "pipe";
}): Promise<{ child: ChildProcess; base: string; output: () => string }>;
export function stopWrangler(child: ChildProcess): void;
export function seedDemo(base: string, adminToken: string | undefined): Promise<boolean>;
