/** The secure e2e server's JOURNAL_PASSWORD (playwright.config.ts starts it with this). */
export const securePassword = "e2e-password-2026";
