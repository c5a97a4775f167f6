/// <reference types="vite/client" />
/** The ops config, validated and embedded at build time (widget/build/config-plugin.ts). */
declare module 'virtual:sales-process-config' {
  import type { SalesProcessConfig } from '../shared/config/schema';
  const config: SalesProcessConfig;
  export default config;
}
