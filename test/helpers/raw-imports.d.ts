// Vite's `?raw` imports (a file's text), which the Workers Vitest integration resolves too.
declare module "*?raw" {
	const text: string;
	export default text;
}
