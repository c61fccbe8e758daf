// GigaChat facts, each written once. Import from here, never restate a host, port, scope or name.
export * from './hosts.js';
export * from './scopes.js';
export * from './models.js';
export * from './variables.js';
export * from './russian-ca.js';
