// Label colours: a fixed palette rather than free hex codes, so every label the client draws has
// been checked for contrast once (client/src/styles.css) and two boards never disagree on "red".
// Plain values, no zod: the board page draws labels without loading the schema library.

export const LABEL_COLORS = ["green", "yellow", "orange", "red", "purple", "blue", "teal", "gray"] as const;
export type LabelColor = (typeof LABEL_COLORS)[number];

/** The longest label name, in characters. */
export const MAX_LABEL_NAME_LENGTH = 40;
