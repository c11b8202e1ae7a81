import packageJson from "@/package.json";

export const appName = "MT5 Journal";
export const appVersion: string = packageJson.version;
