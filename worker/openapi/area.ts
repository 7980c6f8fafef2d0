// An area of the API: a tag (a heading in the docs) and the entries of one routes/ file.
import type { RouteEntry } from "./route-entry";

export interface Area {
	tag: string;
	description: string;
	routes: RouteEntry[];
}
