// Where the pairing server listens by default. Its own file so the CLI's option help needs no server.
export const DEFAULT_SERVER_HOST = '127.0.0.1';
export const DEFAULT_SERVER_PORT = 7341;
