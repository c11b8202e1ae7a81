import path from "node:path";

/** Absolute path of the SQLite file named by a `file:` URL; relative paths resolve from the working directory. */
export function databaseFilePath(url: string): string {
  const location = url.replace(/^file:/, "").replace(/\?.*$/, "");
  if (location === ":memory:") return location;
  // The user chooses this path at run time; keep the bundler from tracing the whole project.
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), location);
}
