/** A mistake in how the command was called: reported with a pointer to --help, exit code 2. */
export class UsageError extends Error {
  /** The words of the command whose --help to point at, when not the command being run. */
  readonly helpTopic?: string;

  constructor(message: string, options: { helpTopic?: string } = {}) {
    super(message);
    this.name = 'UsageError';
    this.helpTopic = options.helpTopic;
  }
}
