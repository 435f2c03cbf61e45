/**
 * The command line speaks the machine's language when no --lang is given (electron/cli/language.ts).
 * The tests expect English unless they ask for another, so every run, and every `rebound` process
 * a test starts, has the C locale whatever the machine's is.
 */
export default function setup(): void {
  process.env.LC_ALL = 'C';
}
