export * from './tile-kinds';
export * from './results';
export * from './reasons';
export * from './labels';
export * from './logic';
