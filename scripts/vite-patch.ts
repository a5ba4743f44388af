// The shared shape of our build plugins that rewrite one pattern in one dependency's module: the
// build fails when the pattern is no longer found (an upgrade changed the code), rather than
// silently shipping what the patch was there to remove.
import type { Plugin } from 'vite';

export function patchModule(name: string, module: RegExp, pattern: RegExp, replacement: string): Plugin {
  return {
    name,
    enforce: 'pre',
    transform(code, id) {
      if (!module.test(id)) return null;
      let found = 0;
      const out = code.replace(pattern, () => {
        found++;
        return replacement;
      });
      if (found === 0) this.error(`${name}: pattern not found in ${id}; update it`);
      return { code: out, map: null };
    },
  };
}
