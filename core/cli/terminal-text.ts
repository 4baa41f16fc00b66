// What the CLI prints is shown by a terminal, which obeys escape sequences: a member name holding
// ESC [ … (stored before names were checked, or in an old file) could recolour, retitle or clear
// it. Every control character but newline and tab, and every text-direction override, is printed
// as its \uXXXX escape instead — which also keeps JSON output valid and meaning the same.

// eslint-disable-next-line no-control-regex -- control characters are exactly what must not reach a terminal
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(line: string): string {
  return line.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
