import { createRequire } from 'node:module';
import type { CheckContext } from '../context.js';
import { say } from '../messages.js';

const require = createRequire(import.meta.url);

export function isDockerfile(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  return name === 'dockerfile' || name.endsWith('.dockerfile') || name.startsWith('dockerfile.');
}

/** SDK/build images that must not be the final stage. */
const BUILD_IMAGE = /(^|\/)(dotnet\/sdk|dotnet\/core\/sdk)(:|$)|(^|\/)(node|golang|maven|gradle)(:|$)/;

/**
 * Dockerfiles, parsed with dockerfile-ast (the parser behind dockerfile-utils): more than one stage, a final stage
 * that is not an SDK image, a non-root numeric `USER` in the final stage, every external base pinned (not `latest`,
 * not untagged), and a `.dockerignore` next to it.
 */
export function checkDockerfiles(ctx: CheckContext): void {
  const { paths } = ctx.files;
  const dockerfiles = paths.filter(isDockerfile);
  if (dockerfiles.length === 0) return;
  // Loaded only for repositories that have a Dockerfile.
  const { DockerfileParser } = require('dockerfile-ast') as typeof import('dockerfile-ast');
  for (const path of dockerfiles) {
    const text = ctx.files.read(path);
    if (text === undefined) continue;
    const dockerfile = DockerfileParser.parse(text);
    const froms = dockerfile.getFROMs();
    if (froms.length === 0) continue;
    const stages = new Set(froms.map((f) => f.getBuildStage()?.toLowerCase()).filter((s): s is string => !!s));
    const line = (range: { start: { line: number } } | null | undefined) => (range?.start.line ?? 0) + 1;

    for (const from of froms) {
      const name = from.getImageName();
      if (!name || stages.has(name.toLowerCase()) || name === 'scratch' || name.includes('$')) continue;
      const tag = from.getImageTag();
      if (from.getImageDigest()) continue;
      if (!tag) ctx.report('dockerfile-base-tag', path, line(from.getRange()), say((m) => m.baseUntagged(name)));
      else if (tag.toLowerCase() === 'latest') ctx.report('dockerfile-base-tag', path, line(from.getRange()), say((m) => m.baseLatest(name)));
    }
    const final = froms[froms.length - 1]!;
    if (froms.length < 2) ctx.report('dockerfile-multi-stage', path, line(final.getRange()), say((m) => m.singleStage));
    const finalImage = final.getImage() ?? '';
    if (BUILD_IMAGE.test(final.getImageName() ?? '')) {
      ctx.report('dockerfile-runtime-image', path, line(final.getRange()), say((m) => m.buildImageFinal(finalImage)));
    }
    const finalLine = final.getRange().start.line;
    const users = dockerfile.getInstructions().filter((i) => i.getKeyword() === 'USER' && i.getRange().start.line > finalLine);
    const lastUser = users[users.length - 1];
    const user = lastUser?.getArgumentsContent()?.trim().split(':')[0] ?? '';
    if (!lastUser) {
      ctx.report('dockerfile-non-root-user', path, line(final.getRange()), say((m) => m.noUser));
    } else if (user.startsWith('$')) {
      // `USER $APP_UID`: the .NET images define it (1654); the builder substitutes it, so it cannot be checked here.
    } else if (!/^\d+$/.test(user)) {
      ctx.report('dockerfile-non-root-user', path, line(lastUser.getRange()), say((m) => m.userNotNumeric(user)));
    } else if (Number(user) === 0) {
      ctx.report('dockerfile-non-root-user', path, line(lastUser.getRange()), say((m) => m.userRoot));
    }
    const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
    if (!paths.includes(`${dir}.dockerignore`) && !paths.includes(`${path}.dockerignore`)) {
      ctx.report('dockerfile-dockerignore', path, undefined, say((m) => m.noDockerignore(`${dir}.dockerignore`)));
    }
  }
}
