/** The one file a command works on (`npm run <command> -- <file>`); usage and exit 2 without it. */
export function fileArgument(command: string): string {
  const file = process.argv[2];
  if (!file) {
    console.error(`usage: npm run ${command} -- <file>`);
    process.exit(2);
  }
  return file;
}
