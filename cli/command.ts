export type Command = {
  /** The words that select it, e.g. "user add". */
  name: string;
  summary: string;
  /** The full --help text. */
  help: string;
  /** How the operation's input fields are spelled on the command line, for error messages. */
  flags?: Record<string, string>;
  /** Resolves to the exit code, or nothing for success. */
  run(args: string[]): Promise<number | void>;
};
