export * from './common-modules';
export * from './demo';
export * from './http-app';
export * from './main-runner';
export * from './organisation-command';
