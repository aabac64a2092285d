import type { Framework } from '../policy/index.js';

/** One job the console app hosts; Kubernetes runs it by passing its name as the container argument. */
export interface BatchJobOptions {
  /** Job name: lowercase DNS-1123 label, at most 52 characters (the CronJob name limit). */
  readonly name: string;
}

/** Options of {@link BatchJobProject}, as written in the generated repository's `.projenrc.ts`. */
export interface BatchJobProjectOptions {
  /** Repository and application name: lowercase DNS-1123 label, at most 52 characters. */
  readonly name: string;
  /**
   * Target framework of the generated .NET projects.
   * @default - the policy's default framework (`net8.0` in policy 1.x)
   */
  readonly framework?: Framework;
  /**
   * Jobs hosted by the console app.
   * @default - one job named after the repository
   */
  readonly jobs?: readonly BatchJobOptions[];
  /**
   * Directory the project is synthesised into.
   * @default process.cwd()
   */
  readonly outdir?: string;
  /**
   * Language of the team-owned samples written once (README).
   * @default 'en'
   */
  readonly lang?: 'en' | 'es';
  /**
   * Version spec of `create-batch-job` recorded in the managed `package.json`.
   * @default - the version of the package doing the synthesis
   */
  readonly packageVersion?: string;
}
