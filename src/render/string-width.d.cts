/** The display width of a string in a terminal (see string-width.cjs). */
declare function stringWidth(text: string): number;
export = stringWidth;
