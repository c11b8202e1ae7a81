// Runs once when the server starts: imports it was running when it stopped run again (importing is
// idempotent, so what they had stored already counts as present).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { resumeImports } = await import("@/lib/import/run-import");
  try {
    resumeImports();
  } catch (error) {
    // A database that cannot be read yet must not stop the server: /api/v1/health says why.
    console.error("could not resume imports:", error);
  }
}
